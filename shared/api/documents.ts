import { z } from 'zod';
import type { ProductKind } from '../catalog';
import { CURRENCIES, type Currency } from '../money';
import { isCalendarDate } from '../periods';
import type { Phase, ServiceStatus } from '../service-state';
import type { DocumentTotals } from '../totals';
import { periodProblem } from '../report-period';
import { optionalText, requiredText } from '../validation';
import { method } from './contract';
import { EINVOICE_STATES } from './einvoice';

export const DOCUMENT_TYPES = ['proforma', 'invoice', 'credit_note'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/**
 * Proforma: draft → issued → partially_paid → paid (then its invoice exists), or cancelled (a draft abandoned, or an
 * issued proforma with nothing paid). Invoice: issued → partially_credited → credited. Credit note: issued.
 */
export const DOCUMENT_STATUSES = [
  'draft',
  'issued',
  'partially_paid',
  'paid',
  'cancelled',
  'partially_credited',
  'credited',
] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/**
 * service: a renewal (or first period) of a client's service; late_fee: a domain's grace surcharge; item: free line;
 * outsourcing (quantities in thousandths of an hour): estimate, a mission's estimated hours; hours, time spent (a
 * mission's final hours, a month's hours beyond a contract's included ones); deposit, the estimate already paid,
 * deducted (negative) from a mission's final proforma.
 */
export const LINE_KINDS = ['service', 'late_fee', 'item', 'estimate', 'hours', 'deposit'] as const;
export type LineKind = (typeof LINE_KINDS)[number];

/** A credit note either leaves the money on the client's account or records that it is paid back. */
export const CREDIT_MODES = ['balance', 'refund'] as const;
export type CreditMode = (typeof CREDIT_MODES)[number];

export interface DocumentLineDto {
  id: number;
  position: number;
  kind: LineKind;
  serviceId: number | null;
  productId: number | null;
  description: string;
  /** Thousandths: 1000 = 1. */
  quantity: number;
  /** Centimes, excluding tax. */
  unitPrice: number;
  /** Basis points. */
  vatRate: number;
  /** Centimes: round(quantity × unit price), the one rounding rule. */
  amountHt: number;
  periodFrom: string | null;
  periodTo: string | null;
  /** Months the service is extended by when the proforma is paid (0 for other lines). */
  months: number;
  /** Invoices: thousandths of this line already cancelled by credit notes. */
  creditedQuantity: number;
}

/** A payment as printed on its invoice (method and reference, CGI art. 145). */
export interface InvoicePaymentDto {
  date: string;
  method: string;
  reference: string;
  amount: number;
}

export interface RelatedDocumentDto {
  id: number;
  type: DocumentType;
  number: string | null;
  status: DocumentStatus;
  ttc: number;
}

export interface DocumentDto {
  id: number;
  type: DocumentType;
  /** Null while a draft: numbers are given when the document is issued. */
  number: string | null;
  status: DocumentStatus;
  clientId: number;
  clientCode: string;
  clientName: string;
  currency: Currency;
  issueDate: string | null;
  dueDate: string | null;
  lines: DocumentLineDto[];
  totals: DocumentTotals;
  /** Proformas: centimes received so far. */
  paid: number;
  /** Credit notes: why, and what becomes of the money. */
  reason: string;
  creditMode: CreditMode | null;
  payments: InvoicePaymentDto[];
  notes: string;
  /** The proforma an invoice settles; the invoice a credit note cancels. */
  source: RelatedDocumentDto | null;
  /** The invoice of a paid proforma; the credit notes of an invoice. */
  derived: RelatedDocumentDto[];
  /** SHA-256 (hex) of the original PDF, kept from its first rendering after issue (Law 53-05). */
  pdfSha256: string | null;
  printCount: number;
  issuedAt: string | null;
  issuedBy: string | null;
  cancelledAt: string | null;
  cancelReason: string;
  createdAt: string;
  createdBy: string | null;
}

export interface DocumentSummaryDto {
  id: number;
  type: DocumentType;
  number: string | null;
  status: DocumentStatus;
  clientId: number;
  clientCode: string;
  clientName: string;
  currency: Currency;
  issueDate: string | null;
  dueDate: string | null;
  ttc: number;
  paid: number;
  createdAt: string;
}

export interface DocumentPage {
  rows: DocumentSummaryDto[];
  total: number;
}

/** A service of the client that can go on a proforma, priced from the catalogue for one period. */
export interface RenewalOptionDto {
  serviceId: number;
  label: string;
  productName: string;
  kind: ProductKind;
  status: ServiceStatus;
  phase: Phase;
  expiry: string | null;
  currency: Currency;
  /** Months bought by one period (12 for a domain year). */
  periodMonths: number;
  /** Centimes HT for one period, or null when the catalogue has no price for this cycle and currency. */
  unitPrice: number | null;
  vatRate: number;
  /** Domains in grace: the TLD's late-renewal fee HT (0 otherwise). */
  lateFee: number;
  /** The period that one renewal would pay. */
  periodFrom: string;
  periodTo: string;
  /** Whether the service is due now (renewal window, overdue, grace, or never paid). */
  due: boolean;
  /** An open proforma that already renews it, if any: the service cannot be put on a second one. */
  openProforma: { id: number; number: string | null } | null;
}

export interface PdfFileDto {
  fileName: string;
  /** The PDF, base64. */
  pdf: string;
  /** original: the first print of an issued document; duplicate: every print after it; draft: not a document yet. */
  copy: 'original' | 'duplicate' | 'draft';
  sha256: string;
}

export interface ClientBalanceDto {
  currency: Currency;
  /** Centimes the client may use on a later proforma. */
  amount: number;
}

const id = z.number().int().positive();
const calendarDate = z.string().refine(isCalendarDate, 'Date attendue au format AAAA-MM-JJ.');

/** A client's statement: documents and payments of a period (at most a year), opening and closing balance. */
export const statementInputSchema = z
  .object({ clientId: id, from: calendarDate, to: calendarDate, currency: z.enum(CURRENCIES).default('MAD') })
  .strict()
  .superRefine((value, ctx) => {
    const problem = isCalendarDate(value.from) && isCalendarDate(value.to) ? periodProblem(value) : null;
    if (problem) ctx.addIssue({ code: 'custom', path: ['to'], message: problem });
  });
export type StatementInput = z.input<typeof statementInputSchema>;
/** Thousandths of a unit, up to one million units. */
const quantity = z
  .number()
  .int('Au plus trois décimales.')
  .min(1, 'La quantité doit être positive.')
  .max(1_000_000_000, 'Quantité trop grande.');
/** Centimes HT, up to ten million dirhams a unit. */
const unitPrice = z
  .number()
  .int('Montant en centimes entier attendu.')
  .min(0, 'Le prix ne peut être négatif.')
  .max(1_000_000_000, 'Prix trop élevé.');

export const draftLineSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('service'),
      serviceId: id,
      /** Periods bought at once (domain years, months, quarters…). */
      periods: z.number().int().min(1).max(10).default(1),
    })
    .strict(),
  z
    .object({
      kind: z.literal('item'),
      productId: id.nullable().default(null),
      description: requiredText(300),
      quantity,
      unitPrice,
      vatRate: z.number().int().min(0).max(10000),
    })
    .strict(),
]);
export type DraftLineInput = z.input<typeof draftLineSchema>;

