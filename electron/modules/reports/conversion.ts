import type { Centimes, Currency } from '../../../shared/money';
import {
  conversionRates,
  FOREIGN_CURRENCIES,
  toMad,
  type ConversionRate,
  type ForeignCurrency,
  type MadRate,
} from '../../../shared/report-conversion';
import type { PeriodAllocation } from './load';

/** Dirham values of foreign amounts at the report's rates: one object, used by every section and export. */
export class Converter {
  private readonly rates = new Map<Currency, MadRate>();

  constructor(readonly table: ConversionRate[]) {
    for (const r of table) if (r.rate !== null) this.rates.set(r.currency, r.rate);
  }

  rateOf(currency: Currency): MadRate | null {
    return currency === 'MAD' ? 1_000_000 : (this.rates.get(currency) ?? null);
  }

  /** The dirhams an amount is worth, or null when its currency has no rate. */
  mad(amount: Centimes, currency: Currency): Centimes | null {
    if (currency === 'MAD') return amount;
    const rate = this.rates.get(currency);
    return rate === undefined ? null : toMad(amount, rate);
  }
}

/**
 * The conversions typed at the counter in the period, per foreign currency, as (dirhams, foreign) pairs: a payment in
 * dirhams of a proforma in euros (the rate gave the dirhams it took), or a payment in euros of a proforma in dirhams.
 */
function counterPairs(allocations: readonly PeriodAllocation[]) {
  const pairs: Partial<Record<ForeignCurrency, { mad: Centimes; foreign: Centimes }[]>> = {};
  const add = (currency: Currency, mad: Centimes, foreign: Centimes) => {
    const foreignCurrency = FOREIGN_CURRENCIES.find((c) => c === currency);
    if (foreignCurrency) (pairs[foreignCurrency] ??= []).push({ mad, foreign });
  };
  for (const a of allocations) {
    if (a.rate === null) continue;
    if (a.paymentCurrency === 'MAD') add(a.documentCurrency, a.paymentAmount, a.amount);
    else if (a.documentCurrency === 'MAD') add(a.paymentCurrency, a.amount, a.paymentAmount);
  }
  return pairs;
}

/** The report's rate for each foreign currency: typed for the report, else the counter's average in the period. */
export function reportConverter(
  reference: Partial<Record<ForeignCurrency, MadRate>>,
  allocations: readonly PeriodAllocation[],
): Converter {
  return new Converter(conversionRates(reference, counterPairs(allocations)));
}
