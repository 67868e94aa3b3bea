import type BetterSqlite3 from 'better-sqlite3';
import type { DocumentStatus, DocumentType } from '../../../shared/api/documents';
import { formatDocumentNumber } from '../../../shared/document-numbers';
import type { ServiceStatus } from '../../../shared/service-state';
import type { Line } from './lines';

/** Who did everything in the office's history: the one account of the large office. */
export const STAFF = { id: 1, username: 'bench' } as const;

export interface DocumentValues {
  type: DocumentType;
  status: DocumentStatus;
  clientId: number;
  currency: string;
  issueDate: string;
  dueDate: string | null;
  sourceId: number | null;
  ht: number;
  totalVat: number;
  ttc: number;
  vatBreakdown: string;
  paid: number;
  reason: string;
  creditMode: string | null;
  payments: string;
  seller: string;
  buyer: string;
  issuedAt: string;
  cancelledAt: string | null;
  cancelReason: string;
  updatedAt: string;
}

export interface PaymentValues {
  year: number;
  clientId: number;
  amount: number;
  stampDuty: number;
  currency: string;
  method: string;
  details: string;
  paidOn: string;
  receivedAt: string;
  sessionId: number | null;
  credit: number;
}

export interface SessionValues {
  desk: string;
  status: 'open' | 'validated';
  openedAt: string;
  float: number;
  closedAt: string | null;
  count: string;
  counted: number;
  expected: number;
  difference: number;
  closeNote: string;
  validatedAt: string | null;
}

/**
 * The raw prepared statements of the billing stage, and the numbering: each series (proforma, invoice, credit note,
 * receipt) counted per year in memory as rows are written in time order, the counters table written once at the end.
 */
export class Writer {
  readonly rows: Record<string, number> = {};
  private readonly seqs = new Map<string, number>();
  private readonly s;

