import {
  Alert,
  Autocomplete,
  Button,
  Card,
  Divider,
  Grid,
  Group,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconAlertTriangle, IconShieldLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenItemsDto } from '../../../shared/api';
import { formatMoney, formatRate, type Currency } from '../../../shared/money';
import { CASH_EXCEPTIONS } from '../../../shared/payment-rules';
import { DateField } from '../../ui/DateField';
import { METHOD_FIELDS, type LivePayment, type PaymentFormValues } from './payment-form';

export type PaymentForm = UseFormReturnType<PaymentFormValues>;

const CURRENCY_SUFFIX: Record<Currency, string> = { MAD: 'DH', EUR: '€', USD: '$' };

export function CurrencySuffix({ currency }: { currency: Currency }) {
  return (
    <Text size="xs" c="dimmed">
      {CURRENCY_SUFFIX[currency]}
    </Text>
  );
}

/** The chosen method's own reference fields (Wafacash: transfer number, sender, city; CCP: receipt, office; …). */
export function MethodFields({ form }: { form: PaymentForm }) {
  const { t } = useTranslation();
  const fields = METHOD_FIELDS[form.values.method];
  if (fields.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="cash-hint">
        {t('payments.form.cashHint')}
      </Text>
    );
  }
  return (
    <Grid gap="sm" data-testid="method-fields">
      {fields.map((field) => (
        <Grid.Col key={`${form.values.method}-${field}`} span={{ base: 12, md: fields.length === 1 ? 8 : 4 }}>
          {field === 'valueDate' ? (
            <DateField
              label={t('payments.form.details.valueDate')}
              required
              initialDate={form.values.details.valueDate}
              onChange={(iso) => form.setFieldValue('details.valueDate', iso)}
              error={form.errors['details.valueDate']}
              data-testid="detail-valueDate"
            />
          ) : (
            <TextInput
              label={t(`payments.form.details.${field}`)}
              description={field === 'senderName' ? t('payments.form.details.senderNameHint') : undefined}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              required
              maxLength={field === 'description' ? 200 : 120}
              dir={field === 'senderName' ? 'auto' : undefined}
              autoComplete="off"
              {...form.getInputProps(`details.${field}`)}
              data-testid={`detail-${field}`}
            />
          )}
        </Grid.Col>
      ))}
    </Grid>
  );
}

function SummaryRow({
  label,
  value,
  testId,
  dimmed,
}: {
  label: string;
  value: string;
  testId: string;
  dimmed?: boolean;
}) {
  return (
    <Group justify="space-between" wrap="nowrap">
      <Text size="sm" c={dimmed ? 'dimmed' : undefined}>
        {label}
      </Text>
      <Text size="sm" className="mono" fw={500} c={dimmed ? 'dimmed' : undefined} data-testid={testId}>
        {value}
      </Text>
    </Group>
  );
}

