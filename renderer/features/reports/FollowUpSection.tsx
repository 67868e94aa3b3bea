import { Anchor, Badge, SimpleGrid, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { MonthlyReport } from '../../../shared/api';
import { formatCalendarDate } from '../../../shared/periods';
import { AGEING_BUCKETS } from '../../../shared/report-ageing';
import { locale } from '../../i18n';
import { ClientName } from '../clients/ClientBits';
import { monthName } from './period';
import { AmountCell, ClientCell, CountCell, DrillRow, EmptyNote, SectionCard } from './ReportBits';

/** Outstanding proformas by age, per client: each row opens the client. */
export function AgeingSection({ report }: { report: MonthlyReport }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { ageing } = report;
  return (
    <SectionCard
      title={t('reports.sections.ageing')}
      hint={t('reports.period.asOf', { date: formatCalendarDate(ageing.asOf) })}
      testId="report-ageing"
    >
      {ageing.totals.length === 0 ? (
        <EmptyNote>{t('reports.empty')}</EmptyNote>
      ) : (
        <Table.ScrollContainer minWidth={900} type="native">
          <Table data-testid="table-ageing">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.columns.client')}</Table.Th>
                <Table.Th ta="right">{t('reports.columns.proformas')}</Table.Th>
                {AGEING_BUCKETS.map((b) => (
                  <Table.Th key={b} ta="right">
                    {t(`reports.ageing.${b}`)}
                  </Table.Th>
                ))}
                <Table.Th ta="right">{t('reports.columns.total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ageing.clients.map((a) => (
                <DrillRow
                  key={`${a.clientId}/${a.currency}`}
                  testId="ageing-row"
                  onOpen={() => void navigate(`/clients/${a.clientId}`)}
                >
                  <ClientCell name={a.clientName} code={a.clientCode} width={280} />
                  <CountCell value={a.proformas} />
                  {AGEING_BUCKETS.map((b) => (
                    <AmountCell key={b} value={a.buckets[b]} currency={a.currency} />
                  ))}
                  <AmountCell value={a.total} currency={a.currency} strong />
                </DrillRow>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              {ageing.totals.map((total) => (
                <Table.Tr key={total.currency} fw={600} data-testid="ageing-total">
                  <Table.Td>
                    {t('reports.total')} {total.currency}
                  </Table.Td>
                  <CountCell value={total.proformas} />
                  {AGEING_BUCKETS.map((b) => (
                    <AmountCell key={b} value={total.buckets[b]} currency={total.currency} />
                  ))}
                  <AmountCell value={total.total} currency={total.currency} strong />
                </Table.Tr>
              ))}
            </Table.Tfoot>
          </Table>
          {ageing.clientCount > ageing.clients.length && (
            <Text size="xs" c="dimmed" mt="xs">
              {t('reports.ageing.more', { shown: ageing.clients.length, total: ageing.clientCount })}
            </Text>
          )}
        </Table.ScrollContainer>
      )}
    </SectionCard>
  );
}

/** Services suspended or terminated in the period, and domains expiring the month after: each opens its client. */
export function ServicesSection({ report }: { report: MonthlyReport }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { services, domains } = report;
  return (
    <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
      <SectionCard
        title={t('reports.sections.services')}
        aside={
          <Badge variant="light" color="gray" data-testid="services-counts">
            {(['suspended', 'terminated', 'lost'] as const)
              .map((c) => `${t(`reports.change.${c}`)} ${services.counts[c]}`)
              .join(' · ')}
          </Badge>
        }
        testId="report-services"
      >
        {services.rows.length === 0 ? (
          <EmptyNote>{t('reports.empty')}</EmptyNote>
        ) : (
          <Table data-testid="table-services">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.columns.date')}</Table.Th>
                <Table.Th>{t('reports.columns.change')}</Table.Th>
                <Table.Th>{t('reports.columns.service')}</Table.Th>
                <Table.Th>{t('reports.columns.client')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {services.rows.map((s) => (
                <DrillRow
                  key={`${s.at}/${s.serviceId}`}
                  testId="service-row"
                  onOpen={() => void navigate(`/clients/${s.clientId}`)}
                >
                  <Table.Td className="mono">{formatCalendarDate(s.date)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`reports.change.${s.change}`)}</Text>
                    {s.reason && (
                      <Text size="xs" c="dimmed">
                        {s.reason === 'non_payment' || s.reason === 'abuse'
                          ? t(`reports.reasons.${s.reason}`)
                          : s.reason}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{s.label}</Text>
                    <Text size="xs" c="dimmed">
                      {s.productName}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" className="cell-truncate" maw={200}>
                      <ClientName name={s.clientName} />
                    </Text>
                    <Text size="xs" c="dimmed">
                      {s.username ? (report.staffNames[s.username] ?? s.username) : t('reports.automatic')}
                    </Text>
                  </Table.Td>
                </DrillRow>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {services.total > services.rows.length && (
          <Text size="xs" c="dimmed">
            {t('reports.more', { shown: services.rows.length, total: services.total })}
          </Text>
        )}
      </SectionCard>
      <SectionCard
        title={t('reports.sections.domains', { month: monthName(domains.period.from.slice(0, 7), locale(), true) })}
        testId="report-domains"
      >
        {domains.rows.length === 0 ? (
          <EmptyNote>{t('reports.empty')}</EmptyNote>
        ) : (
          <Table data-testid="table-domains">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.columns.domain')}</Table.Th>
                <Table.Th>{t('reports.columns.expiry')}</Table.Th>
                <Table.Th>{t('reports.columns.client')}</Table.Th>
                <Table.Th>{t('reports.columns.renewal')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {domains.rows.map((d) => (
                <DrillRow key={d.serviceId} testId="domain-row" onOpen={() => void navigate(`/clients/${d.clientId}`)}>
                  <Table.Td>
                    <Text size="sm" className="mono">
                      {d.domain}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`reports.serviceStatus.${d.status}`)}
                      {d.terminationRequested ? ` · ${t('reports.terminationRequested')}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td className="mono">{formatCalendarDate(d.expiry)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" className="cell-truncate" maw={200}>
                      <ClientName name={d.clientName} />
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {d.renewal ? (
                      <Anchor
                        component={Link}
                        to={`/billing/${d.renewal.id}`}
                        className="mono"
                        size="sm"
                        onClick={(event) => event.stopPropagation()}
                      >
                        {d.renewal.number}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </DrillRow>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {domains.total > domains.rows.length && (
          <Text size="xs" c="dimmed">
            {t('reports.more', { shown: domains.rows.length, total: domains.total })}
          </Text>
        )}
      </SectionCard>
    </SimpleGrid>
  );
}
