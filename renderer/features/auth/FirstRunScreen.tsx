import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api';
import { useSession } from '../../app/session';
import { serverFieldErrors } from '../../ui/form-errors';
import { AuthLayout } from './AuthLayout';

/** No staff account exists yet: the first person at the desk creates the administrator. */
export function FirstRunScreen() {
  const { t } = useTranslation();
  const { signedIn } = useSession();
  const form = useForm({
    mode: 'controlled',
    initialValues: { username: '', displayName: '', password: '', confirm: '' },
    validate: { confirm: (value, values) => (value === values.password ? null : t('errors.passwordMismatch')) },
  });
  const setup = useApiMutation('auth.setupAdmin', {
    onSuccess: signedIn,
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });

  return (
    <AuthLayout title={t('auth.firstRun.title')} subtitle={t('auth.firstRun.subtitle')} width={460}>
      <form
        noValidate
        onSubmit={form.onSubmit(({ username, displayName, password }) =>
          setup.mutate({ username, displayName, password }),
        )}
      >
        <Stack gap="md">
          {setup.error && !setup.error.error.fields && (
            <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
              {setup.error.message}
            </Alert>
          )}
          <TextInput
            label={t('auth.firstRun.username')}
            description={t('auth.firstRun.usernameHint')}
            autoComplete="username"
            autoFocus
            required
            {...form.getInputProps('username')}
          />
          <TextInput
            label={t('auth.firstRun.displayName')}
            placeholder={t('auth.firstRun.displayNamePlaceholder')}
            autoComplete="name"
            required
            {...form.getInputProps('displayName')}
          />
          <PasswordInput
            label={t('auth.firstRun.password')}
            description={t('auth.firstRun.passwordHint')}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <PasswordInput
            label={t('auth.firstRun.confirm')}
            autoComplete="new-password"
            required
            {...form.getInputProps('confirm')}
          />
          <Button type="submit" loading={setup.isPending} fullWidth mt="xs">
            {t('auth.firstRun.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
