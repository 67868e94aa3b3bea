import { z } from 'zod';
import { method } from './contract';

/** What started a billing run: the app opening, the day changing while it is open, a manager, or a scheduled job. */
export const RUN_TRIGGERS = ['startup', 'daily', 'manual', 'cli'] as const;
export type RunTrigger = (typeof RUN_TRIGGERS)[number];

/** interrupted: the app stopped during the run (a crash, a power cut); the next run takes over where it stopped. */
export const RUN_STATUSES = ['running', 'done', 'failed', 'interrupted'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/**
 * What a run did, one log line each, for whom. renewal_existing: the service was already on an open proforma (made at
 * the counter); warning: something a person must look at (the run left it as it was).
 */
export const RUN_ACTIONS = [
  'renewal_issued',
  'renewal_existing',
  'renewal_failed',
  'proforma_replaced',
  'proforma_cancelled',
  'overdue',
  'grace',
  'lost',
  'suspended',
  'terminated',
  'abandoned',
  'warning',
  'hours_billed',
] as const;
export type RunAction = (typeof RUN_ACTIONS)[number];

export interface BillingRunDto {
  id: number;
  /** The Casablanca calendar day the run worked for. */
  runDate: string;
  trigger: RunTrigger;
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
  /** The manager who started it by hand; null for the app itself. */
  startedBy: string | null;
  counts: Partial<Record<RunAction, number>>;
  /** E-mails queued by the run. */
  mails: number;
  error: string;
  /** The interrupted run this one took over from. */
  resumedRunId: number | null;
}

export interface BillingRunItemDto {
  id: number;
  runId: number;
  runDate: string;
  action: RunAction;
  clientId: number | null;
  clientCode: string | null;
  clientName: string | null;
  serviceId: number | null;
  serviceLabel: string | null;
  documentId: number | null;
  documentNumber: string | null;
  /** One French sentence: what was done and why. */
  detail: string;
  at: string;
}

const id = z.number().int().positive();
const page = z.number().int().min(1).max(100_000).default(1);

export const automationApi = {
  'automation.runs': method<{ rows: BillingRunDto[]; total: number }>()({
    input: z.object({ page, pageSize: z.number().int().min(1).max(100).default(20) }).strict(),
    access: 'manager',
    mutates: false,
  }),
  'automation.items': method<{ rows: BillingRunItemDto[]; total: number }>()({
    input: z
      .object({
        runId: id.optional(),
        action: z.enum(RUN_ACTIONS).optional(),
        clientId: id.optional(),
        page,
        pageSize: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    access: 'manager',
    mutates: false,
  }),
  /** Runs the daily billing now: it does only what is due and not done yet, so running it again is harmless. */
  'automation.runNow': method<BillingRunDto>()({ input: z.object({}).strict(), access: 'manager', mutates: true }),
};
