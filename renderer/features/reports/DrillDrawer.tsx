import { Alert, Anchor, Badge, Center, Drawer, Group, Loader, Pagination, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Input, ReportInput } from '../../../shared/api';
import { formatCalendarDate } from '../../../shared/periods';
import { formatMoney } from '../../../shared/money';
import { useApiQuery } from '../../api';
import { methodLabel } from '../payments/PaymentBits';
import type { Drill } from './drill';
import { ClientCell } from './ReportBits';

const PAGE_SIZE = 50;

/** The rows behind a figure, each opening its payment or its document; paged, read from the same report code. */
export function DrillDrawer({
  drill,
  input,
  staffNames,
  onClose,
}: {
  drill: Drill | null;
  input: ReportInput | null;
  staffNames: Record<string, string>;
  onClose: () => void;
}) {
  return (
    <Drawer
      opened={drill !== null && input !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={<Text fw={600}>{drill?.title}</Text>}
      data-testid="drill-drawer"
    >
      {drill && input && (
        <DrillBody
          key={JSON.stringify([drill.kind, drill.filter, input])}
          drill={drill}
          input={input}
          staffNames={staffNames}
        />
      )}
    </Drawer>
  );
}

function DrillBody({
  drill,
  input,
  staffNames,
}: {
  drill: Drill;
  input: ReportInput;
  staffNames: Record<string, string>;
}) {
  const [page, setPage] = useState(1);
  const common = { ...input, page, pageSize: PAGE_SIZE };
  return drill.kind === 'payments' ? (
    <PaymentRows input={{ ...common, ...drill.filter }} page={page} onPage={setPage} staffNames={staffNames} />
  ) : (
    <DocumentRows input={{ ...common, ...drill.filter }} page={page} onPage={setPage} />
  );
}

function Pager({ total, page, onPage }: { total: number; page: number; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" mt="sm">
      <Text size="xs" c="dimmed" data-testid="drill-total">
        {t('reports.drill.count', { count: total })}
      </Text>
      <Pagination total={Math.max(1, Math.ceil(total / PAGE_SIZE))} value={page} onChange={onPage} size="sm" />
    </Group>
  );
}

function Waiting({ error }: { error: string | null }) {
  if (error) {
    return (
      <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
        {error}
      </Alert>
    );
  }
  return (
    <Center py={40}>
      <Loader />
    </Center>
  );
}

function PaymentRows({
  input,
  page,
  onPage,
  staffNames,
}: {
  input: Input<'reports.payments'>;
  page: number;
  onPage: (page: number) => void;
  staffNames: Record<string, string>;
}) {
  const { t } = useTranslation();
  const rows = useApiQuery('reports.payments', input, { placeholderData: keepPreviousData });
  if (!rows.data) return <Waiting error={rows.error?.message ?? null} />;
  return (
    <Stack gap={0}>
      <Table data-testid="drill-payments" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reports.columns.number')}</Table.Th>
            <Table.Th>{t('reports.columns.client')}</Table.Th>
            <Table.Th>{t('reports.columns.method')}</Table.Th>
            <Table.Th ta="right">{t('reports.columns.amount')}</Table.Th>
            <Table.Th ta="right">{t('reports.columns.mad')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.data.rows.map((p) => (
            <Table.Tr key={p.id} data-testid="drill-row">
              <Table.Td>
                <Anchor component={Link} to={`/payments/${p.id}`} className="mono" size="sm">
                  {p.number}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {formatCalendarDate(p.paidOn)} · {p.staff ? (staffNames[p.staff] ?? p.staff) : t('reports.noStaff')}
                </Text>
              </Table.Td>
              <ClientCell name={p.clientName} code={p.clientCode} width={220} />
              <Table.Td>
                <Text size="sm">{methodLabel(t, p.method)}</Text>
                {p.direction === 'out' && (
                  <Badge color="orange" size="xs">
                    {t('reports.drill.out')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatMoney(p.direction === 'in' ? p.amount : -p.amount, p.currency)}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {p.mad === null ? '—' : formatMoney(p.direction === 'in' ? p.mad : -p.mad)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Pager total={rows.data.total} page={page} onPage={onPage} />
    </Stack>
  );
}

function DocumentRows({
  input,
  page,
  onPage,
}: {
  input: Input<'reports.documents'>;
  page: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const rows = useApiQuery('reports.documents', input, { placeholderData: keepPreviousData });
  if (!rows.data) return <Waiting error={rows.error?.message ?? null} />;
  return (
    <Stack gap={0}>
      <Table data-testid="drill-documents" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reports.columns.number')}</Table.Th>
            <Table.Th>{t('reports.columns.client')}</Table.Th>
            <Table.Th ta="right">{t('reports.columns.ht')}</Table.Th>
            <Table.Th ta="right">{t('reports.columns.vat')}</Table.Th>
            <Table.Th ta="right">{t('reports.columns.ttc')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.data.rows.map((d) => (
            <Table.Tr key={d.id} data-testid="drill-row">
              <Table.Td>
                <Anchor component={Link} to={`/billing/${d.id}`} className="mono" size="sm">
                  {d.number}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {formatCalendarDate(d.issueDate)}
                  {d.source ? ` · ${d.source}` : ''}
                </Text>
              </Table.Td>
              <ClientCell name={d.clientName} code={d.clientCode} width={240} />
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatMoney(d.ht, d.currency)}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatMoney(d.vat, d.currency)}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatMoney(d.ttc, d.currency)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Pager total={rows.data.total} page={page} onPage={onPage} />
    </Stack>
  );
}
