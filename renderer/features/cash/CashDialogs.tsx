import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCheck, IconDeviceFloppy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CashSessionDto } from '../../../shared/api';
import { formatMoney, parseMoney } from '../../../shared/money';
import { useApiMutation } from '../../api';
import { serverFieldErrors } from '../../ui/form-errors';
import { invalidateCash } from './CashBits';
import { DESK_MAX_LENGTH, normalizeDesk, saveDesk } from './desk';

export type MovementKind = 'out' | 'in';

/** "Sortie d'espèces" (a bank deposit) or "Apport d'espèces" (change): an amount and its reason, for the Z report. */
export function MovementModal({
  session,
  kind,
  onClose,
}: {
  session: CashSessionDto;
  kind: MovementKind | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={kind !== null}
      onClose={onClose}
      title={kind === 'in' ? t('cash.movement.inTitle') : t('cash.movement.outTitle')}
    >
      {kind && <MovementForm session={session} kind={kind} onDone={onClose} />}
    </Modal>
  );
}

function MovementForm({ session, kind, onDone }: { session: CashSessionDto; kind: MovementKind; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: { amount: '', reason: '' },
    validate: {
      amount: (text) => {
        const amount = parseMoney(text);
        return amount === null || amount <= 0 ? t('cash.movement.errors.amount') : null;
      },
      reason: (text) => (text.trim() ? null : t('cash.movement.errors.reason')),
    },
  });
  const move = useApiMutation('cash.movement', {
    onSuccess: async (_, input) => {
      await invalidateCash(queryClient);
      notifications.show({
        color: 'green',
        icon: <IconCheck size={18} />,
        message: t(kind === 'in' ? 'cash.movement.inDone' : 'cash.movement.outDone', {
          amount: formatMoney(input.amount),
        }),
      });
      onDone();
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(({ amount, reason }) =>
        move.mutate({ sessionId: session.id, kind, amount: parseMoney(amount) ?? 0, reason: reason.trim() }),
      )}
      data-testid="movement-form"
    >
      <Stack gap="md">
        <Text size="sm">{kind === 'in' ? t('cash.movement.inBody') : t('cash.movement.outBody')}</Text>
        {kind === 'out' && (
          <Text size="sm" c="dimmed" data-testid="movement-available">
            {t('cash.movement.available', { amount: formatMoney(session.expected) })}
          </Text>
        )}
        {move.error && !move.error.error.fields && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
            {move.error.message}
          </Alert>
        )}
        <TextInput
          label={t('cash.movement.amount')}
          required
          inputMode="decimal"
          placeholder="0,00"
          data-autofocus
          rightSection={
            <Text size="xs" c="dimmed">
              DH
            </Text>
          }
          {...form.getInputProps('amount')}
          data-testid="movement-amount"
        />
        <TextInput
          label={t('cash.movement.reason')}
          placeholder={kind === 'in' ? t('cash.movement.inPlaceholder') : t('cash.movement.outPlaceholder')}
          required
          maxLength={200}
          {...form.getInputProps('reason')}
          data-testid="movement-reason"
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={move.isPending} data-testid="movement-submit">
            {t('cash.movement.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "Renommer le poste": the desk name of this workstation, kept on this computer. */
export function DeskModal({ desk, opened, onClose }: { desk: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('cash.desk.title')}>
      {opened && <DeskForm desk={desk} onDone={onClose} />}
    </Modal>
  );
}

function DeskForm({ desk, onDone }: { desk: string; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: desk },
    validate: { name: (text) => (normalizeDesk(text) === null ? t('cash.desk.invalid') : null) },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(({ name }) => {
        const normalized = normalizeDesk(name);
        if (normalized === null) return;
        saveDesk(normalized);
        notifications.show({ color: 'green', message: t('cash.desk.saved', { desk: normalized }) });
        onDone();
      })}
      data-testid="desk-form"
    >
      <Stack gap="md">
        <Text size="sm">{t('cash.desk.body')}</Text>
        <TextInput
          label={t('cash.desk.field')}
          required
          maxLength={DESK_MAX_LENGTH}
          data-autofocus
          {...form.getInputProps('name')}
          data-testid="desk-name"
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} data-testid="desk-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
