import { Badge, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { MonthlyReport } from '../../../shared/api';
import { formatDateTime } from '../../../shared/dates';
import { AmountCell, DrillRow, EmptyNote, SectionCard } from './ReportBits';

const STATUS_COLOR = { open: 'blue', closed: 'orange', validated: 'green' } as const;

/** The cash sessions opened in the period with their differences: each row opens the session (and its Z report). */
export function CashSection({ report }: { report: MonthlyReport }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { sessions, totals } = report.cash;
  return (
    <SectionCard title={t('reports.sections.cash')} testId="report-cash">
      {sessions.length === 0 ? (
        <EmptyNote>{t('reports.empty')}</EmptyNote>
      ) : (
        <Table.ScrollContainer minWidth={900} type="native">
          <Table data-testid="table-cash">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.columns.session')}</Table.Th>
                <Table.Th>{t('reports.columns.opened')}</Table.Th>
                <Table.Th>{t('reports.columns.status')}</Table.Th>
                <Table.Th ta="right">{t('reports.columns.float')}</Table.Th>
                <Table.Th ta="right">{t('reports.columns.cashIn')}</Table.Th>
                <Table.Th ta="right">{t('reports.columns.cashOut')}</Table.Th>
                <Table.Th ta="right">{t('reports.columns.counted')}</Table.Th>
                <Table.Th ta="right">{t('reports.columns.difference')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.map((s) => (
                <DrillRow key={s.id} testId="cash-row" onOpen={() => void navigate(`/cash/${s.id}`)}>
                  <Table.Td>
                    {s.desk} <span className="mono">#{s.id}</span>
                  </Table.Td>
                  <Table.Td className="mono">
                    {formatDateTime(s.openedAt)}
                    {s.openedBy ? ` · ${report.staffNames[s.openedBy] ?? s.openedBy}` : ''}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[s.status]}>{t(`reports.cashStatus.${s.status}`)}</Badge>
                  </Table.Td>
                  <AmountCell value={s.float} />
                  <AmountCell value={s.cashIn} />
                  <AmountCell value={s.cashOut} />
                  <AmountCell value={s.counted} />
                  <AmountCell value={s.difference} strong />
                </DrillRow>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr fw={600}>
                <Table.Td colSpan={4}>{t('reports.total')}</Table.Td>
                <AmountCell value={totals.cashIn} />
                <AmountCell value={totals.cashOut} />
                <Table.Td />
                <AmountCell value={totals.difference} strong />
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  );
}
