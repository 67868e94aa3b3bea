import {
  Alert,
  Button,
  Group,
  Modal,
  Radio,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCheck, IconReceiptRefund } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CREDIT_MODES } from '../../../shared/api/documents';
import type { DocumentDto } from '../../../shared/api';
import { formatMoney } from '../../../shared/money';
import { formatQuantity } from '../../../shared/totals';
import { useApiMutation } from '../../api';
import { serverFieldErrors } from '../../ui/form-errors';
import { buildCreditNote, creditable, emptyCreditNote, type CreditNoteValues } from './credit-note';
import { invalidateDocuments } from './queries';

/** "Établir un avoir" (manager): a reason, what becomes of the money, the whole invoice or some of its lines. */
export function CreditNoteModal({
  invoice,
  opened,
  onClose,
}: {
  invoice: DocumentDto;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={t('documents.creditNote.title', { number: invoice.number ?? '' })}
    >
      {opened && <CreditNoteForm invoice={invoice} onDone={onClose} />}
    </Modal>
  );
}

function CreditNoteForm({ invoice, onDone }: { invoice: DocumentDto; onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<CreditNoteValues>({ mode: 'controlled', initialValues: emptyCreditNote() });
  const create = useApiMutation('documents.creditNote', {
    onSuccess: async (note) => {
      await invalidateDocuments(queryClient);
      notifications.show({
        color: 'green',
        icon: <IconCheck size={18} />,
        message: t('documents.creditNote.done', { number: note.number ?? '' }),
      });
      onDone();
      void navigate(`/billing/${note.id}`);
    },
    onError: (error) => {
      // "lines.N.quantity" is the N-th line sent: only lines with a quantity were sent, in the invoice's order.
      const sent = invoice.lines.filter((line) => (form.values.quantities[String(line.id)] ?? '').trim() !== '');
      const errors = serverFieldErrors(error);
      form.setErrors(
        Object.fromEntries(
          Object.entries(errors).map(([path, message]) => {
            const match = /^lines\.(\d+)/.exec(path);
            const line = match ? sent[Number(match[1])] : undefined;
            return [line ? `quantities.${line.id}` : path, message];
          }),
        ),
      );
    },
  });

  function submit(values: CreditNoteValues) {
    const built = buildCreditNote(invoice, values);
    if (!built.ok) {
      form.setErrors(
        Object.fromEntries(
          Object.entries(built.errors).map(([path, code]) => [
            path,
            t(`documents.creditNote.errors.${code}`, { max: built.max[path] ?? '' }),
          ]),
        ),
      );
      return;
    }
    create.mutate(built.input);
  }

  const lines = invoice.lines.filter((line) => creditable(line) > 0);
  return (
    <form noValidate onSubmit={form.onSubmit(submit)} data-testid="credit-note-form">
      <Stack gap="md">
        <Text size="sm">{t('documents.creditNote.body')}</Text>
        {create.error && !create.error.error.fields && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
            {create.error.message}
          </Alert>
        )}
        <Textarea
          label={t('documents.creditNote.reason')}
          placeholder={t('documents.creditNote.reasonPlaceholder')}
          required
          autosize
          minRows={2}
          maxLength={300}
          data-autofocus
          {...form.getInputProps('reason')}
        />
        <Radio.Group
          label={t('documents.creditNote.mode')}
          required
          value={form.values.mode}
          onChange={(mode) => form.setFieldValue('mode', mode)}
          error={form.errors.mode}
        >
          <Stack gap="xs" mt={6}>
            {CREDIT_MODES.map((mode) => (
              <Radio
                key={mode}
                value={mode}
                label={t(`documents.creditNote.modes.${mode}`)}
                description={t(`documents.creditNote.modeHints.${mode}`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        <SegmentedControl
          value={form.values.scope}
          onChange={(scope) => form.setFieldValue('scope', scope)}
          data={(['all', 'lines'] as const).map((scope) => ({
            value: scope,
            label: t(`documents.creditNote.scope.${scope}`),
          }))}
          style={{ alignSelf: 'flex-start' }}
          data-testid="credit-note-scope"
        />
        {form.values.scope === 'lines' && (
          <Table verticalSpacing={6} data-testid="credit-note-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('documents.creditNote.columns.line')}</Table.Th>
                <Table.Th w={110} ta="right">
                  {t('documents.page.lines.unitPrice')}
                </Table.Th>
                <Table.Th w={90} ta="right">
                  {t('documents.creditNote.columns.left')}
                </Table.Th>
                <Table.Th w={150}>{t('documents.creditNote.columns.quantity')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((line) => (
                <Table.Tr key={line.id} style={{ verticalAlign: 'top' }}>
                  <Table.Td>
                    <Text size="sm" dir="auto">
                      {line.description}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" className="mono">
                    {formatMoney(line.unitPrice, invoice.currency)}
                  </Table.Td>
                  <Table.Td ta="right" className="mono">
                    {formatQuantity(creditable(line))}
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      inputMode="decimal"
                      placeholder="0"
                      aria-label={t('documents.creditNote.quantityOf', { line: line.description })}
                      {...form.getInputProps(`quantities.${line.id}`)}
                      value={form.values.quantities[String(line.id)] ?? ''}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {typeof form.errors.lines === 'string' && (
          <Text size="sm" c="red" role="alert">
            {form.errors.lines}
          </Text>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            color="grape"
            leftSection={<IconReceiptRefund size={16} />}
            loading={create.isPending}
            data-testid="credit-note-submit"
          >
            {t('documents.creditNote.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
