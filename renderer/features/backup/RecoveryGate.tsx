import { Center, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';
import { RecoveryScreen } from './RecoveryScreen';

/** How often the app asks whether the database is sound (the start-up check runs in the background). */
const HEALTH_POLL_MS = 60_000;

/**
 * Above everything else: when the main process found the database damaged, the recovery screen replaces the app
 * (no login is possible then); while a restore runs, a wait screen. Otherwise the app as usual.
 */
export function RecoveryGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const health = useApiQuery(
    'backup.health',
    {},
    {
      staleTime: 0,
      refetchInterval: (query) => (query.state.data?.state === 'checking' ? 5_000 : HEALTH_POLL_MS),
    },
  );
  const state = health.data?.state;
  if (state === 'damaged') return <RecoveryScreen problem={health.data?.problem ?? ''} />;
  if (state === 'restoring') {
    return (
      <Center h="100vh">
        <Stack align="center" gap="xs" data-testid="restoring">
          <Loader />
          <Text fw={600}>{t('backup.recovery.restoring')}</Text>
          <Text size="sm" c="dimmed">
            {t('backup.recovery.restoringHint')}
          </Text>
        </Stack>
      </Center>
    );
  }
  return children;
}
