import { z } from 'zod';
import { parseDuration } from '../durations';
import { isCalendarDate } from '../periods';
import { optionalText, requiredText } from '../validation';
import { method } from './contract';

/** One entry of time spent on an outsourcing service. */
export interface TimeEntryDto {
  id: number;
  serviceId: number;
  workDate: string;
  minutes: number;
  /** Who did the work (and may change the entry until it is invoiced). */
  username: string;
  description: string;
  /** Invoiced: the entry can no longer change. */
  frozen: boolean;
}

/** One month of a monthly contract: minutes used, included and beyond, and the proforma that billed the extra. */
export interface MonthStatementDto {
  month: string;
  used: number;
  included: number;
  extra: number;
  /** The month is over: its extra hours can be billed. */
  closed: boolean;
  billedOn: { id: number; number: string | null } | null;
}

/** An outsourcing service as the client page shows it: this month's hours against those included. */
export interface OutsourcingSummaryDto {
  serviceId: number;
  kind: 'outsourcing_mission' | 'outsourcing_monthly';
  /** Minutes spent this month (monthly contract) or on the whole mission. */
  used: number;
  /** Minutes included a month (monthly contract) or estimated (mission: the estimate proformas, else the catalogue). */
  included: number;
  /** Missions: the final proforma, once made. */
  finalProforma: { id: number; number: string | null } | null;
}

/** Where the hours beyond a monthly contract's included ones are billed (terms §2.3.2). */
export const EXTRA_HOURS_BILLING = ['renewal', 'own'] as const;
export type ExtraHoursBilling = (typeof EXTRA_HOURS_BILLING)[number];

export const outsourcingSettingsSchema = z
  .object({ extraHoursBilling: z.enum(EXTRA_HOURS_BILLING).default('renewal') })
  .strict();
export type OutsourcingSettings = z.output<typeof outsourcingSettingsSchema>;

const id = z.number().int().positive();
const calendarDate = z.string().refine(isCalendarDate, 'Date attendue au format AAAA-MM-JJ.');

/** A duration as typed ("1 h 30", "90"), read into minutes by the shared parser. */
const duration = z.union([z.string().max(30, 'Durée illisible.'), z.number()]).transform((typed, ctx) => {
  const parsed = parseDuration(String(typed));
  if ('error' in parsed) {
    ctx.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  }
  return parsed.minutes;
});

const entryFields = {
  workDate: calendarDate,
  duration,
  description: requiredText(500),
};

export const outsourcingApi = {
  'outsourcing.entries': method<TimeEntryDto[]>()({
    input: z.object({ serviceId: id }).strict(),
    access: 'cashier',
    mutates: false,
  }),
  'outsourcing.addEntry': method<TimeEntryDto>()({
    input: z.object({ serviceId: id, ...entryFields }).strict(),
    access: 'cashier',
    mutates: true,
  }),
  /** Only by its author, and only until its hours are invoiced. */
  'outsourcing.updateEntry': method<TimeEntryDto>()({
    input: z.object({ id, ...entryFields }).strict(),
    access: 'cashier',
    mutates: true,
  }),
  'outsourcing.statements': method<MonthStatementDto[]>()({
    input: z.object({ serviceId: id }).strict(),
    access: 'cashier',
    mutates: false,
  }),
  'outsourcing.forClient': method<OutsourcingSummaryDto[]>()({
    input: z.object({ clientId: id }).strict(),
    access: 'cashier',
    mutates: false,
  }),
  /** A mission's estimate proforma: the estimated hours at the hourly price, paid in advance as a deposit. */
  'outsourcing.missionEstimate': method<{ documentId: number }>()({
    input: z.object({ serviceId: id, estimate: duration, note: optionalText(300) }).strict(),
    access: 'cashier',
    mutates: true,
  }),
  /** A finished mission's final proforma: its time entries at the hourly price, the estimate beside, deposit deducted. */
  'outsourcing.missionFinal': method<{ documentId: number }>()({
    input: z.object({ serviceId: id }).strict(),
    access: 'manager',
    mutates: true,
  }),
  'outsourcing.getSettings': method<OutsourcingSettings>()({
    input: z.object({}).strict(),
    access: 'cashier',
    mutates: false,
  }),
  'outsourcing.saveSettings': method<OutsourcingSettings>()({
    input: outsourcingSettingsSchema,
    access: 'manager',
    mutates: true,
  }),
};
