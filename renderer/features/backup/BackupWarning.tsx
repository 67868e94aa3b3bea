import { Alert, Anchor } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../api';
import { useCurrentUser } from '../../app/session';
import { freshness } from './format';
import { agoLabel } from './queries';

/**
 * In the shell, for managers and administrators: the last verified backup is over a day old, or there is none. The
 * health is the one the recovery gate polls (same query), so this costs no call of its own.
 */
export function BackupWarning() {
  const { t } = useTranslation();
  const { can } = useCurrentUser();
  const health = useApiQuery('backup.health', {}, { staleTime: 0, enabled: can('manager') });
  if (!can('manager') || !health.data || health.data.state !== 'ok') return null;
  const last = health.data.lastGoodBackupAt;
  const state = freshness(last, new Date());
  if (state === 'fresh') return null;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      mb="md"
      role="status"
      data-testid="backup-warning"
    >
      {state === 'none' || !last ? t('backup.warning.none') : t('backup.warning.stale', { ago: agoLabel(t, last) })}{' '}
      {can('admin') && (
        <Anchor component={Link} to="/backups" size="sm" fw={600}>
          {t('backup.warning.action')}
        </Anchor>
      )}
    </Alert>
  );
}
