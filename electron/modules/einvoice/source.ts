import type { EntityManager } from 'typeorm';
import type { InvoicePaymentDto } from '../../../shared/api/documents';
import type { DocumentRow } from '../../db/entities';
import { statement } from '../../db/rows';
import { AppError } from '../../errors';
import { findDocument, linesOf, totalsOf } from '../documents/repository';
import { buyerOf, frozenBuyer, frozenSeller, liveSeller } from '../documents/snapshot';
import { einvoiceSettings } from './settings';
import type { UblDocument } from './ubl-document';

/**
 * Dirhams per unit of a foreign-currency document, in millionths: the rates typed at the counter when its proforma was
 * paid in dirhams (weighted by amount), else the counter rate of that currency nearest its issue date, else the
 * reference rate of the e-invoicing settings.
 * A credit note takes its invoice's rate, so that it mirrors it in dirhams too.
 */
function madRate(em: EntityManager, invoice: DocumentRow): UblDocument['mad'] {
  if (invoice.currency === 'MAD') return null;
  const own = statement(
    em,
    `SELECT SUM(a."payment_amount") AS mad, SUM(a."amount") AS foreign_amount
       FROM "payment_allocations" a JOIN "payments" p ON p."id" = a."payment_id"
      WHERE a."document_id" = ? AND a."reversal_of" IS NULL AND a."rate" IS NOT NULL AND p."currency" = 'MAD'
        AND p."status" = 'recorded'`,
  ).get(invoice.sourceId ?? -1) as { mad: number | null; foreign_amount: number | null } | undefined;
  if (own?.mad && own.foreign_amount) {
    return { rate: Math.round((own.mad * 1_000_000) / own.foreign_amount), source: 'counter' };
  }
  // The counter rate nearest in time: the last one on or before the issue date, or the first one after it.
  const nearest = (comparison: '<=' | '>', order: 'DESC' | 'ASC') =>
    statement(
      em,
      `SELECT a."rate" AS rate, p."paid_on" AS day FROM "payment_allocations" a
         JOIN "payments" p ON p."id" = a."payment_id" JOIN "documents" d ON d."id" = a."document_id"
        WHERE d."currency" = ? AND p."currency" = 'MAD' AND a."rate" IS NOT NULL AND a."reversal_of" IS NULL
          AND p."paid_on" ${comparison} ?
        ORDER BY p."paid_on" ${order}, a."id" ${order} LIMIT 1`,
    ).get(invoice.currency, invoice.issueDate) as { rate: number; day: string } | undefined;
  const before = nearest('<=', 'DESC');
  const after = nearest('>', 'ASC');
  const days = (day: string) => Math.abs(Date.parse(day) - Date.parse(invoice.issueDate ?? day));
  const chosen = before && after ? (days(before.day) <= days(after.day) ? before : after) : (before ?? after);
  if (chosen) return { rate: chosen.rate, source: 'counter' };
  const reference = einvoiceSettings(em).referenceRates[invoice.currency];
  return reference ? { rate: reference, source: 'reference' } : null;
}

/** The UBL view of an issued invoice or credit note, from what was stored and frozen at issue. */
export async function ublDocumentOf(em: EntityManager, row: DocumentRow): Promise<UblDocument> {
  if ((row.type !== 'invoice' && row.type !== 'credit_note') || !row.number || !row.issueDate) {
    throw new AppError('CONFLICT', 'Seuls les factures et avoirs émis ont un fichier UBL.');
  }
  const lines = await linesOf(em, row.id);
  const source = row.type === 'credit_note' && row.sourceId ? await findDocument(em, row.sourceId) : null;
  return {
    type: row.type,
    number: row.number,
    issueDate: row.issueDate,
    currency: row.currency,
    seller: frozenSeller(row) ?? (await liveSeller(em)).seller,
    buyer: frozenBuyer(row) ?? (await buyerOf(em, row.clientId)),
    // The stored lines as they are: UblLine is the part of a line row the file shows.
    lines,
    totals: totalsOf(row, lines),
    payments: JSON.parse(row.payments) as InvoicePaymentDto[],
    corrects: source?.number && source.issueDate ? { number: source.number, issueDate: source.issueDate } : null,
    reason: row.reason,
    creditMode: row.creditMode,
    pdfSha256: row.pdfSha256,
    mad: madRate(em, source ?? row),
  };
}

/** The ids of the invoices and credit notes issued in a period, in number order (cancelled ones too: they were issued). */
export function issuedBetween(em: EntityManager, from: string, to: string): number[] {
  const rows = statement(
    em,
    `SELECT "id" FROM "documents" WHERE "type" IN ('invoice', 'credit_note') AND "number" IS NOT NULL
        AND "issue_date" >= ? AND "issue_date" <= ? ORDER BY "type", "series_year", "seq"`,
  ).all(from, to) as { id: number }[];
  return rows.map((r) => r.id);
}
