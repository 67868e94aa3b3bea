import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconInfoCircle, IconLock } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api';
import { useSession } from '../../app/session';
import { serverFieldErrors } from '../../ui/form-errors';
import { AuthLayout } from './AuthLayout';

export function LoginScreen() {
  const { t } = useTranslation();
  const { signedIn, notice } = useSession();
  const form = useForm({ mode: 'controlled', initialValues: { username: '', password: '' } });
  const passwordRef = useRef<HTMLInputElement>(null);
  const login = useApiMutation('auth.login', {
    onSuccess: signedIn,
    onError: (error) => {
      form.setErrors(serverFieldErrors(error));
      // The password is typed again after a refusal; the identifier stays.
      form.setFieldValue('password', '');
      passwordRef.current?.focus();
    },
  });
  const error = login.error && !login.error.error.fields ? login.error : null;
  const accountLocked = error?.code === 'ACCOUNT_LOCKED';

  return (
    <AuthLayout title={t('auth.login.title')} subtitle={t('auth.login.subtitle')}>
      <form noValidate onSubmit={form.onSubmit((values) => login.mutate(values))}>
        <Stack gap="md">
          {error && (
            <Alert
              color={accountLocked ? 'orange' : 'red'}
              title={accountLocked ? t('auth.login.lockedTitle') : t('auth.login.failedTitle')}
              icon={accountLocked ? <IconLock size={18} /> : <IconAlertTriangle size={18} />}
              role="alert"
              data-testid="login-error"
            >
              {error.message}
            </Alert>
          )}
          {!error && notice && (
            <Alert color="blue" icon={<IconInfoCircle size={18} />} data-testid="login-notice">
              {notice}
            </Alert>
          )}
          <TextInput
            label={t('auth.login.username')}
            autoComplete="username"
            autoFocus
            required
            {...form.getInputProps('username')}
          />
          <PasswordInput
            label={t('auth.login.password')}
            autoComplete="current-password"
            ref={passwordRef}
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={login.isPending} fullWidth mt="xs">
            {t('auth.login.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
