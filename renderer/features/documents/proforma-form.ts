import type { DocumentDto, DraftInput, DraftLineInput, ProductDto, RenewalOptionDto } from '../../../shared/api';
import { parseMoney, type Currency } from '../../../shared/money';
import {
  documentTotals,
  formatQuantity,
  parseQuantity,
  type DocumentTotals,
  type TotalsLine,
} from '../../../shared/totals';

/** The VAT rates offered for a free line (basis points), highest first. */
export const VAT_RATES = [2000, 1400, 1000, 700, 0] as const;
export const MAX_PERIODS = 10;

/** A service of the client ticked (or not) for renewal, by service id. */
export interface ServicePick {
  checked: boolean;
  periods: number;
}

/** A free line as typed: text fields, read with the shared parsers only when totals or the draft need them. */
export interface ItemRow {
  /** Stable React key: rows are added and removed. */
  key: string;
  productId: number | null;
  description: string;
  quantity: string;
  unitPrice: string;
  /** Basis points, as the select's value. */
  vatRate: string;
}

export interface ProformaFormValues {
  clientId: number | null;
  currency: Currency;
  dueDate: string;
  notes: string;
  services: Record<string, ServicePick>;
  items: ItemRow[];
}

/** Why a ticked service cannot go on this proforma. */
export type BlockReason = 'noPrice' | 'openProforma';

/** Client-side refusals, as keys of documents.editor.errors. */
export type FormErrorCode =
  'client' | 'quantity' | 'quantityZero' | 'price' | 'priceRequired' | 'description' | 'noLines';

let rowSerial = 0;
function newKey(): string {
  rowSerial += 1;
  return `row-${rowSerial}`;
}

