import { Button, type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCheck, IconPlayerPlay } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api';
import { useCurrentUser } from '../../app/session';
import { runSummary } from './run-summary';

/** "Lancer maintenant": the day's billing run by hand, for a manager; nothing for the other roles. */
export function RunNowButton(props: ButtonProps) {
  const { t } = useTranslation();
  const { can } = useCurrentUser();
  const queryClient = useQueryClient();
  const run = useApiMutation('automation.runNow', {
    // A run can touch services, documents, clients and the outbox: every cached read is fetched again.
    onSuccess: async (done) => {
      await queryClient.invalidateQueries();
      notifications.show({
        color: done.status === 'done' ? 'green' : 'red',
        icon: done.status === 'done' ? <IconCheck size={18} /> : <IconAlertTriangle size={18} />,
        message: done.status === 'done' ? t('automation.ran', { summary: runSummary(t, done) }) : done.error,
      });
    },
    onError: (error) =>
      notifications.show({ color: 'red', icon: <IconAlertTriangle size={18} />, message: error.message }),
  });
  if (!can('manager')) return null;
  return (
    <Button
      leftSection={<IconPlayerPlay size={16} />}
      loading={run.isPending}
      onClick={() => run.mutate({})}
      title={t('automation.runNowHint')}
      data-testid="run-billing"
      {...props}
    >
      {t('automation.runNow')}
    </Button>
  );
}
