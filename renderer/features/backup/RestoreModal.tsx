import { Alert, Button, Center, Group, Loader, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconInfoCircle, IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { RESTORE_CONFIRMATION } from '../../../shared/api/backup';
import type { BackupContentsDto, BackupDto } from '../../../shared/api';
import { formatDateTime } from '../../../shared/dates';
import { useApiMutation, useApiQuery } from '../../api';
import { useSession } from '../../app/session';
import { serverFieldErrors } from '../../ui/form-errors';

/** Restore (admin): what the backup holds, checked now; then a typed confirmation. Everyone signs in again after. */
export function RestoreModal({ backup, onClose }: { backup: BackupDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={backup !== null}
      onClose={onClose}
      size="lg"
      title={backup ? t('backup.restore.title', { date: formatDateTime(backup.createdAt) }) : ''}
    >
      {backup && <RestoreForm backup={backup} onCancel={onClose} />}
    </Modal>
  );
}

function RestoreForm({ backup, onCancel }: { backup: BackupDto; onCancel: () => void }) {
  const { t } = useTranslation();
  const { endSession } = useSession();
  const ref = { location: backup.location, file: backup.file };
  const preview = useApiQuery('backup.preview', ref, { staleTime: 0, gcTime: 0 });
  const form = useForm({ mode: 'controlled', initialValues: { confirmation: '' } });
  const restore = useApiMutation('backup.restore', {
    // The restored database has its own sessions: back to the login screen, saying what happened.
    onSuccess: (result) =>
      endSession(
        t('backup.restore.done', { date: formatDateTime(result.restored.createdAt), file: result.preRestore.file }),
      ),
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });
  const confirmed = form.values.confirmation.trim() === RESTORE_CONFIRMATION;

  if (preview.isPending) {
    return (
      <Center py="xl">
        <Stack align="center" gap="xs">
          <Loader size="sm" />
          <Text size="sm" c="dimmed">
            {t('backup.restore.checking')}
          </Text>
        </Stack>
      </Center>
    );
  }
  const checked = preview.data;
  const refusal = preview.error?.message ?? checked?.refusal ?? null;

  return (
    <form
      noValidate
      onSubmit={form.onSubmit(() => restore.mutate({ ...ref, confirmation: RESTORE_CONFIRMATION }))}
      data-testid="restore-form"
    >
      <Stack gap="md">
        {refusal && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="restore-refusal">
            {refusal}
          </Alert>
        )}
        {checked?.contents && <Contents contents={checked.contents} />}
        {checked?.needsMigration && (
          <Alert color="blue" icon={<IconInfoCircle size={18} />}>
            {t('backup.restore.needsMigration')}
          </Alert>
        )}
        {checked?.restorable && (
          <>
            <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
              {t('backup.restore.warning')}
            </Alert>
            {restore.error && !restore.error.error.fields && (
              <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="restore-error">
                {restore.error.message}
              </Alert>
            )}
            <TextInput
              label={t('backup.restore.confirmLabel', { word: RESTORE_CONFIRMATION })}
              placeholder={RESTORE_CONFIRMATION}
              autoComplete="off"
              data-autofocus
              classNames={{ input: 'mono' }}
              data-testid="restore-confirmation"
              {...form.getInputProps('confirmation')}
            />
          </>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('backup.restore.cancel')}
          </Button>
          {checked?.restorable && (
            <Button
              type="submit"
              color="red"
              leftSection={<IconRestore size={16} />}
              disabled={!confirmed}
              loading={restore.isPending}
              data-testid="restore-submit"
            >
              {t('backup.restore.submit')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

function Contents({ contents }: { contents: BackupContentsDto }) {
  const { t } = useTranslation();
  const counts = [
    ['clients', contents.clients],
    ['proformas', contents.proformas],
    ['invoices', contents.invoices],
    ['creditNotes', contents.creditNotes],
    ['payments', contents.payments],
  ] as const;
  const numbers = [
    ['proforma', contents.lastNumbers.proforma],
    ['invoice', contents.lastNumbers.invoice],
    ['creditNote', contents.lastNumbers.creditNote],
    ['receipt', contents.lastNumbers.receipt],
  ] as const;
  return (
    <Stack gap="xs" data-testid="restore-contents">
      <Text fw={600} size="sm">
        {t('backup.restore.holds')}
      </Text>
      <SimpleGrid cols={5} spacing="xs">
        {counts.map(([key, value]) => (
          <Stack key={key} gap={0}>
            <Text size="xs" c="dimmed">
              {t(`backup.restore.${key}`)}
            </Text>
            <Text fw={600} data-testid={`restore-count-${key}`}>
              {value.toLocaleString('fr-FR')}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
      <Text fw={600} size="sm" mt="xs">
        {t('backup.restore.lastNumbers')}
      </Text>
      <SimpleGrid cols={4} spacing="xs">
        {numbers.map(([key, value]) => (
          <Stack key={key} gap={0}>
            <Text size="xs" c="dimmed">
              {t(`backup.restore.${key}`)}
            </Text>
            <Text className="mono" size="sm">
              {value ?? t('common.none')}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
      {contents.lastChangeAt && (
        <Text size="sm" c="dimmed">
          {t('backup.restore.lastChange', { date: formatDateTime(contents.lastChangeAt) })}
        </Text>
      )}
    </Stack>
  );
}
