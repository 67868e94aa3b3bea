import { Alert, Button, Center, Loader, MantineProvider, Stack } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { HashRouter } from 'react-router';
import { FirstRunScreen } from '../features/auth/FirstRunScreen';
import { LockScreen } from '../features/auth/LockScreen';
import { LoginScreen } from '../features/auth/LoginScreen';
import { RecoveryGate } from '../features/backup/RecoveryGate';
import { useIdleLock } from './idle-lock';
import { AppRoutes } from './routes';
import { SessionProvider, useSession } from './session';
import { Shell } from './Shell';
import { theme } from './theme';

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="bottom-right" limit={4} />
      <QueryClientProvider client={queryClient}>
        {/* A hash router: the same build is served by app:// in Electron and over HTTP in web mode. */}
        <HashRouter>
          {/* A damaged database shows the recovery screen instead of anything else (no login possible then). */}
          <RecoveryGate>
            <SessionProvider>
              <Gate />
            </SessionProvider>
          </RecoveryGate>
        </HashRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}

/** Which screen the workstation shows: first run, login, or the app (with the lock screen over it when locked). */
function Gate() {
  const { t } = useTranslation();
  const { phase, session, notice, lockNow, reload } = useSession();
  const locked = session?.locked ?? false;
  useIdleLock({ active: phase === 'ready' && !locked, minutes: session?.idleLockMinutes ?? 10, onIdle: lockNow });

  switch (phase) {
    case 'loading':
      return (
        <Center h="100vh">
          <Loader />
        </Center>
      );
    case 'unreachable':
      return (
        <Center h="100vh">
          <Stack align="center" maw={440}>
            <Alert color="red" icon={<IconPlugConnectedX size={18} />} role="alert">
              {notice}
            </Alert>
            <Button variant="light" onClick={() => void reload()}>
              {t('common.retry')}
            </Button>
          </Stack>
        </Center>
      );
    case 'setup':
      return <FirstRunScreen />;
    case 'login':
      return <LoginScreen />;
    case 'ready':
      return (
        <>
          <Shell>
            <AppRoutes />
          </Shell>
          {locked && <LockScreen />}
        </>
      );
  }
}
