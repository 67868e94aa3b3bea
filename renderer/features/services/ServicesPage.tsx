import {
  Alert,
  Anchor,
  Center,
  Group,
  Loader,
  Pagination,
  Paper,
  SegmentedControl,
  Select,
  Table,
  Text,
} from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Input, ServiceDto } from '../../../shared/api';
import { PRODUCT_KINDS, type ProductKind } from '../../../shared/catalog';
import { businessDate } from '../../../shared/dates';
import { addDays, addMonths } from '../../../shared/periods';
import { SERVICE_STATUSES, type ServiceStatus } from '../../../shared/service-state';
import { useApiQuery } from '../../api';
import { DateField } from '../../ui/DateField';
import { PageHeader } from '../../ui/PageHeader';
import { ClientName } from '../clients/ClientBits';
import { DueCell, ServiceStateBadges, cycleLabel, useLateTerminations } from './ServiceBits';

const PAGE_SIZE = 50;
type DueWindow = 'all' | 'next30' | 'overdue' | 'thisMonth' | 'custom';

/** The due window of a preset, as calendar dates (Casablanca), both ends included. */
function windowDates(preset: DueWindow, from: string, to: string): { dueFrom?: string; dueTo?: string } {
  const today = businessDate(new Date());
  switch (preset) {
    case 'next30':
      return { dueFrom: today, dueTo: addDays(today, 30) };
    case 'overdue':
      return { dueTo: addDays(today, -1) };
    case 'thisMonth': {
      const first = `${today.slice(0, 7)}-01`;
      return { dueFrom: first, dueTo: addDays(addMonths(first, 1), -1) };
    }
    case 'custom':
      return { ...(from ? { dueFrom: from } : {}), ...(to ? { dueTo: to } : {}) };
    default:
      return {};
  }
}

/** #/services: every service of the office, filtered by status, kind and due window; a row opens its client. */
export function ServicesPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ServiceStatus | null>(null);
  const [kind, setKind] = useState<ProductKind | null>(null);
  const [dueWindow, setDueWindow] = useState<DueWindow>('all');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  const input: Input<'services.list'> = {
    page,
    pageSize: PAGE_SIZE,
    ...(status ? { status } : {}),
    ...(kind ? { kind } : {}),
    ...windowDates(dueWindow, from, to),
  };
  const list = useApiQuery('services.list', input, { placeholderData: keepPreviousData, staleTime: 0 });
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const reset =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };

  return (
    <>
      <PageHeader title={t('services.title')} subtitle={t('services.subtitle')} />
      <Group gap="md" mb="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('services.filters.status')}
          placeholder={t('services.filters.all')}
          data={SERVICE_STATUSES.map((s) => ({ value: s, label: t(`services.statusPlural.${s}`) }))}
          value={status}
          onChange={(value) => reset(setStatus)(value)}
          clearable
          w={200}
          data-testid="services-status-filter"
        />
        <Select
          label={t('services.filters.kind')}
          placeholder={t('services.filters.all')}
          data={PRODUCT_KINDS.map((k) => ({ value: k, label: t(`services.kind.${k}`) }))}
          value={kind}
          onChange={(value) => reset(setKind)(value)}
          clearable
          w={240}
          data-testid="services-kind-filter"
        />
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('services.filters.window')}
          </Text>
          <SegmentedControl
            aria-label={t('services.filters.window')}
            value={dueWindow}
            onChange={(value) => reset(setDueWindow)(value)}
            data={(['all', 'next30', 'overdue', 'thisMonth', 'custom'] as const).map((w) => ({
              value: w,
              label: t(w === 'all' ? 'services.filters.any' : `services.filters.${w}`),
            }))}
            data-testid="services-window-filter"
          />
        </div>
        {dueWindow === 'custom' && (
          <>
            <DateField label={t('services.filters.from')} w={130} onChange={reset(setFrom)} />
            <DateField label={t('services.filters.to')} w={130} onChange={reset(setTo)} />
          </>
        )}
      </Group>
      {list.isError && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} mb="md" role="alert">
          {list.error.message}
        </Alert>
      )}
      {list.isPending ? (
        <Center py={60}>
          <Loader />
        </Center>
      ) : (
        <Paper withBorder>
          <ServiceTable rows={list.data?.rows ?? []} dimmed={list.isPlaceholderData} />
          <Group justify="space-between" px="md" py="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
            <Text size="xs" c="dimmed" data-testid="services-total">
              {total > 0
                ? t('services.range', {
                    from: (page - 1) * PAGE_SIZE + 1,
                    to: Math.min(page * PAGE_SIZE, total),
                    total,
                  })
                : t('services.count', { count: 0 })}
            </Text>
            <Pagination total={pages} value={page} onChange={setPage} size="sm" disabled={pages <= 1} />
          </Group>
        </Paper>
      )}
    </>
  );
}

function ServiceTable({ rows, dimmed }: { rows: ServiceDto[]; dimmed: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const late = useLateTerminations(rows);
  return (
    <Table.ScrollContainer minWidth={1020} type="native">
      <Table
        data-testid="services-table"
        horizontalSpacing="sm"
        style={{ opacity: dimmed ? 0.6 : 1 }}
        styles={{ th: { whiteSpace: 'nowrap' } }}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('services.columns.client')}</Table.Th>
            <Table.Th>{t('services.columns.product')}</Table.Th>
            <Table.Th>{t('services.columns.label')}</Table.Th>
            <Table.Th w={110}>{t('services.columns.cycle')}</Table.Th>
            <Table.Th w={150}>{t('services.columns.due')}</Table.Th>
            <Table.Th w={220}>{t('services.columns.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr
              key={row.id}
              className="clickable-row"
              onClick={() => void navigate(`/clients/${row.clientId}`)}
              data-testid="service-row"
            >
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/clients/${row.clientId}`}
                  className="row-link"
                  fw={500}
                  size="sm"
                  onClick={(event) => event.stopPropagation()}
                >
                  <ClientName name={row.clientName} />
                </Anchor>
                <Text size="xs" c="dimmed" className="mono">
                  {row.clientCode}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{row.productName}</Text>
                <Text size="xs" c="dimmed">
                  {t(`services.kind.${row.kind}`)}
                </Text>
              </Table.Td>
              <Table.Td className="mono" style={{ overflowWrap: 'anywhere' }} data-testid="service-label">
                {row.label}
              </Table.Td>
              <Table.Td>{cycleLabel(row, t)}</Table.Td>
              <Table.Td>
                <DueCell service={row} />
              </Table.Td>
              <Table.Td>
                <ServiceStateBadges service={row} lateTermination={late.get(row.id) ?? false} />
              </Table.Td>
            </Table.Tr>
          ))}
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={6}>
                <Text c="dimmed" ta="center" py="lg" size="sm">
                  {t('services.empty')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
