import {
  Alert,
  Anchor,
  Badge,
  Center,
  Group,
  Loader,
  Pagination,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BillingRunDto, RunStatus } from '../../../shared/api';
import { formatCalendarDate } from '../../../shared/periods';
import { formatDateTime } from '../../../shared/dates';
import { useApiQuery } from '../../api';
import { PageHeader } from '../../ui/PageHeader';
import { RunItems } from './RunItems';
import { RulesCard } from './RulesCard';
import { RunNowButton } from './RunNowButton';
import { runCounts } from './run-summary';

const PAGE_SIZE = 15;
export const RUN_STATUS_COLOR: Record<RunStatus, string> = {
  running: 'blue',
  done: 'green',
  failed: 'red',
  interrupted: 'orange',
};

function duration(run: BillingRunDto): string {
  if (!run.finishedAt) return '—';
  const ms = Date.parse(run.finishedAt) - Date.parse(run.startedAt);
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** #/automation — the billing run: its rules, its runs, and what each did for whom. */
export function AutomationPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<BillingRunDto | null>(null);
  const runs = useApiQuery(
    'automation.runs',
    { page, pageSize: PAGE_SIZE },
    { placeholderData: keepPreviousData, staleTime: 0 },
  );
  const total = runs.data?.total ?? 0;
  const shown = selected ?? runs.data?.rows[0] ?? null;

  return (
    <>
      <PageHeader title={t('automation.title')} subtitle={t('automation.subtitle')} actions={<RunNowButton />} />
      <Stack gap="lg">
        <RulesCard />
        <Paper withBorder>
          <Group justify="space-between" px="md" pt="md" pb="xs">
            <Title order={3} fz="md">
              {t('automation.runs.title')}
            </Title>
            <Text size="xs" c="dimmed">
              {t('automation.runs.count', { count: total })}
            </Text>
          </Group>
          {runs.isError && (
            <Alert color="red" icon={<IconAlertTriangle size={18} />} mx="md" mb="md">
              {runs.error.message}
            </Alert>
          )}
          {runs.isPending ? (
            <Center py="xl">
              <Loader size="sm" />
            </Center>
          ) : total === 0 ? (
            <Text size="sm" c="dimmed" p="md" data-testid="runs-empty">
              {t('automation.runs.empty')}
            </Text>
          ) : (
            <Table highlightOnHover verticalSpacing="xs" data-testid="runs-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('automation.runs.date')}</Table.Th>
                  <Table.Th>{t('automation.runs.trigger')}</Table.Th>
                  <Table.Th>{t('automation.runs.status')}</Table.Th>
                  <Table.Th>{t('automation.runs.started')}</Table.Th>
                  <Table.Th>{t('automation.runs.duration')}</Table.Th>
                  <Table.Th>{t('automation.runs.result')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(runs.data?.rows ?? []).map((run) => (
                  <Table.Tr
                    key={run.id}
                    onClick={() => setSelected(run)}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter') setSelected(run);
                    }}
                    tabIndex={0}
                    bg={shown?.id === run.id ? 'var(--mantine-color-brand-0)' : undefined}
                    style={{ cursor: 'pointer' }}
                    data-testid="run-row"
                  >
                    <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                      {formatCalendarDate(run.runDate)}
                      <Text span c="dimmed" size="xs" ml={6}>
                        n°&nbsp;{run.id}
                      </Text>
                    </Table.Td>
                    <Table.Td fz="sm">
                      {t(`automation.trigger.${run.trigger}`)}
                      {run.startedBy && (
                        <Text span c="dimmed" size="xs" ml={4}>
                          {t('automation.runs.by', { name: run.startedBy })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={RUN_STATUS_COLOR[run.status]} variant="light" data-testid="run-status">
                        {t(`automation.status.${run.status}`)}
                      </Badge>
                      {run.resumedRunId && (
                        <Text size="xs" c="dimmed">
                          {t('automation.runs.resumed', { id: run.resumedRunId })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(run.startedAt)}
                    </Table.Td>
                    <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                      {duration(run)}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {runCounts(run).map(([action, n]) => (
                          <Badge key={action} size="sm" variant="outline" color="gray" tt="none">
                            {t(`automation.action.${action}`)} · {n}
                          </Badge>
                        ))}
                        {runCounts(run).length === 0 && run.status === 'done' && (
                          <Text size="xs" c="dimmed">
                            {t('automation.nothing')}
                          </Text>
                        )}
                        {run.error && (
                          <Text size="xs" c="red.8" lineClamp={2}>
                            {run.error}
                          </Text>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {total > PAGE_SIZE && (
            <Group justify="flex-end" px="md" py="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
              <Pagination total={Math.ceil(total / PAGE_SIZE)} value={page} onChange={setPage} size="sm" />
            </Group>
          )}
        </Paper>
        {shown && (
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={3} fz="md">
                {t('automation.items.title', { id: shown.id, date: formatCalendarDate(shown.runDate) })}
              </Title>
              {shown.mails > 0 && (
                <Anchor href="#/mail" size="sm">
                  {t('automation.items.mails', { count: shown.mails })}
                </Anchor>
              )}
            </Group>
            <RunItems key={shown.id} run={shown} />
          </Stack>
        )}
      </Stack>
    </>
  );
}
