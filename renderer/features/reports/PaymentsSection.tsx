import { SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MonthlyReport, PaymentFigures } from '../../../shared/api';
import { formatRateValue } from '../../../shared/allocation';
import { formatMoney, type Currency } from '../../../shared/money';
import { formatCalendarDate } from '../../../shared/periods';
import { PAYMENT_METHODS } from '../../../shared/payment-methods';
import { locale } from '../../i18n';
import { methodLabel } from '../payments/PaymentBits';
import { CategoryBars, DayBars } from './charts';
import type { OnDrill } from './drill';
import { AmountCell, CountCell, DrillRow, EmptyNote, SectionCard } from './ReportBits';

/** A group's counts and dirham figures; what no rate converted is said under the net, in its own currency. */
function FigureCells({ f, unconverted }: { f: PaymentFigures; unconverted?: { amount: number; currency: Currency } }) {
  return (
    <>
      <CountCell value={f.inCount} />
      <AmountCell value={f.received} />
      <CountCell value={f.outCount} />
      <AmountCell value={f.refunded} />
      <AmountCell
        value={f.net}
        strong
        note={unconverted && unconverted.amount !== 0 ? <Unconverted {...unconverted} /> : undefined}
      />
      <AmountCell value={f.stampDuty} />
    </>
  );
}

function Unconverted({ amount, currency }: { amount: number; currency: Currency }) {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="orange.8" data-testid="unconverted-note">
      {t('reports.unconvertedNote', { amount: formatMoney(amount, currency) })}
    </Text>
  );
}

function FigureHeads() {
  const { t } = useTranslation();
  return (
    <>
      <Table.Th ta="right">{t('reports.columns.inCount')}</Table.Th>
      <Table.Th ta="right">{t('reports.columns.received')}</Table.Th>
      <Table.Th ta="right">{t('reports.columns.outCount')}</Table.Th>
      <Table.Th ta="right">{t('reports.columns.refunded')}</Table.Th>
      <Table.Th ta="right">{t('reports.columns.netMad')}</Table.Th>
      <Table.Th ta="right">{t('reports.columns.stamp')}</Table.Th>
    </>
  );
}

