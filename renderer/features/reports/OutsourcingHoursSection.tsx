import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { MonthlyReport } from '../../../shared/api';
import { formatDuration } from '../../../shared/durations';
import { ClientCell, DrillRow, EmptyNote, SectionCard } from './ReportBits';

const hours = (minutes: number | null) => (minutes === null ? '—' : formatDuration(minutes));

/** "Infogérance : heures": the period's time spent per client and service; each row opens the client. */
export function OutsourcingHoursSection({ report }: { report: MonthlyReport }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { rows, used, extra } = report.outsourcingHours;
  return (
    <SectionCard
      title={t('outsourcing.report.title')}
      hint={t('outsourcing.report.hint')}
      testId="report-outsourcing-hours"
    >
      {rows.length === 0 ? (
        <EmptyNote>{t('reports.empty')}</EmptyNote>
      ) : (
        <Table.ScrollContainer minWidth={760} type="native">
          <Table data-testid="table-outsourcing-hours">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('outsourcing.report.client')}</Table.Th>
                <Table.Th>{t('outsourcing.report.service')}</Table.Th>
                <Table.Th ta="right">{t('outsourcing.used')}</Table.Th>
                <Table.Th ta="right">{t('outsourcing.included')}</Table.Th>
                <Table.Th ta="right">{t('outsourcing.extra')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <DrillRow
                  key={r.serviceId}
                  testId="outsourcing-hours-row"
                  onOpen={() => void navigate(`/clients/${r.clientId}`)}
                >
                  <ClientCell name={r.clientName} code={r.clientCode} />
                  <Table.Td>
                    {r.label} · {t(`services.kind.${r.kind}`)}
                  </Table.Td>
                  <Table.Td ta="right" className="mono">
                    {hours(r.used)}
                  </Table.Td>
                  <Table.Td ta="right" className="mono">
                    {hours(r.included)}
                  </Table.Td>
                  <Table.Td ta="right" className="mono">
                    {hours(r.extra)}
                  </Table.Td>
                </DrillRow>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th colSpan={2}>{t('outsourcing.report.total')}</Table.Th>
                <Table.Th ta="right" className="mono">
                  {hours(used)}
                </Table.Th>
                <Table.Th />
                <Table.Th ta="right" className="mono">
                  {hours(extra)}
                </Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  );
}
