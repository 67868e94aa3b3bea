import type { ReactNode } from 'react';
import { Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentFigures, MonthlyReport } from '../../../shared/api';
import { formatMoney, formatRate } from '../../../shared/money';
import type { OnDrill } from './drill';
import { AmountCell, CountCell, DrillRow, EmptyNote, SectionCard } from './ReportBits';

function VatByRate({ figures, currency }: { figures: DocumentFigures; currency: Parameters<typeof formatMoney>[1] }) {
  return (
    <Text size="xs" c="dimmed">
      {figures.byRate.map((r) => `${formatRate(r.rate)} : ${formatMoney(r.vat, currency)}`).join(' · ')}
    </Text>
  );
}

/** Invoices and credit notes issued, per currency with VAT by rate; VAT on receipts; stamp duty. */
export function SalesSection({ report, onDrill }: { report: MonthlyReport; onDrill: OnDrill }) {
  const { t } = useTranslation();
  const { sales, receiptsVat, stampDuty } = report;
  return (
    <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
      <SectionCard title={t('reports.sections.sales')} testId="report-sales">
        {sales.byCurrency.length === 0 ? (
          <EmptyNote>{t('reports.empty')}</EmptyNote>
        ) : (
          <Table data-testid="table-sales">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.columns.documents')}</Table.Th>
                <Table.Th ta="right">{t('reports.columns.count')}</Table.Th>
                <Table.Th ta="right">{t('reports.columns.ht')}</Table.Th>
                <Table.Th ta="right">{t('reports.columns.vat')}</Table.Th>
                <Table.Th ta="right">{t('reports.columns.ttc')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sales.byCurrency.flatMap((s) =>
                (
                  [
                    ['invoice', t('reports.invoices'), s.invoices, 1],
                    ['credit_note', t('reports.creditNotes'), s.creditNotes, -1],
                  ] as const
                )
                  // A currency without credit notes in the period shows its invoices only.
                  .filter(([type, , figures]) => type === 'invoice' || figures.count > 0)
                  .map(([type, label, figures, sign]) => (
                    <DrillRow
                      key={`${s.currency}/${type}`}
                      testId={`sales-row-${type}`}
                      onOpen={() =>
                        onDrill({
                          kind: 'documents',
                          title: `${label} — ${s.currency}`,
                          filter: { type, currency: s.currency },
                        })
                      }
                    >
                      <Table.Td>
                        <Group gap={6}>
                          <Text size="sm">{label}</Text>
                          <Text size="xs" c="dimmed" className="mono">
                            {s.currency}
                          </Text>
                        </Group>
                        <VatByRate figures={figures} currency={s.currency} />
                      </Table.Td>
                      <CountCell value={figures.count} />
                      <AmountCell value={sign * figures.ht} currency={s.currency} />
                      <AmountCell value={sign * figures.vat} currency={s.currency} />
                      <AmountCell value={sign * figures.ttc} currency={s.currency} strong />
                    </DrillRow>
                  )),
              )}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr fw={600}>
                <Table.Td>
                  {t('reports.netLine')}{' '}
                  <Text span size="xs" c="dimmed">
                    (MAD)
                  </Text>
                </Table.Td>
                <CountCell value={sales.mad.net.count} />
                <AmountCell value={sales.mad.net.ht} />
                <AmountCell value={sales.mad.net.vat} />
                <AmountCell value={sales.mad.net.ttc} strong />
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        )}
      </SectionCard>
      <Stack gap="md">
        <SectionCard
          title={t('reports.sections.receiptsVat')}
          hint={t('reports.sections.receiptsVatHint')}
          testId="report-vat"
        >
          {receiptsVat.rows.length === 0 ? (
            <EmptyNote>{t('reports.empty')}</EmptyNote>
          ) : (
            <Table data-testid="table-vat">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reports.columns.vatRate')}</Table.Th>
                  <Table.Th ta="right">{t('reports.columns.receivedBase')}</Table.Th>
                  <Table.Th ta="right">{t('reports.columns.receivedVat')}</Table.Th>
                  <Table.Th ta="right">{t('reports.columns.reversedVat')}</Table.Th>
                  <Table.Th ta="right">{t('reports.columns.netVat')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {receiptsVat.rows.map((r) => (
                  <Table.Tr key={r.rate}>
                    <Table.Td>{formatRate(r.rate)}</Table.Td>
                    <AmountCell value={r.receivedBase} />
                    <AmountCell value={r.receivedVat} />
                    <AmountCell value={-r.reversedVat} />
                    <AmountCell value={r.netVat} strong />
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr fw={600}>
                  <Table.Td>{t('reports.total')}</Table.Td>
                  <AmountCell value={receiptsVat.totals.receivedBase} />
                  <AmountCell value={receiptsVat.totals.receivedVat} />
                  <AmountCell value={-receiptsVat.totals.reversedVat} />
                  <AmountCell value={receiptsVat.totals.netVat} strong />
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          )}
        </SectionCard>
        <SectionCard title={t('reports.sections.stamp')} testId="report-stamp">
          <DrillRowLike
            onOpen={() =>
              onDrill({
                kind: 'payments',
                title: t('reports.drill.stampOnly'),
                filter: { cashOnly: true, direction: 'in' },
              })
            }
          >
            <Text size="xl" fw={700} data-testid="stamp-total">
              {formatMoney(stampDuty.duty)}
            </Text>
            <Text size="sm" c="dimmed">
              {t('reports.figures.stampHint', { base: formatMoney(stampDuty.base) })} ·{' '}
              {t('reports.drill.stampCount', { count: stampDuty.count })}
            </Text>
            {stampDuty.rounding !== 0 && (
              <Text size="sm" c="dimmed" data-testid="stamp-rounding">
                {t('reports.figures.rounding', { amount: formatMoney(stampDuty.rounding) })}
              </Text>
            )}
          </DrillRowLike>
        </SectionCard>
      </Stack>
    </SimpleGrid>
  );
}

/** A block that opens its detail like a table row does. */
function DrillRowLike({ onOpen, children }: { onOpen: () => void; children: ReactNode }) {
  return (
    <Stack
      gap={2}
      className="clickable-row"
      role="button"
      tabIndex={0}
      onClick={onOpen}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onOpen();
      }}
    >
      {children}
    </Stack>
  );
}