/** What the screen adds up, live: received, allocated, credit, stamp duty, and the big total to collect. */
export function SummaryCard({
  values,
  items,
  live,
  onMatchAmount,
  handedInput,
}: {
  values: PaymentFormValues;
  items: OpenItemsDto | null;
  live: LivePayment;
  onMatchAmount: () => void;
  /** Cash: "Montant donné", for the change due. */
  handedInput?: ReactNode;
}) {
  const { t } = useTranslation();
  const { currency } = values;
  const cash = values.method === 'cash';
  const duty = items?.stampDuty;
  return (
    <Card data-testid="payment-summary">
      <Title order={3} fz="md" mb="sm">
        {t('payments.summary.title')}
      </Title>
      <Stack gap={6}>
        <SummaryRow
          label={t('payments.summary.received')}
          value={formatMoney(live.amount ?? 0, currency)}
          testId="summary-received"
        />
        <SummaryRow
          label={t('payments.summary.allocated')}
          value={formatMoney(live.allocated, currency)}
          testId="summary-allocated"
        />
        <SummaryRow
          label={t('payments.summary.credit')}
          value={formatMoney(live.credit, currency)}
          testId="summary-credit"
          dimmed={live.credit === 0}
        />
        {cash && (
          <SummaryRow
            label={
              duty && !duty.enabled
                ? t('payments.summary.stampDutyOff')
                : t('payments.summary.stampDuty', { rate: formatRate(duty?.rate ?? 25) })
            }
            value={formatMoney(live.stampDuty, currency)}
            testId="summary-stamp-duty"
          />
        )}
        {cash && live.rounding !== 0 && (
          <SummaryRow
            label={t('payments.summary.rounding')}
            value={formatMoney(live.rounding, currency)}
            testId="summary-rounding"
          />
        )}
        <Divider my={4} />
        <Text fw={700}>{cash ? t('payments.summary.total') : t('payments.summary.totalOther')}</Text>
        <Text fw={800} fz={32} lh={1.1} ta="right" className="mono" c="brand.8" data-testid="summary-total">
          {formatMoney(live.total, currency)}
        </Text>
        {cash && handedInput}
        {cash && live.change !== null && (
          <Group justify="space-between" wrap="nowrap" data-testid="summary-change">
            <Text fw={700} c={live.change < 0 ? 'red.8' : undefined}>
              {live.change < 0 ? t('payments.summary.missing') : t('payments.summary.change')}
            </Text>
            <Text fw={800} fz={24} className="mono" c={live.change < 0 ? 'red.8' : 'teal.8'} data-testid="change-due">
              {formatMoney(Math.abs(live.change), currency)}
            </Text>
          </Group>
        )}
        {live.amount !== null && live.credit < 0 && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} mt="xs" p="xs">
            <Text size="sm">
              {t('payments.summary.overAllocated', { amount: formatMoney(-live.credit, currency) })}
            </Text>
            <Button variant="subtle" size="compact-xs" mt={4} onClick={onMatchAmount} data-testid="match-amount">
              {t('payments.summary.matchAmount', { amount: formatMoney(live.allocated, currency) })}
            </Button>
          </Alert>
        )}
        {live.amount === null && live.allocated > 0 && (
          <Button
            variant="light"
            size="compact-sm"
            mt="xs"
            onClick={onMatchAmount}
            data-testid="match-amount"
            style={{ alignSelf: 'flex-start' }}
          >
            {t('payments.summary.matchAmount', { amount: formatMoney(live.allocated, currency) })}
          </Button>
        )}
      </Stack>
    </Card>
  );
}

/**
 * A manager signs here when a rule needs one: cash of 20,000 DH or more (CGI art. 193, the reason chosen among the DGI
 * note's exceptions or typed), or a counter rate outside its band or without a reference rate.
 */
export function ApprovalCard({ form, cash, rate }: { form: PaymentForm; cash: boolean; rate: boolean }) {
  const { t } = useTranslation();
  const serverError = typeof form.errors.approval === 'string' ? form.errors.approval : null;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconShieldLock size={20} />}
      title={cash ? t('payments.limit.title') : t('payments.limit.rateTitle')}
      data-testid="cash-limit"
    >
      <Stack gap="sm">
        {cash && <Text size="sm">{t('payments.limit.body')}</Text>}
        {rate && (
          <Text size="sm" data-testid="rate-approval">
            {t('payments.limit.rateBody')}
          </Text>
        )}
        {serverError && (
          <Text size="sm" c="red.8" fw={600} role="alert" data-testid="approval-error">
            {serverError}
          </Text>
        )}
        <TextInput
          label={t('payments.limit.username')}
          required
          autoComplete="off"
          {...form.getInputProps('approval.username')}
          data-testid="approval-username"
        />
        <PasswordInput
          label={t('payments.limit.password')}
          required
          autoComplete="off"
          {...form.getInputProps('approval.password')}
          data-testid="approval-password"
        />
        <Autocomplete
          label={t('payments.limit.reason')}
          placeholder={t('payments.limit.reasonPlaceholder')}
          required
          maxLength={300}
          data={cash ? [...CASH_EXCEPTIONS] : []}
          {...form.getInputProps('approval.reason')}
          data-testid="approval-reason"
        />
      </Stack>
    </Alert>
  );
}
