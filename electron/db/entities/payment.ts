import { EntitySchema } from 'typeorm';
import type { Currency } from '../../../shared/money';
import type { PaymentMethod } from '../../../shared/payment-methods';

/** Money received (or paid back): never deleted; a void keeps the row and records why, when and who. */
export interface PaymentRow {
  id: number;
  /** The receipt number, "RE-2026-000123", from the receipt series of its year. */
  number: string;
  seriesYear: number;
  seq: number;
  direction: 'in' | 'out';
  clientId: number;
  /** What went to the client's account, in centimes of `currency`. */
  amount: number;
  stampDuty: number;
  /** Cash rounded to what coins can pay (−5…+4 centimes): collected = amount + stampDuty + cashRounding. */
  cashRounding: number;
  currency: Currency;
  method: PaymentMethod;
  /** JSON: the method's own reference fields. */
  details: string;
  paidOn: string;
  receivedAt: string;
  userId: number | null;
  staff: string | null;
  cashSessionId: number | null;
  idempotencyKey: string;
  /** SHA-256 of the request, so that a key reused for another payment is refused. */
  payloadHash: string;
  /** Left on the client's account as credit. */
  credit: number;
  status: 'recorded' | 'voided';
  voidReason: string;
  voidedAt: string | null;
  voidedBy: string | null;
  approvedBy: string | null;
  approvalReason: string;
  note: string;
  /** A refund: the credit note it pays back, if any. */
  creditNoteId: number | null;
  /** How many times the receipt was printed: the first is the original, every later one a DUPLICATA. */
  printCount: number;
}

export const PaymentEntity = new EntitySchema<PaymentRow>({
  name: 'Payment',
  tableName: 'payments',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    number: { type: 'varchar', length: 30 },
    seriesYear: { name: 'series_year', type: 'integer' },
    seq: { type: 'integer' },
    direction: { type: 'varchar', length: 3 },
    clientId: { name: 'client_id', type: 'integer' },
    amount: { type: 'integer' },
    stampDuty: { name: 'stamp_duty', type: 'integer', default: 0 },
    cashRounding: { name: 'cash_rounding', type: 'integer', default: 0 },
    currency: { type: 'varchar', length: 3 },
    method: { type: 'varchar', length: 10 },
    details: { type: 'text', default: '{}' },
    paidOn: { name: 'paid_on', type: 'varchar', length: 10 },
    receivedAt: { name: 'received_at', type: 'varchar', length: 30 },
    userId: { name: 'user_id', type: 'integer', nullable: true },
    staff: { type: 'varchar', length: 32, nullable: true },
    cashSessionId: { name: 'cash_session_id', type: 'integer', nullable: true },
    idempotencyKey: { name: 'idempotency_key', type: 'varchar', length: 64 },
    payloadHash: { name: 'payload_hash', type: 'varchar', length: 64 },
    credit: { type: 'integer', default: 0 },
    status: { type: 'varchar', length: 10 },
    voidReason: { name: 'void_reason', type: 'text', default: '' },
    voidedAt: { name: 'voided_at', type: 'varchar', length: 30, nullable: true },
    voidedBy: { name: 'voided_by', type: 'varchar', length: 32, nullable: true },
    approvedBy: { name: 'approved_by', type: 'varchar', length: 32, nullable: true },
    approvalReason: { name: 'approval_reason', type: 'text', default: '' },
    note: { type: 'text', default: '' },
    creditNoteId: { name: 'credit_note_id', type: 'integer', nullable: true },
    printCount: { name: 'print_count', type: 'integer', default: 0 },
  },
  foreignKeys: [
    {
      name: 'fk_payments_credit_note',
      columnNames: ['creditNoteId'],
      target: 'Document',
      referencedColumnNames: ['id'],
    },
    { name: 'fk_payments_client', columnNames: ['clientId'], target: 'Client', referencedColumnNames: ['id'] },
    {
      name: 'fk_payments_cash_session',
      columnNames: ['cashSessionId'],
      target: 'CashSession',
      referencedColumnNames: ['id'],
    },
  ],
  uniques: [
    { name: 'uq_payments_number', columns: ['number'] },
    { name: 'uq_payments_series', columns: ['seriesYear', 'seq'] },
    { name: 'uq_payments_idempotency', columns: ['idempotencyKey'] },
  ],
  indices: [
    { name: 'idx_payments_client', columns: ['clientId', 'id'] },
    { name: 'idx_payments_paid_on', columns: ['paidOn'] },
    { name: 'idx_payments_session', columns: ['cashSessionId'] },
    { name: 'idx_payments_credit_note', columns: ['creditNoteId'] },
    // Migration 0010: the monthly report reads a month of payments from this index alone.
    {
      name: 'idx_payments_report',
      // Migration 0013 adds the cash rounding, so the report still reads the month from the index alone.
      columns: [
        'paidOn',
        'status',
        'direction',
        'method',
        'currency',
        'staff',
        'amount',
        'stampDuty',
        'creditNoteId',
        'cashRounding',
      ],
    },
  ],
});

/** Append-only: a void adds the opposite rows, it never edits the first ones. */
export interface PaymentAllocationRow {
  id: number;
  paymentId: number;
  documentId: number;
  /** Centimes of the proforma's currency; negative for a reversal. */
  amount: number;
  /** Millionths of payment currency per unit of the proforma's, when they differ. */
  rate: number | null;
  /** Centimes of the payment's currency. */
  paymentAmount: number;
  balanceAfter: number;
  /** The invoice this allocation completed its proforma into, if it did. */
  invoiceId: number | null;
  reversalOf: number | null;
  at: string;
}

