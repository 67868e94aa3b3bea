import { Anchor, Card, Group, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCalendarRepeat, IconCircleCheck, IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DashboardDto } from '../../../shared/api';
import { formatTime } from '../../../shared/dates';
import { useCurrentUser } from '../../app/session';
import { RunNowButton } from '../automation/RunNowButton';
import { runSummary } from '../automation/run-summary';

/** Where the day's billing run stands: done today (and what it did), not yet, or failed; a manager may run it. */
export function RunStrip({ data }: { data: DashboardDto }) {
  const { t } = useTranslation();
  const { can } = useCurrentUser();
  const run = data.lastRun;
  const failed = run?.status === 'failed';
  const state = failed
    ? { color: 'red', icon: IconAlertTriangle, text: t('dashboard.run.failed') }
    : data.ranToday && run
      ? {
          color: 'green',
          icon: IconCircleCheck,
          text: t('dashboard.run.doneToday', { time: formatTime(run.finishedAt ?? run.startedAt) }),
        }
      : run?.status === 'running'
        ? { color: 'blue', icon: IconClock, text: t('dashboard.run.running') }
        : {
            color: 'orange',
            icon: run ? IconClock : IconCalendarRepeat,
            text: t(run ? 'dashboard.run.notYet' : 'dashboard.run.never'),
          };
  const StateIcon = state.icon;
  return (
    <Card padding="sm" data-testid="run-strip">
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <ThemeIcon variant="light" color={state.color} radius="md">
            <StateIcon size={18} />
          </ThemeIcon>
          <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
            {t('dashboard.run.title')}
          </Text>
          <Text
            size="sm"
            c={state.color === 'green' ? 'dimmed' : `${state.color}.8`}
            style={{ whiteSpace: 'nowrap' }}
            data-testid="run-state"
          >
            {state.text}
          </Text>
          {run && (data.ranToday || failed) && (
            <Text size="sm" c="dimmed" truncate data-testid="run-summary">
              · {failed ? run.error : runSummary(t, run)}
            </Text>
          )}
        </Group>
        <Group gap="sm" wrap="nowrap">
          {can('manager') && (
            <Anchor component={Link} to="/automation" size="sm">
              {t('dashboard.run.log')}
            </Anchor>
          )}
          <RunNowButton size="xs" variant="light" />
        </Group>
      </Group>
    </Card>
  );
}
