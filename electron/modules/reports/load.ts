import type { CreditMode, DocumentStatus } from '../../../shared/api/documents';
import { startOfBusinessDayUtc, startOfNextBusinessDayUtc } from '../../../shared/dates';
import type { Currency } from '../../../shared/money';
import type { PaymentMethod } from '../../../shared/payment-methods';
import type { ReportPeriod } from '../../../shared/report-period';
import type { VatPart } from '../../../shared/report-vat';
import { allIn, type Snapshot } from './snapshot';

/**
 * The rows of a period every section is computed from. Calendar dates bound what is dated (payments, documents);
 * instants (allocations, credit used, events, cash sessions) are bounded by the first instant of the period's first day
 * and of the day after its last, in Casablanca time.
 */
export function instantBounds(period: ReportPeriod): { start: string; end: string } {
  return { start: startOfBusinessDayUtc(period.from), end: startOfNextBusinessDayUtc(period.to) };
}

export interface PeriodPayment {
  id: number;
  paidOn: string;
  status: 'recorded' | 'voided';
  direction: 'in' | 'out';
  method: PaymentMethod;
  currency: Currency;
  staff: string;
  amount: number;
  stampDuty: number;
  /** Cash rounded to 0,10 DH: part of what went into the drawer, not of what went to the accounts. */
  cashRounding: number;
  creditNoteId: number | null;
}

/**
 * Every payment dated in the period, voided ones included (they are counted apart), or only those in a foreign
 * currency (each needs its own dirham value). From idx_payments_report alone.
 */
export function loadPayments(snapshot: Snapshot, period: ReportPeriod, foreignOnly = false): PeriodPayment[] {
  return snapshot.all<PeriodPayment>(
    `SELECT id, paid_on AS paidOn, status, direction, method, currency, COALESCE(staff, '') AS staff, amount,
       stamp_duty AS stampDuty, cash_rounding AS cashRounding, credit_note_id AS creditNoteId
     FROM payments WHERE paid_on >= ? AND paid_on <= ?${foreignOnly ? " AND currency <> 'MAD'" : ''}`,
    [period.from, period.to],
  );
}

/** Payments alike (day, status, direction, method, currency, staff member) added up: what a report shows of them. */
export type PaymentGroup = Omit<PeriodPayment, 'id' | 'creditNoteId'> & { count: number };

/**
 * The period's payments in dirhams, grouped by the database (a month holds thousands of them; they are worth what
 * they say). From idx_payments_report alone.
 */
export function loadDirhamGroups(snapshot: Snapshot, period: ReportPeriod): PaymentGroup[] {
  return snapshot.all<PaymentGroup>(
    `SELECT paid_on AS paidOn, status, direction, method, currency, COALESCE(staff, '') AS staff, COUNT(*) AS count,
       SUM(amount) AS amount, SUM(stamp_duty) AS stampDuty, SUM(cash_rounding) AS cashRounding
     FROM payments WHERE paid_on >= ? AND paid_on <= ? AND currency = 'MAD'
     GROUP BY paid_on, status, direction, method, currency, staff`,
    [period.from, period.to],
  );
}

/** Refunds of the period paid against a credit note (their share of its VAT is reversed). */
export function loadNoteRefunds(
  snapshot: Snapshot,
  period: ReportPeriod,
): { id: number; amount: number; currency: Currency; creditNoteId: number }[] {
  return snapshot.all(
    `SELECT id, amount, currency, credit_note_id AS creditNoteId FROM payments
     WHERE paid_on >= ? AND paid_on <= ? AND status = 'recorded' AND direction = 'out' AND credit_note_id IS NOT NULL`,
    [period.from, period.to],
  );
}

/** An allocation of a payment of the period to a proforma, with what the report needs of the proforma. */
export interface PeriodAllocation {
  id: number;
  paymentId: number;
  documentId: number;
  /** In the proforma's currency. */
  amount: number;
  /** In the payment's currency. */
  paymentAmount: number;
  rate: number | null;
  /** What was left to pay on the proforma after it (when it was recorded). */
  balanceAfter: number;
  paymentCurrency: Currency;
  documentCurrency: Currency;
  ttc: number;
  vatBreakdown: string;
}

const STANDING_IN_PERIOD = `FROM payments p
     JOIN payment_allocations a ON a.payment_id = p.id AND a.reversal_of IS NULL
     JOIN documents d ON d.id = a.document_id
     WHERE p.paid_on >= ? AND p.paid_on <= ? AND p.status = 'recorded' AND p.direction = 'in'`;

/** What dirham payments of the period settled on a proforma, added up by the database. */
export interface DirhamSettlement {
  documentId: number;
  documentCurrency: Currency;
  count: number;
  amount: number;
  /**
   * What was still to pay on the proforma before the first of them: the largest balance before an allocation
   * (balance after it + its amount), since a balance only falls while nothing on the proforma is voided.
   */
  openBefore: number;
  ttc: number;
  vatBreakdown: string;
}

/**
 * The period's standing dirham payments (a voided payment's allocations are reversed and count nowhere), one line per
 * proforma they settled: the bulk of a month, added up by the database. A proforma's own columns are the same on each
 * of its lines (MAX only picks one, and keeps the SQL standard).
 */
export function loadDirhamSettlements(snapshot: Snapshot, period: ReportPeriod): DirhamSettlement[] {
  return snapshot.all<DirhamSettlement>(
    `SELECT a.document_id AS documentId, MAX(d.currency) AS documentCurrency, COUNT(*) AS count,
       SUM(a.amount) AS amount, MAX(a.balance_after + a.amount) AS openBefore, MAX(d.ttc) AS ttc,
       MAX(d.vat_breakdown) AS vatBreakdown
     ${STANDING_IN_PERIOD} AND p.currency = 'MAD'
     GROUP BY a.document_id`,
    [period.from, period.to],
  );
}