export const draftInputSchema = z
  .object({
    /** Absent: a new draft. */
    id: id.optional(),
    clientId: id,
    currency: z.enum(CURRENCIES).default('MAD'),
    /** Absent: the earliest expiry of its services, or 15 days after issue. */
    dueDate: calendarDate.nullable().default(null),
    notes: optionalText(1000),
    lines: z.array(draftLineSchema).min(1, 'Ajoutez au moins une ligne.').max(500, 'Au plus 500 lignes.'),
  })
  .strict();
export type DraftInput = z.input<typeof draftInputSchema>;

export const creditNoteInputSchema = z
  .object({
    invoiceId: id,
    reason: requiredText(300),
    mode: z.enum(CREDIT_MODES),
    /** Absent: the whole of what is left on the invoice. */
    lines: z
      .array(z.object({ lineId: id, quantity }).strict())
      .min(1)
      .max(500)
      .optional(),
  })
  .strict();
export type CreditNoteInput = z.input<typeof creditNoteInputSchema>;

export const documentsApi = {
  'documents.list': method<DocumentPage>()({
    input: z
      .object({
        type: z.enum(DOCUMENT_TYPES).optional(),
        status: z.enum(DOCUMENT_STATUSES).optional(),
        clientId: id.optional(),
        /** Issue dates, both included (drafts have none and are left out when a date is given). */
        from: calendarDate.optional(),
        to: calendarDate.optional(),
        /** TTC in centimes, both included. */
        minAmount: z.number().int().min(0).optional(),
        maxAmount: z.number().int().min(0).optional(),
        /** A number or the end of one: "FA-2026-000045", "45", "2026-000045". */
        number: z.string().trim().max(30).optional(),
        /** Invoices and credit notes in this e-invoice state. */
        einvoiceState: z.enum(EINVOICE_STATES).optional(),
        page: z.number().int().min(1).max(100_000).default(1),
        pageSize: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    access: 'cashier',
    mutates: false,
  }),
  'documents.get': method<DocumentDto>()({ input: z.object({ id }).strict(), access: 'cashier', mutates: false }),
  /** The client's services that a proforma can renew (or start), priced for one period. */
  'documents.renewalOptions': method<RenewalOptionDto[]>()({
    input: z.object({ clientId: id, currency: z.enum(CURRENCIES).optional() }).strict(),
    access: 'cashier',
    mutates: false,
  }),
  /** Creates or replaces a draft proforma. Service lines are priced by the catalogue; free lines as typed. */
  'documents.saveDraft': method<DocumentDto>()({ input: draftInputSchema, access: 'cashier', mutates: true }),
  /** Issues a draft proforma: number from its series, issue date today, the company and client frozen on it. */
  'documents.issue': method<DocumentDto>()({ input: z.object({ id }).strict(), access: 'cashier', mutates: true }),
  /** Abandons a draft, or cancels an issued proforma on which nothing was paid. Nothing is deleted. */
  'documents.cancel': method<DocumentDto>()({
    input: z.object({ id, reason: requiredText(300) }).strict(),
    access: 'cashier',
    mutates: true,
  }),
  /** A new draft with the lines of a proforma (to correct a cancelled or issued one). */
  'documents.duplicate': method<DocumentDto>()({
    input: z.object({ id }).strict(),
    access: 'cashier',
    mutates: true,
  }),
  'documents.creditNote': method<DocumentDto>()({ input: creditNoteInputSchema, access: 'manager', mutates: true }),
  /**
   * The PDF: the original the first time an issued document is printed, "DUPLICATA" after that, "BROUILLON" for a
   * draft. Every print is in the audit log.
   */
  'documents.pdf': method<PdfFileDto>()({ input: z.object({ id }).strict(), access: 'cashier', mutates: true }),
  /** Re-renders the original and compares it with the SHA-256 stored at issue. */
  'documents.verify': method<{ sha256: string; matches: boolean }>()({
    input: z.object({ id }).strict(),
    access: 'cashier',
    mutates: false,
  }),
  /** The client's statement (relevé de compte) for a period, in one currency, as an A4 PDF. Audited. */
  'documents.statement': method<PdfFileDto>()({ input: statementInputSchema, access: 'cashier', mutates: true }),
  'documents.clientBalance': method<ClientBalanceDto[]>()({
    input: z.object({ clientId: id }).strict(),
    access: 'cashier',
    mutates: false,
  }),
};
