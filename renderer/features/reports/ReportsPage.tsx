import { Alert, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonthlyReport, ReportInput } from '../../../shared/api';
import { businessDate } from '../../../shared/dates';
import { formatMoney } from '../../../shared/money';
import { useApiQuery } from '../../api';
import { PageHeader } from '../../ui/PageHeader';
import { EinvoiceSection } from '../einvoice/EinvoiceSection';
import { CashSection } from './CashSection';
import type { Drill } from './drill';
import { DrillDrawer } from './DrillDrawer';
import { ExportButtons } from './ExportButtons';
import { AgeingSection, ServicesSection } from './FollowUpSection';
import { KeyFigures } from './KeyFigures';
import { OutsourcingHoursSection } from './OutsourcingHoursSection';
import { PaymentsSection } from './PaymentsSection';
import { initialChoice, periodOf, ratesOf, type RateTexts } from './period';
import { PeriodBar } from './PeriodBar';
import { SalesSection } from './SalesSection';

/** #/reports (managers): the report of a month or a range, its charts, the rows behind each figure, its exports. */
export function ReportsPage() {
  const { t } = useTranslation();
  const [today] = useState(() => businessDate(new Date()));
  const [choice, setChoice] = useState(() => initialChoice(today));
  const [rateTexts, setRateTexts] = useState<RateTexts>({ EUR: '', USD: '' });
  const [drill, setDrill] = useState<Drill | null>(null);
  const period = periodOf(choice);
  const rates = ratesOf(rateTexts);
  const input: ReportInput | null = period && 'rates' in rates ? { ...period, rates: rates.rates } : null;
  const report = useApiQuery('reports.monthly', input ?? { from: today, to: today }, {
    enabled: input !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  return (
    <>
      <PageHeader
        title={t('reports.title')}
        subtitle={t('reports.subtitle')}
        actions={<ExportButtons input={input} />}
      />
      <PeriodBar choice={choice} onChoice={setChoice} today={today} rates={rateTexts} onRates={setRateTexts} />
      {report.isError && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} mb="md" role="alert">
          {report.error.message}
        </Alert>
      )}
      {report.data ? (
        <ReportView report={report.data} dimmed={report.isPlaceholderData} onDrill={setDrill} />
      ) : (
        input !== null &&
        !report.isError && (
          <Center py={80}>
            <Group gap="sm">
              <Loader size="sm" />
              <Text c="dimmed">{t('reports.loading')}</Text>
            </Group>
          </Center>
        )
      )}
      <EinvoiceSection year={Number(today.slice(0, 4)) - 1} />
      <DrillDrawer
        drill={drill}
        input={input}
        staffNames={report.data?.staffNames ?? {}}
        onClose={() => setDrill(null)}
      />
    </>
  );
}

function ReportView({
  report,
  dimmed,
  onDrill,
}: {
  report: MonthlyReport;
  dimmed: boolean;
  onDrill: (drill: Drill) => void;
}) {
  const { t } = useTranslation();
  const unconverted = [...report.payments.totals.unconverted, ...report.receiptsVat.unconverted];
  const amounts = [...new Set(report.payments.totals.unconverted.map((u) => formatMoney(u.amount, u.currency)))];
  return (
    <Stack gap="md" style={{ opacity: dimmed ? 0.6 : 1, transition: 'opacity 120ms' }} data-testid="report">
      <KeyFigures report={report} />
      {unconverted.length > 0 && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} data-testid="report-unconverted">
          {t('reports.unconverted', {
            amounts: amounts.length > 0 ? amounts.join(', ') : unconverted.map((u) => u.currency).join(', '),
          })}
        </Alert>
      )}
      {report.payments.totals.voidedCount > 0 && (
        <Alert color="gray" icon={<IconInfoCircle size={18} />} data-testid="report-voided">
          {t('reports.voided', { count: report.payments.totals.voidedCount })}
        </Alert>
      )}
      <PaymentsSection report={report} onDrill={onDrill} />
      <SalesSection report={report} onDrill={onDrill} />
      <AgeingSection report={report} />
      <ServicesSection report={report} />
      <CashSection report={report} />
      <OutsourcingHoursSection report={report} />
    </Stack>
  );
}
