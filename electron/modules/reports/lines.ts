import type { ReportDocumentLine, ReportPaymentLine } from '../../../shared/api/reports';
import { CLIENT_COLUMNS, clientNameOf, type ClientColumns } from './clients';
import type { ReportPeriod } from '../../../shared/report-period';
import { parseBreakdown, type PeriodDocument, type PeriodPayment } from './load';
import type { PaymentValue } from './payments';
import { allIn, type Snapshot } from './snapshot';

type PaymentExtra = ClientColumns & { id: number; number: string; clientId: number; cashSessionId: number | null };
const PAYMENT_EXTRA = `p.id, p.number, p.client_id AS clientId, p.cash_session_id AS cashSessionId, ${CLIENT_COLUMNS}
         FROM payments p JOIN clients c ON c.id = p.client_id`;

/** The standing payments behind a figure (a page of them), with their receipt number and client, by date. */
export function paymentLines(
  snapshot: Snapshot,
  payments: readonly PeriodPayment[],
  values: ReadonlyMap<number, PaymentValue>,
): ReportPaymentLine[] {
  const rows = allIn<PaymentExtra>(
    snapshot,
    payments.map((p) => p.id),
    (ids) => `SELECT ${PAYMENT_EXTRA} WHERE p.id IN (${ids})`,
  );
  return toLines(payments, values, new Map(rows.map((r) => [r.id, r])));
}

/** Texts in code-point order (receipt and document numbers): a locale's collation is not wanted, and slow. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function toLines(
  payments: readonly PeriodPayment[],
  values: ReadonlyMap<number, PaymentValue>,
  extra: ReadonlyMap<number, PaymentExtra>,
): ReportPaymentLine[] {
  return payments
    .flatMap((p): ReportPaymentLine[] => {
      const row = extra.get(p.id);
      const value = values.get(p.id);
      if (!row || !value) return [];
      return [
        {
          id: p.id,
          number: row.number,
          paidOn: p.paidOn,
          direction: p.direction,
          clientId: row.clientId,
          clientCode: row.clientCode,
          clientName: clientNameOf(row),
          method: p.method,
          currency: p.currency,
          amount: p.amount,
          stampDuty: p.stampDuty,
          mad: value.unconverted === 0 ? value.mad : null,
          staff: p.staff,
          cashSessionId: row.cashSessionId,
        },
      ];
    })
    .sort((a, b) => byText(a.paidOn, b.paidOn) || byText(a.number, b.number));
}

/**
 * The journal of the period's standing payments for the exports, in one pass over its dates: dirhams are worth what
 * they say, a foreign payment what `foreignValues` (the report's own) says.
 */
export function journalLines(
  snapshot: Snapshot,
  period: ReportPeriod,
  foreignValues: ReadonlyMap<number, PaymentValue>,
): ReportPaymentLine[] {
  const rows = snapshot.all<PaymentExtra & PeriodPayment>(
    `SELECT p.paid_on AS paidOn, p.status, p.direction, p.method, p.currency, COALESCE(p.staff, '') AS staff, p.amount,
       p.stamp_duty AS stampDuty, p.cash_rounding AS cashRounding, p.credit_note_id AS creditNoteId, ${PAYMENT_EXTRA}
     WHERE p.paid_on >= ? AND p.paid_on <= ? AND p.status = 'recorded'`,
    [period.from, period.to],
  );
  const values = new Map<number, PaymentValue>(foreignValues);
  for (const r of rows) if (r.currency === 'MAD') values.set(r.id, { mad: r.amount, unconverted: 0 });
  return toLines(rows, values, new Map(rows.map((r) => [r.id, r])));
}

/** The invoices and credit notes behind a figure, as issued: the buyer's name and ICE frozen on them. */
export function documentLines(snapshot: Snapshot, documents: readonly PeriodDocument[]): ReportDocumentLine[] {
  const extra = new Map(
    allIn<
      ClientColumns & { id: number; number: string; clientId: number; buyer: string | null; source: string | null }
    >(
      snapshot,
      documents.map((d) => d.id),
      (ids) =>
        `SELECT d.id, d.number, d.client_id AS clientId, d.buyer, src.number AS source, ${CLIENT_COLUMNS}
         FROM documents d JOIN clients c ON c.id = d.client_id LEFT JOIN documents src ON src.id = d.source_id
         WHERE d.id IN (${ids})`,
    ).map((r) => [r.id, r]),
  );
  return documents
    .flatMap((d): ReportDocumentLine[] => {
      const row = extra.get(d.id);
      if (!row) return [];
      const buyer = row.buyer ? (JSON.parse(row.buyer) as { name?: string; ice?: string }) : {};
      return [
        {
          id: d.id,
          type: d.type,
          number: row.number,
          issueDate: d.issueDate,
          status: d.status,
          clientId: row.clientId,
          clientCode: row.clientCode,
          clientName: buyer.name ?? clientNameOf(row),
          clientIce: buyer.ice ?? '',
          currency: d.currency,
          ht: d.ht,
          vat: d.vat,
          ttc: d.ttc,
          byRate: parseBreakdown(d.vatBreakdown),
          source: row.source,
          creditMode: d.creditMode,
        },
      ];
    })
    .sort((a, b) => (a.type === b.type ? byText(a.number, b.number) : a.type === 'invoice' ? -1 : 1));
}
