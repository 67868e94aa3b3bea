import { Alert, Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api';
import { serverFieldErrors } from '../../ui/form-errors';

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    mode: 'controlled',
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: { confirm: (value, values) => (value === values.newPassword ? null : t('errors.passwordMismatch')) },
  });
  const change = useApiMutation('auth.changePassword', {
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('auth.changePassword.done') });
      close();
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });
  function close() {
    form.reset();
    change.reset();
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} title={t('auth.changePassword.title')}>
      <form
        noValidate
        onSubmit={form.onSubmit(({ currentPassword, newPassword }) => change.mutate({ currentPassword, newPassword }))}
      >
        <Stack gap="md">
          {change.error && !change.error.error.fields && (
            <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
              {change.error.message}
            </Alert>
          )}
          <PasswordInput
            label={t('auth.changePassword.current')}
            autoComplete="current-password"
            data-autofocus
            required
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label={t('auth.changePassword.next')}
            description={t('auth.firstRun.passwordHint')}
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput
            label={t('auth.changePassword.confirm')}
            autoComplete="new-password"
            required
            {...form.getInputProps('confirm')}
          />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={change.isPending}>
              {t('auth.changePassword.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
