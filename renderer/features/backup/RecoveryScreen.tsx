import { Alert, Button, PasswordInput, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconDatabaseOff, IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { RESTORE_CONFIRMATION } from '../../../shared/api/backup';
import { formatDateTime } from '../../../shared/dates';
import { useApiMutation, useApiQuery } from '../../api';
import { AuthLayout } from '../auth/AuthLayout';
import { serverFieldErrors } from '../../ui/form-errors';
import { agoLabel, sizeLabel } from './queries';

/**
 * The database is damaged: the latest verified backups, newest first (the first one chosen), restored on an
 * administrator's name and password as recorded in that backup, with the typed confirmation.
 */
export function RecoveryScreen({ problem }: { problem: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const options = useApiQuery('backup.recoveryOptions', {}, { staleTime: 0 });
  const form = useForm({
    mode: 'controlled',
    initialValues: { file: '', username: '', password: '', confirmation: '' },
  });
  const chosen = form.values.file || options.data?.[0]?.file || '';
  const recover = useApiMutation('backup.recover', {
    onSuccess: async (result) => {
      notifications.show({
        color: 'green',
        autoClose: false,
        message: t('backup.recovery.done', { date: formatDateTime(result.restored.createdAt) }),
      });
      // The app comes back (the gate sees a sound database) and the session layer starts again from the login screen.
      await queryClient.resetQueries();
    },
    onError: (error) => {
      form.setErrors(serverFieldErrors(error));
      form.setFieldValue('password', '');
    },
  });
  const backups = options.data ?? [];

  return (
    <AuthLayout title={t('backup.recovery.title')} subtitle={t('backup.recovery.subtitle')} width={620}>
      <Stack gap="md" data-testid="recovery-screen">
        <Alert color="red" icon={<IconDatabaseOff size={18} />} title={t('backup.recovery.problem')} role="alert">
          {problem}
        </Alert>
        {backups.length === 0 && !options.isPending ? (
          <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
            {t('backup.recovery.none')}
          </Alert>
        ) : (
          <form
            noValidate
            onSubmit={form.onSubmit((values) =>
              recover.mutate({
                location: 'primary',
                file: chosen,
                username: values.username.trim(),
                password: values.password,
                confirmation: values.confirmation.trim() as typeof RESTORE_CONFIRMATION,
              }),
            )}
          >
            <Stack gap="md">
              <Radio.Group
                label={t('backup.recovery.choose')}
                value={chosen}
                onChange={(file) => form.setFieldValue('file', file)}
              >
                <Stack gap={6} mt={6}>
                  {backups.slice(0, 6).map((backup) => (
                    <Radio
                      key={backup.file}
                      value={backup.file}
                      label={`${formatDateTime(backup.createdAt)} · ${t(`backup.kinds.${backup.kind}`)} · ${sizeLabel(t, backup.bytes)}`}
                      description={agoLabel(t, backup.createdAt)}
                    />
                  ))}
                </Stack>
              </Radio.Group>
              {recover.error && !recover.error.error.fields && (
                <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" data-testid="recovery-error">
                  {recover.error.message}
                </Alert>
              )}
              <Text size="sm" c="dimmed">
                {t('backup.recovery.credentialsHint')}
              </Text>
              <TextInput
                label={t('backup.recovery.username')}
                autoComplete="username"
                required
                {...form.getInputProps('username')}
              />
              <PasswordInput
                label={t('backup.recovery.password')}
                autoComplete="current-password"
                required
                {...form.getInputProps('password')}
              />
              <TextInput
                label={t('backup.restore.confirmLabel', { word: RESTORE_CONFIRMATION })}
                placeholder={RESTORE_CONFIRMATION}
                autoComplete="off"
                classNames={{ input: 'mono' }}
                {...form.getInputProps('confirmation')}
              />
              <Button
                type="submit"
                color="red"
                leftSection={<IconRestore size={16} />}
                loading={recover.isPending}
                disabled={!chosen || form.values.confirmation.trim() !== RESTORE_CONFIRMATION}
              >
                {t('backup.recovery.submit')}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </AuthLayout>
  );
}