  constructor(
    private readonly db: BetterSqlite3.Database,
    private readonly prefixes: Record<DocumentType | 'receipt', string>,
  ) {
    this.s = {
      document: db.prepare(
        `INSERT INTO documents (type, number, series_year, seq, status, client_id, currency, issue_date, due_date,
           source_id, ht, total_vat, ttc, vat_breakdown, paid, reason, credit_mode, payments, notes, seller, buyer,
           pdf_sha256, print_count, issued_at, issued_by, cancelled_at, cancelled_by, cancel_reason, created_at,
           created_by, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, NULL, 0, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      line: db.prepare(
        `INSERT INTO document_lines (document_id, position, kind, service_id, product_id, description, quantity,
           unit_price, vat_rate, amount_ht, period_from, period_to, months, credited_quantity, source_line_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      payment: db.prepare(
        `INSERT INTO payments (number, series_year, seq, direction, client_id, amount, stamp_duty, currency, method,
           details, paid_on, received_at, user_id, staff, cash_session_id, idempotency_key, payload_hash, credit,
           status, void_reason, voided_at, voided_by, approved_by, approval_reason, note)
         VALUES (?, ?, ?, 'in', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'recorded', '', NULL, NULL, NULL, '', '')`,
      ),
      allocation: db.prepare(
        `INSERT INTO payment_allocations (payment_id, document_id, amount, rate, payment_amount, balance_after,
           invoice_id, reversal_of, at)
         VALUES (?, ?, ?, NULL, ?, ?, ?, NULL, ?)`,
      ),
      credit: db.prepare(
        `INSERT INTO client_credits (client_id, currency, amount, kind, document_id, at, username)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      session: db.prepare(
        `INSERT INTO cash_sessions (desk, status, opened_at, opened_by, float, closed_at, closed_by, count, counted,
           expected, difference, close_note, validated_at, validated_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      movement: db.prepare(
        `INSERT INTO cash_movements (session_id, kind, amount, reason, payment_id, at, username)
         VALUES (?, 'payment', ?, '', ?, ?, ?)`,
      ),
      event: db.prepare(
        `INSERT INTO service_events (service_id, at, user_id, username, kind, from_status, to_status, details)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
  }

  private count(table: string, n = 1): void {
    this.rows[table] = (this.rows[table] ?? 0) + n;
  }

  /** The next number of a series in a year: rows are written in time order, so numbers follow dates. */
  next(series: DocumentType | 'receipt', year: number): { number: string; seq: number } {
    const key = `${series}:${year}`;
    const seq = (this.seqs.get(key) ?? 0) + 1;
    this.seqs.set(key, seq);
    return { number: formatDocumentNumber(this.prefixes[series], year, seq), seq };
  }

  document(v: DocumentValues): { id: number; number: string } {
    const year = Number(v.issueDate.slice(0, 4));
    const { number, seq } = this.next(v.type, year);
    const { lastInsertRowid } = this.s.document.run(
      v.type,
      number,
      year,
      seq,
      v.status,
      v.clientId,
      v.currency,
      v.issueDate,
      v.dueDate,
      v.sourceId,
      v.ht,
      v.totalVat,
      v.ttc,
      v.vatBreakdown,
      v.paid,
      v.reason,
      v.creditMode,
      v.payments,
      v.seller,
      v.buyer,
      v.issuedAt,
      STAFF.username,
      v.cancelledAt,
      v.cancelledAt === null ? null : STAFF.username,
      v.cancelReason,
      v.issuedAt,
      STAFF.username,
      v.updatedAt,
    );
    this.count('documents');
    this.count(`documents.${v.type}`);
    return { id: Number(lastInsertRowid), number };
  }

  /** Writes the lines of a document; returns their ids. */
  lines(documentId: number, lines: readonly Line[], credited: (line: Line, i: number) => number, source?: number[]) {
    return lines.map((l, i) => {
      const { lastInsertRowid } = this.s.line.run(
        documentId,
        i + 1,
        l.kind,
        l.serviceId,
        l.productId,
        l.description,
        l.quantity,
        l.unitPrice,
        l.vatRate,
        l.amountHt,
        l.periodFrom,
        l.periodTo,
        l.months,
        credited(l, i),
        source?.[i] ?? null,
      );
      this.count('document_lines');
      return Number(lastInsertRowid);
    });
  }

  payment(v: PaymentValues, payloadHash: (key: string) => string): { id: number; number: string } {
    const { number, seq } = this.next('receipt', v.year);
    const key = `gen-${v.year}-${String(seq).padStart(7, '0')}`;
    const { lastInsertRowid } = this.s.payment.run(
      number,
      v.year,
      seq,
      v.clientId,
      v.amount,
      v.stampDuty,
      v.currency,
      v.method,
      v.details,
      v.paidOn,
      v.receivedAt,
      STAFF.id,
      STAFF.username,
      v.sessionId,
      key,
      payloadHash(key),
      v.credit,
    );
    this.count('payments');
    this.count(`payments.${v.method}`);
    return { id: Number(lastInsertRowid), number };
  }

  allocation(
    paymentId: number,
    documentId: number,
    amount: number,
    balanceAfter: number,
    invoiceId: number | null,
    at: string,
  ) {
    this.s.allocation.run(paymentId, documentId, amount, amount, balanceAfter, invoiceId, at);
    this.count('payment_allocations');
  }

  credit(clientId: number, currency: string, amount: number, kind: string, documentId: number | null, at: string) {
    this.s.credit.run(clientId, currency, amount, kind, documentId, at, STAFF.username);
    this.count('client_credits');
  }

  session(v: SessionValues): number {
    const { lastInsertRowid } = this.s.session.run(
      v.desk,
      v.status,
      v.openedAt,
      STAFF.username,
      v.float,
      v.closedAt,
      v.closedAt === null ? null : STAFF.username,
      v.count,
      v.counted,
      v.expected,
      v.difference,
      v.closeNote,
      v.validatedAt,
      v.validatedAt === null ? null : STAFF.username,
    );
    this.count('cash_sessions');
    return Number(lastInsertRowid);
  }

  movement(sessionId: number, amount: number, paymentId: number, at: string): void {
    this.s.movement.run(sessionId, amount, paymentId, at, STAFF.username);
    this.count('cash_movements');
  }

  event(
    serviceId: number,
    at: string,
    kind: string,
    from: ServiceStatus | null,
    to: ServiceStatus | null,
    details: Record<string, unknown>,
  ) {
    this.s.event.run(serviceId, at, STAFF.id, STAFF.username, kind, from, to, JSON.stringify(details));
    this.count('service_events');
  }

  /** Each counter ends on the last number of its series and year, as the app's nextNumber would have left it. */
  counters(): void {
    const insert = this.db.prepare('INSERT INTO counters (series, year, last) VALUES (?, ?, ?)');
    for (const [key, last] of this.seqs) {
      const [series = '', year = ''] = key.split(':');
      insert.run(series, Number(year), last);
      this.count('counters');
    }
  }
}
