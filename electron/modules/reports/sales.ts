import type { DocumentFigures, SalesRow, SalesSection } from '../../../shared/api/reports';
import { CURRENCIES, type Currency } from '../../../shared/money';
import { toMad } from '../../../shared/report-conversion';
import { shareInMad, type VatPart } from '../../../shared/report-vat';
import type { Converter } from './conversion';
import { parseBreakdown, type PeriodDocument } from './load';

export function emptyFigures(): DocumentFigures {
  return { count: 0, ht: 0, vat: 0, ttc: 0, byRate: [] };
}

function addParts(into: DocumentFigures, ht: number, parts: readonly VatPart[], sign: 1 | -1): void {
  into.ht += sign * ht;
  for (const part of parts) {
    let rate = into.byRate.find((r) => r.rate === part.rate);
    if (!rate) {
      rate = { rate: part.rate, base: 0, vat: 0 };
      into.byRate.push(rate);
      into.byRate.sort((a, b) => b.rate - a.rate);
    }
    rate.base += sign * part.base;
    rate.vat += sign * part.vat;
    into.vat += sign * part.vat;
  }
  into.ttc = into.ht + into.vat;
}

/** Adds one document's totals, rate by rate (rates kept highest first, like on the documents). */
export function addDocument(into: DocumentFigures, ht: number, parts: readonly VatPart[]): void {
  into.count += 1;
  addParts(into, ht, parts, 1);
}

/** Adds (or, sign −1, subtracts) the figures of a group of documents; the count is of documents either way. */
export function addFigures(into: DocumentFigures, figures: DocumentFigures, sign: 1 | -1): void {
  into.count += figures.count;
  addParts(into, figures.ht, figures.byRate, sign);
}

function net(invoices: DocumentFigures, creditNotes: DocumentFigures): DocumentFigures {
  const result = emptyFigures();
  addFigures(result, invoices, 1);
  addFigures(result, creditNotes, -1);
  return result;
}

/**
 * A document's totals in dirhams at the report's rate: each base and VAT converted, the last base taking what is
 * left of the converted TTC so that HT + VAT = TTC still holds to the centime.
 */
function inMad(doc: PeriodDocument, parts: VatPart[], rate: number): { ht: number; parts: VatPart[] } {
  const madParts = shareInMad(parts, toMad(doc.ttc, rate), rate);
  return { ht: madParts.reduce((s, p) => s + p.base, 0), parts: madParts };
}

/** Invoices and credit notes issued in the period, per currency, with VAT by rate and their dirham equivalent. */
export function salesSection(documents: readonly PeriodDocument[], converter: Converter): SalesSection {
  const rows = new Map<
    Currency,
    { own: [DocumentFigures, DocumentFigures]; mad: [DocumentFigures, DocumentFigures] }
  >();
  for (const doc of documents) {
    const row = rows.get(doc.currency) ?? {
      own: [emptyFigures(), emptyFigures()],
      mad: [emptyFigures(), emptyFigures()],
    };
    rows.set(doc.currency, row);
    const index = doc.type === 'invoice' ? 0 : 1;
    const parts = parseBreakdown(doc.vatBreakdown);
    addDocument(row.own[index], doc.ht, parts);
    const rate = converter.rateOf(doc.currency);
    if (rate !== null) {
      const mad = doc.currency === 'MAD' ? { ht: doc.ht, parts } : inMad(doc, parts, rate);
      addDocument(row.mad[index], mad.ht, mad.parts);
    }
  }
  const total = { invoices: emptyFigures(), creditNotes: emptyFigures() };
  const byCurrency: SalesRow[] = CURRENCIES.flatMap((currency) => {
    const row = rows.get(currency);
    if (!row) return [];
    const convertible = converter.rateOf(currency) !== null;
    if (convertible) {
      addFigures(total.invoices, row.mad[0], 1);
      addFigures(total.creditNotes, row.mad[1], 1);
    }
    return [
      {
        currency,
        invoices: row.own[0],
        creditNotes: row.own[1],
        net: net(row.own[0], row.own[1]),
        mad: convertible ? { invoices: row.mad[0], creditNotes: row.mad[1], net: net(row.mad[0], row.mad[1]) } : null,
      },
    ];
  });
  return { byCurrency, mad: { ...total, net: net(total.invoices, total.creditNotes) } };
}
