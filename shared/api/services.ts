import { z } from 'zod';
import { BILLING_CYCLES, PRODUCT_KINDS, type BillingCycle, type LifecycleRules, type ProductKind } from '../catalog';
import { CURRENCIES, type Currency } from '../money';
import { isCalendarDate } from '../periods';
import { SERVICE_STATUSES, type ServiceState, type ServiceStatus, type SuspensionReason } from '../service-state';
import { optionalText, requiredText } from '../validation';
import { method } from './contract';

export interface ServiceDto {
  id: number;
  clientId: number;
  clientCode: string;
  clientName: string;
  productId: number;
  productCode: string;
  productName: string;
  kind: ProductKind;
  label: string;
  billingCycle: BillingCycle | '';
  currency: Currency;
  anchorDate: string;
  paidMonths: number;
  dueDate: string;
  status: ServiceStatus;
  suspensionReason: SuspensionReason | null;
  terminationRequested: boolean;
  notes: string;
  /** Computed for today (Casablanca) by shared/service-state.ts. */
  state: ServiceState;
  createdAt: string;
}

export interface ServiceEventDto {
  at: string;
  username: string | null;
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  details: Record<string, unknown>;
}

export interface ServicePage {
  rows: ServiceDto[];
  total: number;
}

export const TERMINATION_CHANNELS = ['email', 'phone', 'registered_letter'] as const;

const id = z.number().int().positive();
const calendarDate = z.string().refine(isCalendarDate, 'Date attendue au format AAAA-MM-JJ.');

export const serviceInputSchema = z
  .object({
    clientId: id,
    productId: id,
    /** The domain name, or the main domain of a hosting account; free text for other products. */
    label: requiredText(253),
    billingCycle: z.union([z.literal(''), z.enum(BILLING_CYCLES)]).default('annual'),
    /** Domains: years bought at a time (1–10). */
    years: z.number().int().min(1).max(10).default(1),
    currency: z.enum(CURRENCIES).default('MAD'),
    /** Date of signature (a domain's registration date). */
    startDate: calendarDate,
    /**
     * For a service brought in from before Guichet: the end of what is already paid (a domain's current expiry). The
     * service is then active; otherwise it waits, pending, for its first payment.
     */
    paidUntil: calendarDate.optional(),
    notes: optionalText(1000),
  })
  .strict();
export type ServiceInput = z.input<typeof serviceInputSchema>;

const lifecycleRules = z
  .object({
    daysBeforeInvoice: z.number().int().min(0).max(120),
    daysToSuspend: z.number().int().min(0).max(365),
    daysToTerminate: z.number().int().min(0).max(730),
    graceDays: z.number().int().min(0).max(90),
  })
  .strict()
  .refine((r) => r.daysToTerminate === 0 || r.daysToTerminate >= r.daysToSuspend, {
    message: 'La résiliation ne peut venir avant la suspension.',
    path: ['daysToTerminate'],
  });
export const lifecycleSettingsSchema = z.partialRecord(z.enum(PRODUCT_KINDS), lifecycleRules);

export const servicesApi = {
  'services.forClient': method<ServiceDto[]>()({
    input: z.object({ clientId: id }).strict(),
    access: 'cashier',
    mutates: false,
  }),
  'services.list': method<ServicePage>()({
    input: z
      .object({
        status: z.enum(SERVICE_STATUSES).optional(),
        kind: z.enum(PRODUCT_KINDS).optional(),
        /** Due/expiry window, calendar dates, both included. */
        dueFrom: calendarDate.optional(),
        dueTo: calendarDate.optional(),
        page: z.number().int().min(1).max(100_000).default(1),
        pageSize: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    access: 'cashier',
    mutates: false,
  }),
  'services.get': method<ServiceDto>()({ input: z.object({ id }).strict(), access: 'cashier', mutates: false }),
  'services.create': method<ServiceDto>()({ input: serviceInputSchema, access: 'cashier', mutates: true }),
  'services.suspend': method<ServiceDto>()({
    input: z.object({ id, reason: z.enum(['non_payment', 'abuse']), note: requiredText(300) }).strict(),
    access: 'manager',
    mutates: true,
  }),
  /** Lifts a suspension by hand: the only way out of an abuse suspension. */
  'services.reactivate': method<ServiceDto>()({
    input: z.object({ id, note: requiredText(300) }).strict(),
    access: 'manager',
    mutates: true,
  }),
  /** A service never paid (still pending) is cancelled, not terminated. */
  'services.cancel': method<ServiceDto>()({
    input: z.object({ id, note: requiredText(300) }).strict(),
    access: 'manager',
    mutates: true,
  }),
  'services.requestTermination': method<ServiceDto>()({
    input: z
      .object({ id, channel: z.enum(TERMINATION_CHANNELS), requestedOn: calendarDate, note: optionalText(300) })
      .strict(),
    access: 'cashier',
    mutates: true,
  }),
  'services.events': method<ServiceEventDto[]>()({
    input: z.object({ id }).strict(),
    access: 'cashier',
    mutates: false,
  }),
  'settings.getLifecycle': method<Record<ProductKind, LifecycleRules>>()({
    input: z.object({}).strict(),
    access: 'cashier',
    mutates: false,
  }),
  'settings.saveLifecycle': method<Record<ProductKind, LifecycleRules>>()({
    input: lifecycleSettingsSchema,
    access: 'manager',
    mutates: true,
  }),
};
