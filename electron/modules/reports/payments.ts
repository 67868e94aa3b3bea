import type {
  CurrencyRow,
  DayRow,
  MethodRow,
  PaymentFigures,
  PaymentsSection,
  StaffRow,
} from '../../../shared/api/reports';
import { CURRENCIES, type Currency } from '../../../shared/money';
import { PAYMENT_METHODS } from '../../../shared/payment-methods';
import { periodDays, type ReportPeriod } from '../../../shared/report-period';
import type { Converter } from './conversion';
import type { PaymentGroup, PeriodAllocation, PeriodPayment } from './load';

/** What a payment is worth in dirhams: the part a rate converts, and the own-currency rest none does. */
export interface PaymentValue {
  mad: number;
  unconverted: number;
}

/**
 * The dirham value of each standing payment. Dirhams count as they are. A payment in euros or dollars is worth,
 * exactly, the dirhams of the proformas in dirhams it paid (the counter typed the rate for them); the rest of it (paid
 * on proformas in its own currency, or left as credit) and every refund are converted at the report's rate.
 */
export function paymentValues(
  payments: readonly PeriodPayment[],
  allocations: readonly Pick<
    PeriodAllocation,
    'paymentId' | 'amount' | 'paymentAmount' | 'paymentCurrency' | 'documentCurrency'
  >[],
  converter: Converter,
): Map<number, PaymentValue> {
  const exact = new Map<number, { mad: number; taken: number }>();
  for (const a of allocations) {
    if (a.paymentCurrency === 'MAD' || a.documentCurrency !== 'MAD') continue;
    const e = exact.get(a.paymentId) ?? { mad: 0, taken: 0 };
    e.mad += a.amount;
    e.taken += a.paymentAmount;
    exact.set(a.paymentId, e);
  }
  const values = new Map<number, PaymentValue>();
  for (const p of payments) {
    if (p.status !== 'recorded') continue;
    const e = (p.direction === 'in' ? exact.get(p.id) : undefined) ?? { mad: 0, taken: 0 };
    const rest = p.amount - e.taken;
    const converted = converter.mad(rest, p.currency);
    values.set(
      p.id,
      converted === null ? { mad: e.mad, unconverted: rest } : { mad: e.mad + converted, unconverted: 0 },
    );
  }
  return values;
}

/** A group of payments with its dirham value: dirhams as they are, each foreign payment a group of its own. */
export type ValuedGroup = PaymentGroup & PaymentValue;

/** The period's payments as valued groups: the database's groups of dirham payments, and each foreign one alone. */
export function valuedGroups(
  dirhams: readonly PaymentGroup[],
  foreign: readonly PeriodPayment[],
  values: ReadonlyMap<number, PaymentValue>,
): ValuedGroup[] {
  return [
    ...dirhams.map((g) => ({ ...g, mad: g.status === 'recorded' ? g.amount : 0, unconverted: 0 })),
    ...foreign.map((p) => ({ ...p, count: 1, ...(values.get(p.id) ?? { mad: 0, unconverted: 0 }) })),
  ];
}

function figures(): PaymentFigures {
  return { inCount: 0, outCount: 0, received: 0, refunded: 0, net: 0, stampDuty: 0 };
}

function add(into: PaymentFigures, p: ValuedGroup): void {
  if (p.direction === 'in') {
    into.inCount += p.count;
    into.received += p.mad;
    into.stampDuty += p.stampDuty;
  } else {
    into.outCount += p.count;
    into.refunded += p.mad;
  }
  into.net = into.received - into.refunded;
}

function ownAdd(into: { received: number; refunded: number; net: number }, p: ValuedGroup): void {
  if (p.direction === 'in') into.received += p.amount;
  else into.refunded += p.amount;
  into.net = into.received - into.refunded;
}

const signed = (p: ValuedGroup, amount: number) => (p.direction === 'in' ? amount : -amount);

/** Payments by method (and currency), by currency, by staff member and by day, with the totals. */
export function paymentsSection(period: ReportPeriod, groups: readonly ValuedGroup[]): PaymentsSection {
  const totals = figures();
  const byMethod = new Map<string, MethodRow>();
  const byCurrency = new Map<Currency, CurrencyRow>();
  const byStaff = new Map<string, StaffRow>();
  const byDay = new Map<string, DayRow>(periodDays(period).map((date) => [date, { date, ...figures() }]));
  const unconverted = new Map<Currency, number>();
  let voidedCount = 0;
  for (const p of groups) {
    if (p.status !== 'recorded') {
      voidedCount += p.count;
      continue;
    }
    add(totals, p);
    const methodKey = `${p.method}/${p.currency}`;
    const method = byMethod.get(methodKey) ?? {
      method: p.method,
      currency: p.currency,
      ...figures(),
      own: { received: 0, refunded: 0, net: 0 },
      unconverted: 0,
    };
    add(method, p);
    ownAdd(method.own, p);
    method.unconverted += signed(p, p.unconverted);
    byMethod.set(methodKey, method);
    const currency = byCurrency.get(p.currency) ?? {
      currency: p.currency,
      ...figures(),
      own: { received: 0, refunded: 0, net: 0 },
      unconverted: 0,
    };
    add(currency, p);
    ownAdd(currency.own, p);
    currency.unconverted += signed(p, p.unconverted);
    byCurrency.set(p.currency, currency);
    const staff = byStaff.get(p.staff) ?? { staff: p.staff, ...figures() };
    add(staff, p);
    byStaff.set(p.staff, staff);
    const day = byDay.get(p.paidOn);
    if (day) add(day, p);
    if (p.unconverted !== 0) {
      unconverted.set(p.currency, (unconverted.get(p.currency) ?? 0) + signed(p, p.unconverted));
    }
  }
  const methodOrder = (r: MethodRow) =>
    PAYMENT_METHODS.indexOf(r.method) * CURRENCIES.length + CURRENCIES.indexOf(r.currency);
  return {
    totals: {
      ...totals,
      voidedCount,
      unconverted: CURRENCIES.flatMap((currency) => {
        const amount = unconverted.get(currency) ?? 0;
        return amount === 0 ? [] : [{ currency, amount }];
      }),
    },
    byMethod: [...byMethod.values()].sort((a, b) => methodOrder(a) - methodOrder(b)),
    byCurrency: [...byCurrency.values()].sort(
      (a, b) => CURRENCIES.indexOf(a.currency) - CURRENCIES.indexOf(b.currency),
    ),
    byStaff: [...byStaff.values()].sort((a, b) => b.net - a.net || a.staff.localeCompare(b.staff)),
    byDay: [...byDay.values()],
  };
}
