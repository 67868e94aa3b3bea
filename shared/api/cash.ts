import { z } from 'zod';
import { DENOMINATIONS } from '../cash';
import type { PaymentMethod } from '../payment-methods';
import { optionalText, requiredText } from '../validation';
import { method } from './contract';
import type { PdfFileDto } from './documents';

export interface CashMovementDto {
  id: number;
  kind: string;
  amount: number;
  reason: string;
  paymentId: number | null;
  paymentNumber: string | null;
  at: string;
  username: string | null;
}

export interface CashSessionDto {
  id: number;
  desk: string;
  status: 'open' | 'closed' | 'validated';
  openedAt: string;
  openedBy: string | null;
  float: number;
  /** Cash received (payments, stamp duty included) and given back or taken out, so far. */
  cashIn: number;
  cashOut: number;
  /** float + in − out: what the drawer should hold. */
  expected: number;
  counted: number | null;
  difference: number | null;
  count: Record<string, number>;
  closedAt: string | null;
  closedBy: string | null;
  closeNote: string;
  validatedAt: string | null;
  validatedBy: string | null;
  movements: CashMovementDto[];
  /** The day's other payments at this desk's staff, for information on the Z report. */
  otherMethods: { method: PaymentMethod; count: number; total: number }[];
  /** username → display name of everyone named above. */
  staffNames: Record<string, string>;
}

const id = z.number().int().positive();
const desk = requiredText(40);
const amount = z
  .number()
  .int('Montant en centimes entier attendu.')
  .min(1, 'Le montant doit être positif.')
  .max(1_000_000_000, 'Montant trop élevé.');

export const cashCountSchema = z
  .partialRecord(
    z.enum(DENOMINATIONS.map(String) as [string, ...string[]]),
    z.number().int('Nombre entier attendu.').min(0, 'Nombre positif attendu.').max(100_000),
  )
  .refine((c) => Object.keys(c).length > 0, 'Saisissez le comptage.');

export const cashApi = {
  /** The open session of a desk, or null. */
  'cash.current': method<CashSessionDto | null>()({
    input: z.object({ desk }).strict(),
    access: 'cashier',
    mutates: false,
  }),
  'cash.get': method<CashSessionDto>()({ input: z.object({ id }).strict(), access: 'cashier', mutates: false }),
  'cash.list': method<{ rows: CashSessionDto[]; total: number }>()({
    input: z
      .object({
        page: z.number().int().min(1).max(100_000).default(1),
        pageSize: z.number().int().min(1).max(100).default(20),
      })
      .strict(),
    access: 'cashier',
    mutates: false,
  }),
  'cash.open': method<CashSessionDto>()({
    input: z.object({ desk, float: z.number().int().min(0).max(100_000_000) }).strict(),
    access: 'cashier',
    mutates: true,
  }),
  /** Cash taken out (a bank deposit) or put in (change), with its reason. */
  'cash.movement': method<CashSessionDto>()({
    input: z.object({ sessionId: id, kind: z.enum(['out', 'in']), amount, reason: requiredText(200) }).strict(),
    access: 'cashier',
    mutates: true,
  }),
  'cash.close': method<CashSessionDto>()({
    input: z.object({ sessionId: id, count: cashCountSchema, note: optionalText(300) }).strict(),
    access: 'cashier',
    mutates: true,
  }),
  'cash.validate': method<CashSessionDto>()({
    input: z.object({ sessionId: id }).strict(),
    access: 'manager',
    mutates: true,
  }),
  /** The Z report on A4, or on the 80 mm roll of the counter's thermal printer. */
  'cash.zReport': method<PdfFileDto>()({
    input: z.object({ sessionId: id, format: z.enum(['a4', 'thermal']).default('a4') }).strict(),
    access: 'cashier',
    mutates: false,
  }),
};