/** Payments by method (chart and table), by day (chart), by currency and by staff member; every figure opens its rows. */
export function PaymentsSection({ report, onDrill }: { report: MonthlyReport; onDrill: OnDrill }) {
  const { t } = useTranslation();
  const p = report.payments;
  const byMethod = PAYMENT_METHODS.flatMap((method) => {
    const rows = p.byMethod.filter((m) => m.method === method);
    return rows.length === 0
      ? []
      : [{ key: method, label: methodLabel(t, method), value: rows.reduce((s, m) => s + m.net, 0) }];
  });
  const days = p.byDay.map((d) => ({
    key: formatCalendarDate(d.date),
    label: d.date.slice(8, 10),
    value: d.net,
    date: d.date,
  }));
  return (
    <SectionCard title={t('reports.sections.payments')} testId="report-payments">
      {p.totals.inCount + p.totals.outCount === 0 ? (
        <EmptyNote>{t('reports.empty')}</EmptyNote>
      ) : (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {t('reports.sections.byMethod')}
              </Text>
              <CategoryBars
                bars={byMethod}
                locale={locale()}
                testId="chart-methods"
                onPick={(bar) =>
                  onDrill({
                    kind: 'payments',
                    title: bar.label,
                    filter: { method: bar.key as (typeof PAYMENT_METHODS)[number] },
                  })
                }
              />
            </Stack>
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {t('reports.sections.byDay')}
              </Text>
              <DayBars
                bars={days}
                locale={locale()}
                testId="chart-days"
                onPick={(bar) => {
                  const day = days.find((d) => d.key === bar.key);
                  if (day) onDrill({ kind: 'payments', title: bar.key, filter: { date: day.date } });
                }}
              />
            </Stack>
          </SimpleGrid>
          <Table.ScrollContainer minWidth={820} type="native">
            <Table data-testid="table-methods">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reports.columns.method')}</Table.Th>
                  <Table.Th>{t('reports.columns.currency')}</Table.Th>
                  <Table.Th ta="right">{t('reports.columns.net')}</Table.Th>
                  <FigureHeads />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.byMethod.map((m) => (
                  <DrillRow
                    key={`${m.method}/${m.currency}`}
                    testId="method-row"
                    onOpen={() =>
                      onDrill({
                        kind: 'payments',
                        title: `${methodLabel(t, m.method)} — ${m.currency}`,
                        filter: { method: m.method, currency: m.currency },
                      })
                    }
                  >
                    <Table.Td>{methodLabel(t, m.method)}</Table.Td>
                    <Table.Td className="mono">{m.currency}</Table.Td>
                    <AmountCell value={m.own.net} currency={m.currency} />
                    <FigureCells f={m} unconverted={{ amount: m.unconverted, currency: m.currency }} />
                  </DrillRow>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr fw={600}>
                  <Table.Td colSpan={3}>{t('reports.total')}</Table.Td>
                  <FigureCells f={p.totals} />
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
          <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="lg">
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {t('reports.sections.byCurrency')}
              </Text>
              <Table data-testid="table-currencies">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('reports.columns.currency')}</Table.Th>
                    <Table.Th ta="right">{t('reports.columns.net')}</Table.Th>
                    <Table.Th ta="right">{t('reports.columns.rate')}</Table.Th>
                    <Table.Th ta="right">{t('reports.columns.netMad')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.byCurrency.map((c) => {
                    const rate = report.conversion.find((r) => r.currency === c.currency);
                    return (
                      <DrillRow
                        key={c.currency}
                        testId="currency-row"
                        onOpen={() =>
                          onDrill({ kind: 'payments', title: c.currency, filter: { currency: c.currency } })
                        }
                      >
                        <Table.Td className="mono">{c.currency}</Table.Td>
                        <AmountCell value={c.own.net} currency={c.currency} />
                        <Table.Td ta="right">
                          {rate ? (
                            <Stack gap={0} align="flex-end">
                              <Text size="sm">{rate.rate === null ? '—' : formatRateValue(rate.rate)}</Text>
                              <Text size="xs" c="dimmed">
                                {t(`reports.rates.source.${rate.source}`, { count: rate.samples })}
                              </Text>
                            </Stack>
                          ) : (
                            '—'
                          )}
                        </Table.Td>
                        <AmountCell
                          value={c.net}
                          strong
                          note={
                            c.unconverted !== 0 ? (
                              <Unconverted amount={c.unconverted} currency={c.currency} />
                            ) : undefined
                          }
                        />
                      </DrillRow>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Stack>
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {t('reports.sections.byStaff')}
              </Text>
              <Table data-testid="table-staff">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('reports.columns.staff')}</Table.Th>
                    <Table.Th ta="right">{t('reports.columns.count')}</Table.Th>
                    <Table.Th ta="right">{t('reports.columns.netMad')}</Table.Th>
                    <Table.Th ta="right">{t('reports.columns.stamp')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.byStaff.map((s) => (
                    <DrillRow
                      key={s.staff}
                      testId="staff-row"
                      onOpen={() =>
                        onDrill({
                          kind: 'payments',
                          title: s.staff || t('reports.noStaff'),
                          filter: { staff: s.staff },
                        })
                      }
                    >
                      <Table.Td>
                        <Text size="sm">
                          {s.staff ? (report.staffNames[s.staff] ?? s.staff) : t('reports.noStaff')}
                        </Text>
                        {s.staff && report.staffNames[s.staff] && report.staffNames[s.staff] !== s.staff && (
                          <Text size="xs" c="dimmed" className="mono">
                            {s.staff}
                          </Text>
                        )}
                      </Table.Td>
                      <CountCell value={s.inCount + s.outCount} />
                      <AmountCell value={s.net} strong />
                      <AmountCell value={s.stampDuty} />
                    </DrillRow>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          </SimpleGrid>
        </Stack>
      )}
    </SectionCard>
  );
}
