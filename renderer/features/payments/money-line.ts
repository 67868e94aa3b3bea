import type { OpenItemsDto, OpenProformaDto, RenewalOptionDto } from '../../../shared/api';
import type { Centimes, Currency } from '../../../shared/money';
import { documentTotals } from '../../../shared/totals';

export interface NextExpiry {
  serviceId: number;
  label: string;
  expiry: string;
  currency: Currency;
  /** One period's renewal, late fee included, TTC by the one rounding rule; null when the catalogue has no price. */
  renewalTtc: Centimes | null;
  /** An open proforma already renews it. */
  proforma: string | null;
}

/** The client's money in one line: what is left to pay, the next proforma to pay, the credit, the next expiry. */
export interface MoneyLine {
  due: { currency: Currency; amount: Centimes }[];
  nextProforma: OpenProformaDto | null;
  credit: { currency: Currency; amount: Centimes }[];
  nextExpiry: NextExpiry | null;
}

const dueDay = (p: OpenProformaDto) => p.dueDate ?? p.issueDate ?? '9999-12-31';

/** A service's renewal price TTC: one period (and the late fee of a domain in grace) at the product's VAT rate. */
export function renewalTtc(option: RenewalOptionDto): Centimes | null {
  if (option.unitPrice === null) return null;
  const lines = [{ quantity: 1000, unitPrice: option.unitPrice, vatRate: option.vatRate }];
  if (option.lateFee > 0) lines.push({ quantity: 1000, unitPrice: option.lateFee, vatRate: option.vatRate });
  return documentTotals(lines).ttc;
}

export function moneyLine(items: OpenItemsDto, renewals: readonly RenewalOptionDto[]): MoneyLine {
  const due = new Map<Currency, Centimes>();
  for (const p of items.proformas) due.set(p.currency, (due.get(p.currency) ?? 0) + p.balance);
  const byDueDay = [...items.proformas].sort((a, b) => dueDay(a).localeCompare(dueDay(b)) || a.id - b.id);
  const expiring = renewals
    .filter((r): r is RenewalOptionDto & { expiry: string } => r.expiry !== null)
    .sort((a, b) => a.expiry.localeCompare(b.expiry) || a.serviceId - b.serviceId)[0];
  return {
    due: [...due.entries()].filter(([, amount]) => amount > 0).map(([currency, amount]) => ({ currency, amount })),
    nextProforma: byDueDay[0] ?? null,
    credit: items.credit.filter((c) => c.amount > 0),
    nextExpiry: expiring
      ? {
          serviceId: expiring.serviceId,
          label: expiring.label,
          expiry: expiring.expiry,
          currency: expiring.currency,
          renewalTtc: renewalTtc(expiring),
          proforma: expiring.openProforma?.number ?? null,
        }
      : null,
  };
}

/** What the payment form starts with: the open balance in the form's currency, when there is one. */
export function openBalanceIn(items: OpenItemsDto, currency: Currency): Centimes {
  return items.proformas.filter((p) => p.currency === currency).reduce((sum, p) => sum + p.balance, 0);
}
