import { Anchor, Badge, Center, Group, Loader, Pagination, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BillingRunDto } from '../../../shared/api';
import { RUN_ACTIONS, type RunAction } from '../../../shared/api/automation';
import { formatTime } from '../../../shared/dates';
import { useApiQuery } from '../../api';

const PAGE_SIZE = 50;
const ACTION_COLOR: Record<RunAction, string> = {
  renewal_issued: 'brand',
  renewal_existing: 'gray',
  renewal_failed: 'red',
  proforma_replaced: 'grape',
  proforma_cancelled: 'gray',
  overdue: 'yellow',
  grace: 'grape',
  lost: 'red',
  suspended: 'orange',
  terminated: 'red',
  abandoned: 'red',
  warning: 'orange',
  hours_billed: 'teal',
};

/** What one run did, line by line, for whom; each line leads to its client and document. */
export function RunItems({ run }: { run: BillingRunDto }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<RunAction | null>(null);
  const [page, setPage] = useState(1);
  const items = useApiQuery(
    'automation.items',
    { runId: run.id, page, pageSize: PAGE_SIZE, ...(action ? { action } : {}) },
    { placeholderData: keepPreviousData },
  );
  const total = items.data?.total ?? 0;
  return (
    <Paper withBorder>
      <Group justify="space-between" px="md" py="sm">
        <Select
          placeholder={t('automation.items.all')}
          data={RUN_ACTIONS.filter((a) => (run.counts[a] ?? 0) > 0).map((a) => ({
            value: a,
            label: `${t(`automation.action.${a}`)} (${run.counts[a] ?? 0})`,
          }))}
          value={action}
          onChange={(value) => {
            setAction(value);
            setPage(1);
          }}
          clearable
          w={300}
          aria-label={t('automation.items.action')}
          data-testid="items-filter"
        />
        <Text size="xs" c="dimmed">
          {t('automation.items.count', { count: total })}
        </Text>
      </Group>
      {items.isPending ? (
        <Center py="xl">
          <Loader size="sm" />
        </Center>
      ) : total === 0 ? (
        <Text size="sm" c="dimmed" px="md" pb="md">
          {t(action ? 'automation.items.emptyFiltered' : 'automation.items.empty')}
        </Text>
      ) : (
        <Table verticalSpacing={6} data-testid="items-table" style={{ opacity: items.isPlaceholderData ? 0.6 : 1 }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>{t('automation.items.at')}</Table.Th>
              <Table.Th w={190}>{t('automation.items.action')}</Table.Th>
              <Table.Th w={240}>{t('automation.items.client')}</Table.Th>
              <Table.Th>{t('automation.items.detail')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(items.data?.rows ?? []).map((item) => (
              <Table.Tr key={item.id} data-testid="item-row">
                <Table.Td fz="xs" c="dimmed">
                  {formatTime(item.at)}
                </Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={ACTION_COLOR[item.action]} tt="none">
                    {t(`automation.action.${item.action}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {item.clientId !== null ? (
                    <Anchor component={Link} to={`/clients/${item.clientId}`} size="sm">
                      {item.clientName}
                      <Text span c="dimmed" size="xs" className="mono" ml={6}>
                        {item.clientCode}
                      </Text>
                    </Anchor>
                  ) : (
                    t('common.none')
                  )}
                </Table.Td>
                <Table.Td>
                  <Stack gap={0}>
                    <Text size="sm">{item.detail}</Text>
                    {item.documentId !== null && (
                      <Anchor component={Link} to={`/billing/${item.documentId}`} size="xs" className="mono">
                        {item.documentNumber}
                      </Anchor>
                    )}
                  </Stack>
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
  );
}
