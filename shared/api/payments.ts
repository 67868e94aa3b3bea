import { z } from 'zod';
import { CURRENCIES, type Currency } from '../money';
import { PAYMENT_METHODS, type PaymentMethod } from '../payment-methods';
import { paymentRulesSchema, type PaymentRules } from '../payment-rules';
import { isCalendarDate } from '../periods';
import { stampDutySettingsSchema, type StampDutySettings } from '../stamp-duty';
import { optionalText, requiredText, typedDate } from '../validation';
import { method } from './contract';
import type { DocumentDto, PdfFileDto } from './documents';

const id = z.number().int().positive();
const calendarDate = z.string().refine(isCalendarDate, 'Date attendue au format AAAA-MM-JJ.');
/** Centimes, strictly positive, up to ten million dirhams. */
const amount = z
  .number()
  .int('Montant en centimes entier attendu.')
  .min(1, 'Le montant doit être positif.')
  .max(1_000_000_000, 'Montant trop élevé.');
/** An exchange rate with up to 6 decimals as an integer of millionths: 10.85 MAD per EUR → 10 850 000. */
const rate = z.number().int().min(1, 'Taux de change invalide.').max(1_000_000_000, 'Taux de change invalide.');

/** What each method asks for at the counter (SPEC §5). */
export const paymentDetailsSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('cash') }).strict(),
  z
    .object({
      method: z.literal('wafacash'),
      transferNumber: requiredText(40),
      senderName: requiredText(120),
      originCity: requiredText(80),
    })
    .strict(),
  z.object({ method: z.literal('ccp'), receiptNumber: requiredText(40), postOffice: requiredText(80) }).strict(),
  z
    .object({
      method: z.literal('transfer'),
      bank: requiredText(80),
      reference: requiredText(60),
      valueDate: typedDate,
    })
    .strict(),
  z.object({ method: z.literal('card'), authorizationCode: requiredText(20) }).strict(),
  z.object({ method: z.literal('paypal'), transactionId: requiredText(40) }).strict(),
  z.object({ method: z.literal('other'), description: requiredText(200) }).strict(),
]);
export type PaymentDetails = z.output<typeof paymentDetailsSchema>;

export const allocationInputSchema = z
  .object({
    documentId: id,
    /** In the proforma's currency. */
    amount,
    /** Payment currency per unit of the proforma's currency, in millionths; required when they differ. */
    rate: rate.optional(),
  })
  .strict();

export const paymentInputSchema = z
  .object({
    /** Made by the form when it opens: a double click or a retry records one payment. */
    idempotencyKey: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'Clé de saisie invalide.'),
    clientId: id,
    /** What goes to the client's account (proformas, then credit), stamp duty excluded. */
    amount,
    currency: z.enum(CURRENCIES).default('MAD'),
    details: paymentDetailsSchema,
    /** Absent: the client's open proformas, oldest first. An empty list leaves everything as credit. */
    allocations: z.array(allocationInputSchema).max(100).optional(),
    /** Cash is counted in the open session of this desk. */
    desk: optionalText(40),
    /**
     * A manager signs here when a rule needs one: cash of 20,000 DH or more for one proforma (CGI art. 193), a counter
     * rate outside the band around the reference rate, or a currency without a reference rate.
     */
    approval: z
      .object({ username: requiredText(32), password: z.string().min(1).max(200), reason: requiredText(300) })
      .strict()
      .optional(),
    note: optionalText(300),
  })
  .strict();
export type PaymentInput = z.input<typeof paymentInputSchema>;

export interface AllocationDto {
  documentId: number;
  documentNumber: string | null;
  /** In the proforma's currency. */
  amount: number;
  currency: Currency;
  /** Millionths, when the payment's currency differs. */
  rate: number | null;
  /** What it took of the payment, in the payment's currency. */
  paymentAmount: number;
  /** What is left to pay on the proforma after this payment. */
  balanceAfter: number;
  reversed: boolean;
}

export type PaymentStatus = 'recorded' | 'voided';

export interface PaymentDto {
  id: number;
  /** The receipt number: "RE-2026-000123". */
  number: string;
  direction: 'in' | 'out';
  clientId: number;
  clientCode: string;
  clientName: string;
  amount: number;
  stampDuty: number;
  /** Cash rounded to what coins can pay (−5…+4 centimes), 0 otherwise. */
  cashRounding: number;
  /** amount + stamp duty + cash rounding: what changed hands. */
  collected: number;
  currency: Currency;
  method: PaymentMethod;
  details: PaymentDetails;
  paidOn: string;
  receivedAt: string;
  staff: string | null;
  /** The staff member's display name, as the receipt prints it. */
  staffName: string | null;
  cashSessionId: number | null;
  allocations: AllocationDto[];
  /** Left on the client's account. */
  credit: number;
  invoices: { id: number; number: string | null }[];
  status: PaymentStatus;
  voidReason: string;
  voidedAt: string | null;
  voidedBy: string | null;
  voidedByName: string | null;
  approvedBy: string | null;
  approvedByName: string | null;
  approvalReason: string;
  note: string;
  /** A refund: the credit note it pays back. */
  creditNote: { id: number; number: string | null } | null;
}

