import { Alert, Avatar, Box, Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api';
import { useCurrentUser, useSession } from '../../app/session';
import { RoleBadge } from '../../ui/RoleBadge';

/**
 * Covers the window while the session is locked. The screen underneath stays mounted (forms keep what was typed) but
 * is blurred and made inert, so neither the mouse nor the keyboard can reach it.
 */
export function LockScreen() {
  const [container] = useState(() => document.createElement('div'));

  // Attached before the panel's effects run, so that its password field can take the focus.
  useLayoutEffect(() => {
    document.body.append(container);
    const others = Array.from(document.body.children).filter(
      (node) => node !== container && !node.hasAttribute('inert'),
    );
    for (const node of others) node.setAttribute('inert', '');
    return () => {
      for (const node of others) node.removeAttribute('inert');
      container.remove();
    };
  }, [container]);

  return createPortal(<LockPanel />, container);
}

function LockPanel() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const { signedIn, logout, endSession } = useSession();
  const passwordRef = useRef<HTMLInputElement>(null);
  const form = useForm({ mode: 'controlled', initialValues: { password: '' } });
  useEffect(() => passwordRef.current?.focus(), []);
  const unlock = useApiMutation('auth.unlock', {
    onSuccess: signedIn,
    onError: (error) => {
      // A locked account loses its session: the login screen says why.
      if (error.code === 'ACCOUNT_LOCKED') {
        endSession(error.message);
        return;
      }
      form.setFieldValue('password', '');
      passwordRef.current?.focus();
    },
  });

  return (
    <Box
      role="dialog"
      aria-modal="true"
      aria-labelledby="lock-title"
      data-testid="lock-screen"
      pos="fixed"
      inset={0}
      style={{
        zIndex: 500,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'rgba(16, 32, 44, 0.55)',
        backdropFilter: 'blur(10px)',
      }}
    >
      <Paper withBorder shadow="xl" p="xl" w={380} radius="md">
        <form noValidate onSubmit={form.onSubmit((values) => unlock.mutate(values))}>
          <Stack gap="md">
            <Stack align="center" gap={6}>
              <Avatar name={user.displayName} color="initials" size={56} radius="xl" />
              <Text fw={600} size="lg" data-testid="lock-user">
                {user.displayName}
              </Text>
              <RoleBadge role={user.role} size="sm" />
            </Stack>
            <Stack gap={2} align="center" ta="center" mt="xs">
              <Title order={2} fz="md" id="lock-title">
                <IconLock size={16} style={{ verticalAlign: '-2px', marginRight: 6 }} />
                {t('auth.lock.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('auth.lock.subtitle')}
              </Text>
            </Stack>
            {unlock.error && (
              <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" py="xs">
                {unlock.error.message}
              </Alert>
            )}
            <PasswordInput
              label={t('auth.lock.password')}
              autoComplete="current-password"
              ref={passwordRef}
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={unlock.isPending} fullWidth>
              {t('auth.lock.submit')}
            </Button>
            <Button variant="subtle" color="gray" size="compact-sm" onClick={() => void logout()}>
              {t('auth.lock.switchUser')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Box>
  );
}
