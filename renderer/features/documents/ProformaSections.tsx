import { Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatRate, type Currency } from '../../../shared/money';
import type { DocumentTotals } from '../../../shared/totals';
import type { PreviewLine, ProformaFormValues } from './proforma-form';

/** The proforma editor's form, shared by its sections. */
export type ProformaForm = UseFormReturnType<ProformaFormValues>;

export function SectionCard({
  title,
  hint,
  children,
  testId,
}: {
  title: string;
  hint?: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Card component="section" aria-label={title} data-testid={testId}>
      <Stack gap={2} mb="md">
        <Title order={3} fz="md">
          {title}
        </Title>
        {hint && (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        )}
      </Stack>
      {children}
    </Card>
  );
}

/** The amount HT of each previewed line, by where it comes from: the screen shows what the totals add up. */
export function lineAmounts(lines: readonly PreviewLine[], totals: DocumentTotals) {
  const byService = new Map<number, number>();
  const byLateFee = new Map<number, number>();
  const byRow = new Map<number, number>();
  lines.forEach((line, index) => {
    const amount = totals.lines[index] ?? 0;
    if (line.source.kind === 'service') byService.set(line.source.serviceId, amount);
    else if (line.source.kind === 'late_fee') byLateFee.set(line.source.serviceId, amount);
    else byRow.set(line.source.row, amount);
  });
  return { byService, byLateFee, byRow };
}

/** The live totals: HT, VAT per rate with its base, TTC, by the shared rounding rule. */
export function TotalsCard({
  totals,
  lineCount,
  currency,
}: {
  totals: DocumentTotals;
  lineCount: number;
  currency: Currency;
}) {
  const { t } = useTranslation();
  return (
    <Card data-testid="totals" h="100%">
      <Group justify="space-between" mb="sm">
        <Title order={3} fz="md">
          {t('documents.editor.totals.title')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('documents.editor.totals.lines', { count: lineCount })}
        </Text>
      </Group>
      <Stack gap={6}>
        <Group justify="space-between">
          <Text size="sm">{t('documents.editor.totals.ht')}</Text>
          <Text size="sm" className="mono" fw={500} data-testid="totals-ht">
            {formatMoney(totals.ht, currency)}
          </Text>
        </Group>
        {totals.vat.map((vat) => (
          <Group key={vat.rate} justify="space-between" wrap="nowrap" data-testid={`totals-vat-${vat.rate}`}>
            <Stack gap={0}>
              <Text size="sm">{t('documents.editor.totals.vat', { rate: formatRate(vat.rate) })}</Text>
              <Text size="xs" c="dimmed">
                {t('documents.editor.totals.vatBase', { base: formatMoney(vat.base, currency) })}
              </Text>
            </Stack>
            <Text size="sm" className="mono" data-testid="totals-vat-amount">
              {formatMoney(vat.vat, currency)}
            </Text>
          </Group>
        ))}
        <Divider my={4} />
        <Group justify="space-between">
          <Text fw={700}>{t('documents.editor.totals.ttc')}</Text>
          <Text fw={700} fz="xl" className="mono" c="brand.8" data-testid="totals-ttc">
            {formatMoney(totals.ttc, currency)}
          </Text>
        </Group>
        <Text size="xs" c="dimmed" mt={4}>
          {lineCount === 0 ? t('documents.editor.totals.empty') : t('documents.editor.totals.rule')}
        </Text>
      </Stack>
    </Card>
  );
}
