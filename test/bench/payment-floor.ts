import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { PaymentDetails } from '../../shared/api/payments';
import { formatDocumentNumber } from '../../shared/document-numbers';
import { addMonths } from '../../shared/periods';
import { DEFAULT_STAMP_DUTY, stampDuty } from '../../shared/stamp-duty';
import { invoicePaymentLine } from '../../electron/modules/payments/ledger';

/** What the floor needs to know of a proforma, read before the timing starts (the app reads it inside its call). */
export interface FloorCase {
  proformaId: number;
  proformaNumber: string;
  clientId: number;
  clientCode: string;
  ttc: number;
  ht: number;
  totalVat: number;
  vatBreakdown: string;
  seller: string;
  buyer: string;
  lines: Record<string, string | number | null>[];
  service: { id: number; anchorDate: string; paidMonths: number; status: string; months: number };
  details: PaymentDetails;
  sessionId: number | null;
  idempotencyKey: string;
}

interface ProformaRow {
  number: string;
  clientId: number;
  code: string;
  ttc: number;
  ht: number;
  totalVat: number;
  vatBreakdown: string;
  seller: string;
  buyer: string;
}

/** Reads a proforma issued by the app, its lines and its service: the inputs of one floor payment. */
export function floorCase(
  db: BetterSqlite3.Database,
  proformaId: number,
  payment: Pick<FloorCase, 'details' | 'sessionId' | 'idempotencyKey'>,
): FloorCase {
  const row = db
    .prepare<[number], ProformaRow>(
      `SELECT d.number, d.client_id AS clientId, c.code, d.ttc, d.ht, d.total_vat AS totalVat,
         d.vat_breakdown AS vatBreakdown, d.seller, d.buyer
       FROM documents d JOIN clients c ON c.id = d.client_id WHERE d.id = ?`,
    )
    .get(proformaId);
  const lines = db
    .prepare<[number], Record<string, string | number | null>>(
      'SELECT * FROM document_lines WHERE document_id = ? ORDER BY position',
    )
    .all(proformaId);
  const serviceLine = lines.find((l) => l.kind === 'service');
  const service = db
    .prepare<[unknown], { id: number; anchorDate: string; paidMonths: number; status: string }>(
      'SELECT id, anchor_date AS anchorDate, paid_months AS paidMonths, status FROM services WHERE id = ?',
    )
    .get(serviceLine?.service_id);
  if (!row || !service || !serviceLine) throw new Error(`Proforma ${proformaId} has no service line`);
  return {
    ...payment,
    proformaId,
    proformaNumber: row.number,
    clientId: row.clientId,
    clientCode: row.code,
    ttc: row.ttc,
    ht: row.ht,
    totalVat: row.totalVat,
    vatBreakdown: row.vatBreakdown,
    seller: row.seller,
    buyer: row.buyer,
    lines,
    service: { ...service, months: Number(serviceLine.months) },
  };
}

/**
 * The floor of SPEC §10: the rows of one payment that completes a proforma — counters, payment, proforma, invoice and
 * its lines, service and its event, allocation, cash movement, two audit entries — written with raw prepared
 * statements in one transaction, on the same connection (synchronous=FULL), with nothing read or checked.
 */
export class PaymentFloor {
  private readonly s;
  readonly record: (c: FloorCase, now: Date, paidOn: string) => void;

  constructor(
    db: BetterSqlite3.Database,
    private readonly prefixes: { receipt: string; invoice: string },
    private readonly user: { id: number; username: string },
  ) {
    this.s = {
      bump: db.prepare<[string, number], { last: number }>(
        'UPDATE counters SET last = last + 1 WHERE series = ? AND year = ? RETURNING last',
      ),
      payment: db.prepare(
        `INSERT INTO payments (number, series_year, seq, direction, client_id, amount, stamp_duty, currency, method,
           details, paid_on, received_at, user_id, staff, cash_session_id, idempotency_key, payload_hash, credit, status,
           void_reason, approval_reason, note)
         VALUES (?, ?, ?, 'in', ?, ?, ?, 'MAD', ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 'recorded', '', '', '')`,
      ),
      paid: db.prepare("UPDATE documents SET status = 'paid', paid = ?, updated_at = ? WHERE id = ?"),
      invoice: db.prepare(
        `INSERT INTO documents (type, number, series_year, seq, status, client_id, currency, issue_date, due_date,
           source_id, ht, total_vat, ttc, vat_breakdown, paid, reason, credit_mode, payments, notes, seller, buyer,
           print_count, issued_at, issued_by, cancel_reason, created_at, created_by, updated_at)
         VALUES ('invoice', ?, ?, ?, 'issued', ?, 'MAD', ?, NULL, ?, ?, ?, ?, ?, ?, '', NULL, ?, '', ?, ?, 0, ?, ?, '', ?,
           ?, ?)`,
      ),
      line: db.prepare(
        `INSERT INTO document_lines (document_id, position, kind, service_id, product_id, description, quantity,
           unit_price, vat_rate, amount_ht, period_from, period_to, months, credited_quantity, source_line_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, NULL)`,
      ),
      service: db.prepare(
        `UPDATE services SET paid_months = ?, due_date = ?, status = 'active', suspension_reason = NULL, updated_at = ?
         WHERE id = ?`,
      ),
      event: db.prepare(
        `INSERT INTO service_events (service_id, at, user_id, username, kind, from_status, to_status, details)
         VALUES (?, ?, ?, ?, 'extension', ?, 'active', ?)`,
      ),
      audit: db.prepare(
        'INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, summary) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      allocation: db.prepare(
        `INSERT INTO payment_allocations (payment_id, document_id, amount, rate, payment_amount, balance_after,
           invoice_id, reversal_of, at)
         VALUES (?, ?, ?, NULL, ?, 0, ?, NULL, ?)`,
      ),
      movement: db.prepare(
        `INSERT INTO cash_movements (session_id, kind, amount, reason, payment_id, at, username)
         VALUES (?, 'payment', ?, '', ?, ?, ?)`,
      ),
    };
    this.record = db.transaction((c: FloorCase, now: Date, paidOn: string) => this.write(c, now, paidOn));
  }