/** 123450 → "1234,50": an amount as a person would type it back (no currency, no grouping). */
export function moneyInput(centimes: number): string {
  const sign = centimes < 0 ? '-' : '';
  const abs = Math.abs(centimes);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

export function emptyProformaForm(clientId: number | null, currency: Currency = 'MAD'): ProformaFormValues {
  return { clientId, currency, dueDate: '', notes: '', services: {}, items: [] };
}

export function blankItem(): ItemRow {
  return { key: newKey(), productId: null, description: '', quantity: '1', unitPrice: '', vatRate: '2000' };
}

/**
 * The unit price HT a catalogue product starts a free line with, for one unit of what it is sold by: its one-off
 * price, its hourly rate, a domain's yearly registration, a year of a recurring product (else its shortest period).
 */
export function catalogUnitPrice(product: ProductDto, currency: Currency): number | null {
  const prices = product.prices.filter((p) => p.currency === currency);
  const pick = (type: string, months?: number) =>
    prices.find((p) => p.priceType === type && (months === undefined || p.months === months));
  const periods = prices.filter((p) => p.priceType === 'period').sort((a, b) => a.months - b.months);
  const found =
    pick('once') ??
    pick('hour') ??
    pick('register', 12) ??
    pick('renew', 12) ??
    pick('period', 12) ??
    periods[0] ??
    prices.find((p) => p.priceType !== 'late_fee');
  return found?.amount ?? null;
}

/** A free line prefilled from a catalogue product: its name, price in force for the currency and VAT rate. */
export function itemFromProduct(product: ProductDto, currency: Currency): ItemRow {
  const price = catalogUnitPrice(product, currency);
  return {
    key: newKey(),
    productId: product.id,
    description: product.name,
    quantity: '1',
    unitPrice: price === null ? '' : moneyInput(price),
    vatRate: String(product.vatRate),
  };
}

/** Whether a renewal option can be ticked on the proforma being edited (`draftId`: the draft itself may hold it). */
export function blockReason(option: RenewalOptionDto, draftId: number | null): BlockReason | null {
  if (option.unitPrice === null) return 'noPrice';
  if (option.openProforma && option.openProforma.id !== draftId) return 'openProforma';
  return null;
}

function clampPeriods(periods: number): number {
  return Number.isInteger(periods) ? Math.min(MAX_PERIODS, Math.max(1, periods)) : 1;
}

/** The options ticked on the form that can really go on it, in the order the options are listed. */
function pickedOptions(values: ProformaFormValues, options: readonly RenewalOptionDto[], draftId: number | null) {
  return options.flatMap((option) => {
    const pick = values.services[String(option.serviceId)];
    if (!pick?.checked || blockReason(option, draftId) !== null || option.unitPrice === null) return [];
    return [{ option, unitPrice: option.unitPrice, periods: clampPeriods(pick.periods) }];
  });
}

/** One line of the live preview: what the totals are computed from, and the row it shows on. */
export interface PreviewLine extends TotalsLine {
  source:
    { kind: 'service'; serviceId: number } | { kind: 'late_fee'; serviceId: number } | { kind: 'item'; row: number };
}

/**
 * The lines as the proforma will hold them: a ticked service is periods × its price for one period, a domain in grace
 * adds its late fee as its own line, then the free lines whose quantity and price can be read.
 */
export function previewLines(
  values: ProformaFormValues,
  options: readonly RenewalOptionDto[],
  draftId: number | null,
): PreviewLine[] {
  const lines: PreviewLine[] = [];
  for (const { option, unitPrice, periods } of pickedOptions(values, options, draftId)) {
    lines.push({
      quantity: periods * 1000,
      unitPrice,
      vatRate: option.vatRate,
      source: { kind: 'service', serviceId: option.serviceId },
    });
    if (option.lateFee > 0) {
      lines.push({
        quantity: 1000,
        unitPrice: option.lateFee,
        vatRate: option.vatRate,
        source: { kind: 'late_fee', serviceId: option.serviceId },
      });
    }
  }
  values.items.forEach((item, row) => {
    const quantity = parseQuantity(item.quantity);
    const unitPrice = parseMoney(item.unitPrice);
    if (quantity === null || quantity <= 0 || unitPrice === null || unitPrice < 0) return;
    lines.push({ quantity, unitPrice, vatRate: Number(item.vatRate), source: { kind: 'item', row } });
  });
  return lines;
}

/** The live totals box: the one rounding rule of shared/totals.ts over the preview lines, never other arithmetic. */
export function liveTotals(
  values: ProformaFormValues,
  options: readonly RenewalOptionDto[],
  draftId: number | null,
): { lines: PreviewLine[]; totals: DocumentTotals } {
  const lines = previewLines(values, options, draftId);
  return { lines, totals: documentTotals(lines) };
}

/** Where each line sent comes from on the form, so the server's "lines.N.field" errors land on the right field. */
export type LineOrigin = { kind: 'service'; serviceId: number } | { kind: 'item'; row: number };

export type BuiltDraft =
  { ok: true; input: DraftInput; origins: LineOrigin[] } | { ok: false; errors: Record<string, FormErrorCode> };

/**
 * What "Enregistrer le brouillon" sends, or the fields to fix first. Quantities and prices are read with the shared
 * parsers (three and two decimals at most); the server checks everything again with the shared schema.
 */
export function buildDraft(
  values: ProformaFormValues,
  options: readonly RenewalOptionDto[],
  draftId: number | null,
): BuiltDraft {
  const errors: Record<string, FormErrorCode> = {};
  if (values.clientId === null) errors.clientId = 'client';
  const lines: DraftLineInput[] = [];
  const origins: LineOrigin[] = [];
  for (const { option, periods } of pickedOptions(values, options, draftId)) {
    lines.push({ kind: 'service', serviceId: option.serviceId, periods });
    origins.push({ kind: 'service', serviceId: option.serviceId });
  }
  values.items.forEach((item, row) => {
    const description = item.description.trim();
    const quantity = parseQuantity(item.quantity);
    const unitPrice = parseMoney(item.unitPrice);
    if (!description) errors[`items.${row}.description`] = 'description';
    if (quantity === null) errors[`items.${row}.quantity`] = 'quantity';
    else if (quantity <= 0) errors[`items.${row}.quantity`] = 'quantityZero';
    if (item.unitPrice.trim() === '') errors[`items.${row}.unitPrice`] = 'priceRequired';
    else if (unitPrice === null || unitPrice < 0) errors[`items.${row}.unitPrice`] = 'price';
    if (!description || quantity === null || quantity <= 0 || unitPrice === null || unitPrice < 0) return;
    lines.push({
      kind: 'item',
      productId: item.productId,
      description,
      quantity,
      unitPrice,
      vatRate: Number(item.vatRate),
    });
    origins.push({ kind: 'item', row });
  });
  if (values.items.length === 0 && lines.length === 0) errors.lines = 'noLines';
  if (Object.keys(errors).length > 0 || values.clientId === null) return { ok: false, errors };
  return {
    ok: true,
    origins,
    input: {
      ...(draftId === null ? {} : { id: draftId }),
      clientId: values.clientId,
      currency: values.currency,
      dueDate: values.dueDate || null,
      notes: values.notes.trim(),
      lines,
    },
  };
}

/**
 * The server's field errors as form paths: "lines.2.quantity" is the third line sent, shown on the free line (or the
 * service) it came from; other paths keep their name.
 */
export function draftFormErrors(
  fields: Record<string, string>,
  origins: readonly LineOrigin[],
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const line = /^lines\.(\d+)(?:\.(\w+))?/.exec(path);
    if (!line) {
      errors[path] ??= message;
      continue;
    }
    const origin = origins[Number(line[1])];
    const field = line[2];
    if (origin?.kind === 'item') errors[`items.${origin.row}${field ? `.${field}` : ''}`] ??= message;
    else if (origin?.kind === 'service') errors[`services.${origin.serviceId}`] ??= message;
    else if (!('lines' in errors)) errors.lines = message;
  }
  return errors;
}

/** A saved draft back into the form: service lines become ticked services, late fees are derived again, items typed. */
export function formFromDocument(document: DocumentDto): ProformaFormValues {
  const services: Record<string, ServicePick> = {};
  const items: ItemRow[] = [];
  for (const line of document.lines) {
    if (line.kind === 'service' && line.serviceId !== null) {
      services[String(line.serviceId)] = { checked: true, periods: clampPeriods(Math.round(line.quantity / 1000)) };
    } else if (line.kind === 'item') {
      items.push({
        key: newKey(),
        productId: line.productId,
        description: line.description,
        quantity: formatQuantity(line.quantity),
        unitPrice: moneyInput(line.unitPrice),
        vatRate: String(line.vatRate),
      });
    }
  }
  return {
    clientId: document.clientId,
    currency: document.currency,
    dueDate: document.dueDate ?? '',
    notes: document.notes,
    services,
    items,
  };
}
