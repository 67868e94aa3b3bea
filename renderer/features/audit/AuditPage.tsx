import {
  Alert,
  Autocomplete,
  Button,
  Center,
  Group,
  Loader,
  Pagination,
  Paper,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { IconAlertTriangle, IconFilterOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntryDto, Input, StaffDto } from '../../../shared/api';
import { formatDateTime } from '../../../shared/dates';
import { useApiQuery } from '../../api';
import { DateField } from '../../ui/DateField';
import { PageHeader } from '../../ui/PageHeader';
import { AuditChainCheck } from './AuditChainCheck';
import { actionLabel, describeSummary } from './summary';

const PAGE_SIZE = 25;
const ACTION_SUGGESTIONS = [
  'auth.',
  'auth.login',
  'auth.locked',
  'staff.',
  'staff.update',
  'staff.unlock',
  'settings.',
];

interface Filters {
  userId: string | null;
  action: string;
  from: string;
  to: string;
}
const NO_FILTERS: Filters = { userId: null, action: '', from: '', to: '' };

export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [page, setPage] = useState(1);
  // Bumped by "clear filters" so that the date fields drop what was typed in them.
  const [resetKey, setResetKey] = useState(0);
  const [action] = useDebouncedValue(filters.action.trim(), 300);
  const staff = useApiQuery('staff.list', {});

  const input: Input<'audit.list'> = {
    page,
    pageSize: PAGE_SIZE,
    ...(filters.userId ? { userId: Number(filters.userId) } : {}),
    ...(action ? { action } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  };
  const audit = useApiQuery('audit.list', input, { placeholderData: keepPreviousData, staleTime: 0 });

  const change = (patch: Partial<Filters>) => {
    setFilters((previous) => ({ ...previous, ...patch }));
    setPage(1);
  };
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  const total = audit.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const names = new Map((staff.data ?? []).map((member) => [member.id, member]));

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <AuditChainCheck />
      <Paper withBorder p="md" mb="md">
        <Group gap="md" align="flex-end" wrap="wrap">
          <Select
            label={t('audit.filters.user')}
            placeholder={t('audit.filters.allUsers')}
            data={(staff.data ?? []).map((member) => ({ value: String(member.id), label: member.displayName }))}
            value={filters.userId}
            onChange={(userId) => change({ userId })}
            clearable
            searchable
            w={220}
            data-testid="filter-user"
          />
          <Autocomplete
            label={t('audit.filters.action')}
            placeholder={t('audit.filters.actionPlaceholder')}
            data={ACTION_SUGGESTIONS}
            value={filters.action}
            onChange={(value) => change({ action: value })}
            w={250}
            classNames={{ input: 'mono' }}
            data-testid="filter-action"
          />
          <DateField
            key={`from-${resetKey}`}
            label={t('audit.filters.from')}
            onChange={(from) => change({ from })}
            w={140}
            data-testid="filter-from"
          />
          <DateField
            key={`to-${resetKey}`}
            label={t('audit.filters.to')}
            onChange={(to) => change({ to })}
            w={140}
            data-testid="filter-to"
          />
          <Button
            variant="subtle"
            color="gray"
            leftSection={<IconFilterOff size={16} />}
            disabled={!filtered}
            onClick={() => {
              change(NO_FILTERS);
              setResetKey((key) => key + 1);
            }}
          >
            {t('audit.filters.clear')}
          </Button>
        </Group>
      </Paper>

      {audit.isError && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} mb="md" role="alert">
          {audit.error.message}
        </Alert>
      )}
      {audit.isPending ? (
        <Center py={60}>
          <Loader />
        </Center>
      ) : (
        <Paper withBorder>
          <Table data-testid="audit-table" style={{ opacity: audit.isPlaceholderData ? 0.6 : 1 }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={150}>{t('audit.columns.at')}</Table.Th>
                <Table.Th w={170}>{t('audit.columns.user')}</Table.Th>
                <Table.Th w={230}>{t('audit.columns.action')}</Table.Th>
                <Table.Th w={200}>{t('audit.columns.entity')}</Table.Th>
                <Table.Th>{t('audit.columns.summary')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(audit.data?.rows ?? []).map((row) => (
                <AuditRow key={row.id} row={row} staff={names} />
              ))}
              {audit.data?.rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text c="dimmed" ta="center" py="lg" size="sm">
                      {t('audit.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
          <Group justify="space-between" px="md" py="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
            <Text size="xs" c="dimmed" data-testid="audit-total">
              {total > 0
                ? t('audit.range', {
                    from: (page - 1) * PAGE_SIZE + 1,
                    to: Math.min(page * PAGE_SIZE, total),
                    total,
                  })
                : t('audit.total', { count: 0 })}
            </Text>
            <Pagination total={pages} value={page} onChange={setPage} size="sm" disabled={pages <= 1} />
          </Group>
        </Paper>
      )}
    </>
  );
}

function AuditRow({ row, staff }: { row: AuditEntryDto; staff: Map<number, StaffDto> }) {
  const { t } = useTranslation();
  const lines = describeSummary(t, row.summary);
  const author = row.userId !== null ? staff.get(row.userId) : undefined;
  return (
    <Table.Tr style={{ verticalAlign: 'top' }}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(row.at)}</Table.Td>
      <Table.Td>
        {author ? (
          <Stack gap={0}>
            <Text size="sm">{author.displayName}</Text>
            <Text size="xs" c="dimmed" className="mono">
              {author.username}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c={row.username ? undefined : 'dimmed'}>
            {row.username ?? t('audit.system')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Stack gap={0}>
          <Text size="sm">{actionLabel(t, row.action)}</Text>
          <Text size="xs" c="dimmed" className="mono">
            {row.action}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        <EntityCell row={row} staff={staff} />
      </Table.Td>
      <Table.Td>
        {lines.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('common.none')}
          </Text>
        ) : (
          <Stack gap={2} data-testid="audit-summary">
            {lines.map((line, index) => (
              <Text size="sm" key={index} style={{ overflowWrap: 'anywhere' }}>
                {line}
              </Text>
            ))}
          </Stack>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function EntityCell({ row, staff }: { row: AuditEntryDto; staff: Map<number, StaffDto> }) {
  const { t } = useTranslation();
  const kind = t(`audit.entities.${row.entity}` as never, { defaultValue: row.entity });
  let detail = row.entityId ?? '';
  if (row.entity === 'user' && row.entityId)
    detail = staff.get(Number(row.entityId))?.displayName ?? `#${row.entityId}`;
  if (row.entity === 'settings' && row.entityId) {
    detail = t(`audit.settingsSections.${row.entityId}` as never, { defaultValue: row.entityId });
  }
  return (
    <Text size="sm">
      {kind}
      {detail && (
        <Text span c="dimmed" size="sm">
          {' · '}
          {detail}
        </Text>
      )}
    </Text>
  );
}
