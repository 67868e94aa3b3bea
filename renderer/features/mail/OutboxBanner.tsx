import { Alert, Anchor, Text } from '@mantine/core';
import { IconMailOff, IconPlugConnectedX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OutboxStatusDto } from '../../../shared/api';
import { formatTime } from '../../../shared/dates';
import { useCurrentUser } from '../../app/session';

/** Why messages are not going out, when they are not: sending off or not set up, or the server out of reach. */
export function OutboxBanner({ status }: { status: OutboxStatusDto }) {
  const { t } = useTranslation();
  const { can } = useCurrentUser();
  if (!status.enabled || !status.configured) {
    return (
      <Alert color="orange" icon={<IconMailOff size={18} />} mb="md" data-testid="outbox-off">
        <Text size="sm">
          {t(status.configured ? 'mail.banner.off' : 'mail.banner.notConfigured')}{' '}
          {can('admin') ? (
            <Anchor component={Link} to="/settings" size="sm">
              {t('mail.banner.configure')}
            </Anchor>
          ) : (
            t('mail.banner.askAdmin')
          )}
        </Text>
      </Alert>
    );
  }
  if (status.pausedUntil) {
    return (
      <Alert color="yellow" icon={<IconPlugConnectedX size={18} />} mb="md" data-testid="outbox-paused">
        {t('mail.banner.paused', { error: status.lastConnectionError, time: formatTime(status.pausedUntil) })}
      </Alert>
    );
  }
  return null;
}