export interface OpenProformaDto {
  id: number;
  number: string | null;
  issueDate: string | null;
  dueDate: string | null;
  currency: Currency;
  ttc: number;
  paid: number;
  balance: number;
  /** Cash already received on it, in dirhams: the cash limit is cumulated per proforma. */
  cashReceived: number;
}

export interface OpenItemsDto {
  proformas: OpenProformaDto[];
  credit: { currency: Currency; amount: number }[];
  /** The cash rules in force, for the screen to show the total to collect and the limit. */
  stampDuty: StampDutySettings;
  cashLimit: number;
  clientKind: 'individual' | 'company';
  /** Who the cash limit applies to and the reference exchange rates, for the screen to warn as the main process will. */
  paymentRules: PaymentRules;
}

export interface PaymentPage {
  rows: PaymentDto[];
  total: number;
}

export const paymentsApi = {
  'settings.getStampDuty': method<StampDutySettings>()({
    input: z.object({}).strict(),
    access: 'cashier',
    mutates: false,
  }),
  'settings.saveStampDuty': method<StampDutySettings>()({
    input: stampDutySettingsSchema.strict(),
    access: 'admin',
    mutates: true,
  }),
  'settings.getPaymentRules': method<PaymentRules>()({
    input: z.object({}).strict(),
    access: 'cashier',
    mutates: false,
  }),
  /** The cash limit's scope and the reference exchange rates: a manager sets the rules (SPEC §1). */
  'settings.savePaymentRules': method<PaymentRules>()({
    input: paymentRulesSchema,
    access: 'manager',
    mutates: true,
  }),
  'payments.openItems': method<OpenItemsDto>()({
    input: z.object({ clientId: id }).strict(),
    access: 'cashier',
    mutates: false,
  }),
  'payments.record': method<PaymentDto>()({ input: paymentInputSchema, access: 'cashier', mutates: true }),
  'payments.get': method<PaymentDto>()({ input: z.object({ id }).strict(), access: 'cashier', mutates: false }),
  'payments.list': method<PaymentPage>()({
    input: z
      .object({
        clientId: id.optional(),
        method: z.enum(PAYMENT_METHODS).optional(),
        /** Money received ('in') or paid back ('out'). */
        direction: z.enum(['in', 'out']).optional(),
        status: z.enum(['recorded', 'voided']).optional(),
        from: calendarDate.optional(),
        to: calendarDate.optional(),
        number: z.string().trim().max(30).optional(),
        page: z.number().int().min(1).max(100_000).default(1),
        pageSize: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    access: 'cashier',
    mutates: false,
  }),
  /** Uses the client's credit on an open proforma (it may complete it, and issue its invoice). */
  'payments.applyCredit': method<DocumentDto>()({
    input: z.object({ clientId: id, documentId: id, amount }).strict(),
    access: 'cashier',
    mutates: true,
  }),
  /**
   * Money paid back to a client (a manager): from a credit note issued as a refund, or from the client's credit. It is
   * recorded like a payment, outgoing, with its receipt number and, in cash, out of the desk's drawer.
   */
  'payments.refund': method<PaymentDto>()({
    input: z
      .object({
        idempotencyKey: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'Clé de saisie invalide.'),
        clientId: id,
        amount,
        currency: z.enum(CURRENCIES).default('MAD'),
        details: paymentDetailsSchema,
        /** Absent: paid out of the client's credit. */
        creditNoteId: id.optional(),
        desk: optionalText(40),
        note: requiredText(300),
      })
      .strict(),
    access: 'manager',
    mutates: true,
  }),
  /** The receipt: A5, or the 80 mm roll of the counter's thermal printer. */
  /** The first print is the original, every later one a DUPLICATA (counted and audited). */
  'payments.receipt': method<PdfFileDto>()({
    input: z.object({ id, format: z.enum(['a5', 'thermal']).default('thermal') }).strict(),
    access: 'cashier',
    mutates: true,
  }),
  'payments.void': method<PaymentDto>()({
    input: z.object({ id, reason: requiredText(300) }).strict(),
    access: 'manager',
    mutates: true,
  }),
};