export const PaymentAllocationEntity = new EntitySchema<PaymentAllocationRow>({
  name: 'PaymentAllocation',
  tableName: 'payment_allocations',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    paymentId: { name: 'payment_id', type: 'integer' },
    documentId: { name: 'document_id', type: 'integer' },
    amount: { type: 'integer' },
    rate: { type: 'integer', nullable: true },
    paymentAmount: { name: 'payment_amount', type: 'integer' },
    balanceAfter: { name: 'balance_after', type: 'integer' },
    invoiceId: { name: 'invoice_id', type: 'integer', nullable: true },
    reversalOf: { name: 'reversal_of', type: 'integer', nullable: true },
    at: { type: 'varchar', length: 30 },
  },
  foreignKeys: [
    {
      name: 'fk_payment_allocations_payment',
      columnNames: ['paymentId'],
      target: 'Payment',
      referencedColumnNames: ['id'],
    },
    {
      name: 'fk_payment_allocations_document',
      columnNames: ['documentId'],
      target: 'Document',
      referencedColumnNames: ['id'],
    },
  ],
  indices: [
    { name: 'idx_payment_allocations_payment', columns: ['paymentId'] },
    { name: 'idx_payment_allocations_document', columns: ['documentId'] },
    // Migration 0010: the report's VAT on receipts, from the index alone.
    {
      name: 'idx_payment_allocations_report',
      columns: ['paymentId', 'reversalOf', 'documentId', 'amount', 'paymentAmount', 'rate', 'balanceAfter'],
    },
    {
      name: 'idx_payment_allocations_chain',
      columns: ['documentId', 'reversalOf', 'paymentId', 'amount', 'paymentAmount', 'rate', 'at', 'balanceAfter'],
    },
  ],
});

/** One drawer's day: opened with a float, counted at the close, validated by a manager. */
export interface CashSessionRow {
  id: number;
  desk: string;
  status: 'open' | 'closed' | 'validated';
  openedAt: string;
  openedBy: string | null;
  float: number;
  closedAt: string | null;
  closedBy: string | null;
  /** JSON { "20000": 3, … }: notes and coins counted, by value in centimes. */
  count: string;
  counted: number;
  expected: number;
  difference: number;
  closeNote: string;
  validatedAt: string | null;
  validatedBy: string | null;
}

export const CashSessionEntity = new EntitySchema<CashSessionRow>({
  name: 'CashSession',
  tableName: 'cash_sessions',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    desk: { type: 'varchar', length: 40 },
    status: { type: 'varchar', length: 10 },
    openedAt: { name: 'opened_at', type: 'varchar', length: 30 },
    openedBy: { name: 'opened_by', type: 'varchar', length: 32, nullable: true },
    float: { type: 'integer' },
    closedAt: { name: 'closed_at', type: 'varchar', length: 30, nullable: true },
    closedBy: { name: 'closed_by', type: 'varchar', length: 32, nullable: true },
    count: { type: 'text', default: '{}' },
    counted: { type: 'integer', default: 0 },
    expected: { type: 'integer', default: 0 },
    difference: { type: 'integer', default: 0 },
    closeNote: { name: 'close_note', type: 'text', default: '' },
    validatedAt: { name: 'validated_at', type: 'varchar', length: 30, nullable: true },
    validatedBy: { name: 'validated_by', type: 'varchar', length: 32, nullable: true },
  },
  indices: [
    // One open session per desk, kept by the database itself.
    { name: 'uq_cash_sessions_open_desk', columns: ['desk'], unique: true, where: "status = 'open'" },
    { name: 'idx_cash_sessions_opened', columns: ['openedAt'] },
  ],
});

/** Append-only: every amount of cash that entered or left a drawer. */
export interface CashMovementRow {
  id: number;
  sessionId: number;
  /** payment, refund, void, out (e.g. a bank deposit), in. */
  kind: string;
  /** Signed centimes of dirhams. */
  amount: number;
  reason: string;
  paymentId: number | null;
  at: string;
  username: string | null;
}

export const CashMovementEntity = new EntitySchema<CashMovementRow>({
  name: 'CashMovement',
  tableName: 'cash_movements',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    sessionId: { name: 'session_id', type: 'integer' },
    kind: { type: 'varchar', length: 10 },
    amount: { type: 'integer' },
    reason: { type: 'text', default: '' },
    paymentId: { name: 'payment_id', type: 'integer', nullable: true },
    at: { type: 'varchar', length: 30 },
    username: { type: 'varchar', length: 32, nullable: true },
  },
  foreignKeys: [
    {
      name: 'fk_cash_movements_session',
      columnNames: ['sessionId'],
      target: 'CashSession',
      referencedColumnNames: ['id'],
    },
    { name: 'fk_cash_movements_payment', columnNames: ['paymentId'], target: 'Payment', referencedColumnNames: ['id'] },
  ],
  indices: [
    { name: 'idx_cash_movements_session', columns: ['sessionId'] },
    // Migration 0010: a session's cash in and out for the monthly report.
    { name: 'idx_cash_movements_amount', columns: ['sessionId', 'amount'] },
  ],
});