const ALLOCATION_COLUMNS = `a.id, a.payment_id AS paymentId, a.document_id AS documentId, a.amount,
       a.payment_amount AS paymentAmount, a.rate, a.balance_after AS balanceAfter, p.currency AS paymentCurrency,
       d.currency AS documentCurrency, d.ttc, d.vat_breakdown AS vatBreakdown`;

/**
 * The period's standing allocations where a currency other than the dirham is involved, one by one (each is
 * converted on its own, and those between two currencies carry the counter's rate): the payments in euros or
 * dollars, and the dirham payments of the proformas in another currency (found among `dirham`).
 */
export function loadForeignAllocations(
  snapshot: Snapshot,
  period: ReportPeriod,
  dirham: readonly DirhamSettlement[],
): PeriodAllocation[] {
  const foreignDocuments = dirham.filter((d) => d.documentCurrency !== 'MAD').map((d) => d.documentId);
  return [
    ...snapshot.all<PeriodAllocation>(`SELECT ${ALLOCATION_COLUMNS} ${STANDING_IN_PERIOD} AND p.currency <> 'MAD'`, [
      period.from,
      period.to,
    ]),
    ...allIn<PeriodAllocation>(
      snapshot,
      foreignDocuments,
      (ids) =>
        `SELECT ${ALLOCATION_COLUMNS} ${STANDING_IN_PERIOD} AND p.currency = 'MAD' AND a.document_id IN (${ids})`,
      [period.from, period.to],
    ),
  ];
}

export interface PeriodDocument {
  id: number;
  type: 'invoice' | 'credit_note';
  issueDate: string;
  status: DocumentStatus;
  currency: Currency;
  ht: number;
  vat: number;
  ttc: number;
  creditMode: CreditMode | null;
  sourceId: number | null;
  vatBreakdown: string;
}

/** Invoices and credit notes issued in the period, with their totals. From idx_documents_report alone. */
export function loadDocuments(snapshot: Snapshot, period: ReportPeriod): PeriodDocument[] {
  return snapshot.all<PeriodDocument>(
    `SELECT id, type, issue_date AS issueDate, status, currency, ht, total_vat AS vat, ttc, credit_mode AS creditMode,
       source_id AS sourceId, vat_breakdown AS vatBreakdown
     FROM documents WHERE type IN ('invoice', 'credit_note') AND issue_date >= ? AND issue_date <= ?`,
    [period.from, period.to],
  );
}

export function parseBreakdown(json: string): VatPart[] {
  return (JSON.parse(json) as VatPart[]).map((p) => ({ rate: p.rate, base: p.base, vat: p.vat }));
}

/** Client credit spent on a proforma in the period: money settled on it, like a payment. */
export interface PeriodCreditUse {
  id: number;
  documentId: number;
  amount: number;
  at: string;
  currency: Currency;
  ttc: number;
  vatBreakdown: string;
}

export function loadCreditUses(snapshot: Snapshot, period: ReportPeriod): PeriodCreditUse[] {
  const { start, end } = instantBounds(period);
  return snapshot.all<PeriodCreditUse>(
    `SELECT cc.id, cc.document_id AS documentId, -cc.amount AS amount, cc.at, d.currency, d.ttc,
       d.vat_breakdown AS vatBreakdown
     FROM client_credits cc JOIN documents d ON d.id = cc.document_id
     WHERE cc.kind = 'applied' AND cc.at >= ? AND cc.at < ?`,
    [start, end],
  );
}

/**
 * Every allocation that stands on the given proformas (the money settled on them by payments not voided), from
 * idx_payment_allocations_chain alone: a void adds a reversal of each allocation of the payment, so an allocation
 * stands when no reversal names it.
 */
export function standingAllocations(
  snapshot: Snapshot,
  documentIds: readonly number[],
): { documentId: number; id: number; amount: number; at: string }[] {
  const rows = allIn<{ documentId: number; id: number; reversalOf: number | null; amount: number; at: string }>(
    snapshot,
    documentIds,
    (ids) =>
      `SELECT document_id AS documentId, id, reversal_of AS reversalOf, amount, at FROM payment_allocations
       WHERE document_id IN (${ids})`,
  );
  const reversed = new Set(rows.flatMap((r) => (r.reversalOf === null ? [] : [r.reversalOf])));
  return rows.filter((r) => r.reversalOf === null && !reversed.has(r.id));
}

/** Client credit spent on the given proformas (by document: the index on kind would read every credit ever spent). */
export function creditSpent(
  snapshot: Snapshot,
  documentIds: readonly number[],
): { documentId: number; id: number; amount: number; at: string }[] {
  return allIn<{ documentId: number; id: number; amount: number; at: string; kind: string }>(
    snapshot,
    documentIds,
    (ids) =>
      `SELECT document_id AS documentId, id, -amount AS amount, at, kind FROM client_credits WHERE document_id IN (${ids})`,
  ).filter((c) => c.kind === 'applied');
}

/** Of the given proformas, those on which a payment was ever voided or client credit spent. */
export function irregularDocuments(snapshot: Snapshot, documentIds: readonly number[]): number[] {
  const voided = allIn<{ id: number }>(
    snapshot,
    documentIds,
    (ids) =>
      `SELECT DISTINCT document_id AS id FROM payment_allocations
       WHERE document_id IN (${ids}) AND reversal_of IS NOT NULL`,
  );
  return [...new Set([...voided.map((r) => r.id), ...creditSpent(snapshot, documentIds).map((c) => c.documentId)])];
}
