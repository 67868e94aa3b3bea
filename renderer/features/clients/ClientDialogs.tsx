import { Alert, Button, Checkbox, Group, Modal, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import {
  IconAlertTriangle,
  IconCheck,
  IconDownload,
  IconFileTypePdf,
  IconJson,
  IconShieldX,
} from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientDataExport, ClientDto } from '../../../shared/api';
import { CLIENT_STATUSES, type ClientStatus } from '../../../shared/client';
import { useApiMutation } from '../../api';
import { locale } from '../../i18n';
import { base64ToBytes, downloadBlob, formatFileSize } from '../../ui/download';
import { serverFieldErrors } from '../../ui/form-errors';
import { invalidateClients } from './queries';

export type ClientDialog = 'status' | 'anonymize' | null;

/** A manager changes the status (active, suspended…) with a reason kept in the history. */
export function StatusModal({ client, opened, onClose }: { client: ClientDto; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('clients.statusDialog.title', { name: client.displayName })}>
      {opened && <StatusForm client={client} onDone={onClose} />}
    </Modal>
  );
}

function StatusForm({ client, onDone }: { client: ClientDto; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<{ status: ClientStatus; reason: string }>({
    mode: 'controlled',
    initialValues: { status: client.status === 'active' ? 'suspended' : 'active', reason: '' },
  });
  const setStatus = useApiMutation('clients.setStatus', {
    onSuccess: async (saved) => {
      await invalidateClients(queryClient);
      notifications.show({
        color: 'green',
        icon: <IconCheck size={18} />,
        message: t('clients.statusDialog.done', { code: saved.code, status: t(`clients.status.${saved.status}`) }),
      });
      onDone();
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => setStatus.mutate({ id: client.id, ...values }))}
      data-testid="status-form"
    >
      <Stack gap="md">
        {setStatus.error && !setStatus.error.error.fields && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
            {setStatus.error.message}
          </Alert>
        )}
        <Select
          label={t('clients.statusDialog.status')}
          data={CLIENT_STATUSES.filter((s) => s !== client.status).map((s) => ({
            value: s,
            label: t(`clients.status.${s}`),
          }))}
          allowDeselect={false}
          required
          {...form.getInputProps('status')}
        />
        <Textarea
          label={t('clients.statusDialog.reason')}
          description={t('clients.statusDialog.reasonHint')}
          placeholder={t('clients.statusDialog.reasonPlaceholder')}
          autosize
          minRows={2}
          maxLength={300}
          required
          data-autofocus
          {...form.getInputProps('reason')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={setStatus.isPending}>
            {t('clients.statusDialog.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** An admin erases a client's personal data (Law 09-08), once no legal retention applies; the server says when not. */
export function AnonymizeModal({
  client,
  opened,
  onClose,
}: {
  client: ClientDto;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('clients.anonymizeDialog.title', { name: client.displayName })}
      size="lg"
    >
      {opened && <AnonymizeForm client={client} onDone={onClose} />}
    </Modal>
  );
}

function AnonymizeForm({ client, onDone }: { client: ClientDto; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({ mode: 'controlled', initialValues: { reason: '', confirmed: false } });
  const anonymize = useApiMutation('clients.anonymize', {
    onSuccess: async (saved) => {
      await invalidateClients(queryClient);
      notifications.show({ color: 'green', message: t('clients.anonymizeDialog.done', { code: saved.code }) });
      onDone();
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });
  const refusal = anonymize.error && !anonymize.error.error.fields ? anonymize.error : null;
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(({ reason }) => anonymize.mutate({ id: client.id, reason }))}
      data-testid="anonymize-form"
    >
      <Stack gap="md">
        <Text size="sm">{t('clients.anonymizeDialog.body')}</Text>
        <Text size="sm" c="dimmed">
          {t('clients.anonymizeDialog.retention')}
        </Text>
        {refusal && (
          <Alert
            color="red"
            icon={<IconShieldX size={18} />}
            title={t('clients.anonymizeDialog.refused')}
            role="alert"
            data-testid="anonymize-refused"
          >
            {refusal.message}
          </Alert>
        )}
        <Textarea
          label={t('clients.anonymizeDialog.reason')}
          placeholder={t('clients.anonymizeDialog.reasonPlaceholder')}
          autosize
          minRows={2}
          maxLength={300}
          required
          data-autofocus
          {...form.getInputProps('reason')}
        />
        <Checkbox
          label={t('clients.anonymizeDialog.confirm')}
          color="red"
          {...form.getInputProps('confirmed', { type: 'checkbox' })}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            color="red"
            loading={anonymize.isPending}
            disabled={!form.values.confirmed || form.values.reason.trim() === ''}
          >
            {t('clients.anonymizeDialog.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Law 09-08 right of access: the export is made (and logged) by the page; here the person saves its two files. */
export function ExportDataModal({
  client,
  data,
  onClose,
}: {
  client: ClientDto;
  data: ClientDataExport | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={data !== null}
      onClose={onClose}
      title={t('clients.exportDialog.title', { code: client.code })}
      size="lg"
    >
      {data && <ExportFiles data={data} />}
    </Modal>
  );
}

function ExportFiles({ data }: { data: ClientDataExport }) {
  const { t } = useTranslation();
  const files = useMemo(
    () => [
      {
        key: 'json',
        icon: IconJson,
        label: t('clients.exportDialog.json'),
        name: `${data.fileBase}.json`,
        blob: new Blob([data.json], { type: 'application/json;charset=utf-8' }),
      },
      {
        key: 'pdf',
        icon: IconFileTypePdf,
        label: t('clients.exportDialog.pdf'),
        name: `${data.fileBase}.pdf`,
        blob: new Blob([base64ToBytes(data.pdf)], { type: 'application/pdf' }),
      },
    ],
    [data, t],
  );
  return (
    <Stack gap="md" data-testid="export-data">
      <Text size="sm">{t('clients.exportDialog.body')}</Text>
      {files.map(({ key, icon: FileIcon, label, name, blob }) => (
        <Paper key={key} withBorder p="sm">
          <Group justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
              <FileIcon size={28} stroke={1.5} color="var(--mantine-color-brand-7)" />
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  {label}
                </Text>
                <Text size="xs" c="dimmed" className="mono" truncate="end">
                  {name} · {formatFileSize(blob.size, locale())}
                </Text>
              </Stack>
            </Group>
            <Button
              variant="light"
              leftSection={<IconDownload size={16} />}
              onClick={() => downloadBlob(blob, name)}
              data-testid={`download-${key}`}
            >
              {t('clients.exportDialog.download')}
            </Button>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
