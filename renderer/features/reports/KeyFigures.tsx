import { Card, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MonthlyReport } from '../../../shared/api';
import { formatMoney } from '../../../shared/money';

function Figure({
  label,
  value,
  hint,
  testId,
  danger = false,
}: {
  label: string;
  value: string;
  hint: string;
  testId: string;
  danger?: boolean;
}) {
  return (
    <Card padding="md" data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text
        size="xl"
        fw={700}
        mt={4}
        c={danger ? 'red.7' : undefined}
        data-testid={`${testId}-value`}
        style={{ whiteSpace: 'nowrap' }}
      >
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Card>
  );
}

/** The figures a manager reads first, in dirhams. */
export function KeyFigures({ report }: { report: MonthlyReport }) {
  const { t } = useTranslation();
  const p = report.payments.totals;
  const madAgeing = report.ageing.totals.find((a) => a.currency === 'MAD');
  return (
    <SimpleGrid cols={{ base: 2, md: 3, xl: 6 }} spacing="md">
      <Figure
        label={t('reports.figures.net')}
        value={formatMoney(p.net)}
        hint={t('reports.figures.netHint', {
          payments: t('reports.figures.payments', { count: p.inCount }),
          refunds: t('reports.figures.refunds', { count: p.outCount }),
        })}
        testId="figure-net"
      />
      <Figure
        label={t('reports.figures.vat')}
        value={formatMoney(report.receiptsVat.totals.netVat)}
        hint={t('reports.figures.vatHint')}
        testId="figure-vat"
      />
      <Figure
        label={t('reports.figures.sales')}
        value={formatMoney(report.sales.mad.net.ttc)}
        hint={t('reports.figures.salesHint')}
        testId="figure-sales"
      />
      <Figure
        label={t('reports.figures.stamp')}
        value={formatMoney(report.stampDuty.duty)}
        hint={t('reports.figures.stampHint', { base: formatMoney(report.stampDuty.base) })}
        testId="figure-stamp"
      />
      <Figure
        label={t('reports.figures.outstanding')}
        value={formatMoney(madAgeing?.total ?? 0)}
        hint={t('reports.figures.outstandingHint', { count: madAgeing?.clients ?? 0 })}
        testId="figure-outstanding"
      />
      <Figure
        label={t('reports.figures.cash')}
        value={formatMoney(report.cash.totals.difference)}
        hint={t('reports.figures.cashHint', { count: report.cash.totals.count })}
        testId="figure-cash"
        danger={report.cash.totals.difference < 0}
      />
    </SimpleGrid>
  );
}