  private bump(series: string, year: number): number {
    const row = this.s.bump.get(series, year);
    if (!row) throw new Error(`No counter ${series} ${year}`);
    return row.last;
  }

  private write(c: FloorCase, now: Date, paidOn: string): void {
    const { s, user } = this;
    const at = now.toISOString();
    const year = Number(paidOn.slice(0, 4));
    const method = c.details.method;
    const duty = stampDuty(c.ttc, method, DEFAULT_STAMP_DUTY);
    const details = JSON.stringify(c.details);
    const receipt = this.bump('receipt', year);
    const number = formatDocumentNumber(this.prefixes.receipt, year, receipt);
    const paymentId = Number(
      s.payment.run(
        number,
        year,
        receipt,
        c.clientId,
        c.ttc,
        duty,
        method,
        details,
        paidOn,
        at,
        user.id,
        user.username,
        c.sessionId,
        c.idempotencyKey,
        createHash('sha256').update(c.idempotencyKey).update(details).digest('hex'),
      ).lastInsertRowid,
    );
    s.paid.run(c.ttc, at, c.proformaId);
    const seq = this.bump('invoice', year);
    const invoiceNumber = formatDocumentNumber(this.prefixes.invoice, year, seq);
    const payments = JSON.stringify([invoicePaymentLine({ paidOn, method, number, details }, c.ttc)]);
    const invoiceId = Number(
      s.invoice.run(
        invoiceNumber,
        year,
        seq,
        c.clientId,
        paidOn,
        c.proformaId,
        c.ht,
        c.totalVat,
        c.ttc,
        c.vatBreakdown,
        c.ttc,
        payments,
        c.seller,
        c.buyer,
        at,
        user.username,
        at,
        user.username,
        at,
      ).lastInsertRowid,
    );
    for (const l of c.lines) {
      s.line.run(
        invoiceId,
        l.position,
        l.kind,
        l.service_id,
        l.product_id,
        l.description,
        l.quantity,
        l.unit_price,
        l.vat_rate,
        l.amount_ht,
        l.period_from,
        l.period_to,
        l.months,
      );
    }
    const { service } = c;
    const to = addMonths(service.anchorDate, service.paidMonths + service.months);
    s.service.run(service.paidMonths + service.months, to, at, service.id);
    const period = { from: addMonths(service.anchorDate, service.paidMonths), to, months: service.months };
    s.event.run(service.id, at, user.id, user.username, service.status, JSON.stringify(period));
    s.audit.run(
      at,
      user.id,
      user.username,
      'documents.invoice',
      'document',
      String(invoiceId),
      JSON.stringify({ number: invoiceNumber, proforma: c.proformaNumber, ttc: c.ttc, currency: 'MAD' }),
    );
    s.allocation.run(paymentId, c.proformaId, c.ttc, c.ttc, invoiceId, at);
    if (c.sessionId !== null) s.movement.run(c.sessionId, c.ttc + duty, paymentId, at, user.username);
    s.audit.run(
      at,
      user.id,
      user.username,
      'payments.record',
      'payment',
      String(paymentId),
      JSON.stringify({
        number,
        client: c.clientCode,
        amount: c.ttc,
        stampDuty: duty,
        currency: 'MAD',
        method,
        allocations: [{ document: c.proformaId, amount: c.ttc, rate: null }],
        credit: 0,
        invoices: [invoiceId],
      }),
    );
  }
}
