import { Badge, SegmentedControl, Text, type BadgeProps } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PaymentDto, PaymentStatus } from '../../../shared/api';
import { formatCalendarDate, isCalendarDate } from '../../../shared/periods';
import type { PaymentMethod } from '../../../shared/payment-methods';
import { METHOD_FIELDS, type ReceiptFormat } from './payment-form';

const STATUS_COLOR: Record<PaymentStatus, string> = { recorded: 'green', voided: 'red' };

export function PaymentStatusBadge({ status, ...props }: { status: PaymentStatus } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" data-testid="payment-status" {...props}>
      {t(`payments.status.${status}`)}
    </Badge>
  );
}

export const methodLabel = (t: TFunction, method: PaymentMethod) => t(`documents.paymentMethods.${method}`);

/** "RE-2026-000012" in the monospace face. */
export function ReceiptNumber({ number, size = 'sm' }: { number: string; size?: string }) {
  return (
    <Text span size={size} className="mono" fw={600} data-testid="payment-number">
      {number}
    </Text>
  );
}

/** The method's reference fields as label/value pairs, in the form's order (dates as dd/mm/yyyy). */
export function detailPairs(t: TFunction, payment: Pick<PaymentDto, 'details'>): [string, string][] {
  const details = payment.details as Record<string, unknown>;
  return METHOD_FIELDS[payment.details.method].map((field) => {
    const value = typeof details[field] === 'string' ? details[field] : '';
    return [t(`payments.form.details.${field}`), isCalendarDate(value) ? formatCalendarDate(value) : value];
  });
}

/** "WC-4471 · Karim Alaoui · Fès": the reference in one short line, for tables. */
export function referenceLine(t: TFunction, payment: Pick<PaymentDto, 'details'>): string {
  return detailPairs(t, payment)
    .map(([, value]) => value)
    .filter(Boolean)
    .join(' · ');
}

/** The receipt's layout: the counter's 80 mm roll by default, or A5. */
export function ReceiptFormatPicker({
  value,
  onChange,
}: {
  value: ReceiptFormat;
  onChange: (format: ReceiptFormat) => void;
}) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('payments.receipt.format')}
      value={value}
      onChange={(format) => onChange(format === 'a5' ? 'a5' : 'thermal')}
      data={(['thermal', 'a5'] as const).map((format) => ({ value: format, label: t(`payments.receipt.${format}`) }))}
      data-testid="receipt-format"
    />
  );
}
