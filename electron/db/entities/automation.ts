import { EntitySchema } from 'typeorm';
import type { RunAction, RunStatus, RunTrigger } from '../../../shared/api/automation';

/** One billing run: when, for which day, started by whom, and what it did (counts per action). */
export interface BillingRunRow {
  id: number;
  /** The Casablanca calendar day the run worked for. */
  runDate: string;
  trigger: RunTrigger;
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
  startedBy: string | null;
  /** JSON { action: count }. */
  counts: string;
  mails: number;
  error: string;
  resumedRunId: number | null;
}

export const BillingRunEntity = new EntitySchema<BillingRunRow>({
  name: 'BillingRun',
  tableName: 'billing_runs',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    runDate: { name: 'run_date', type: 'varchar', length: 10 },
    trigger: { type: 'varchar', length: 10 },
    status: { type: 'varchar', length: 12 },
    startedAt: { name: 'started_at', type: 'varchar', length: 30 },
    finishedAt: { name: 'finished_at', type: 'varchar', length: 30, nullable: true },
    startedBy: { name: 'started_by', type: 'varchar', length: 32, nullable: true },
    counts: { type: 'text', default: '{}' },
    mails: { type: 'integer', default: 0 },
    error: { type: 'text', default: '' },
    resumedRunId: { name: 'resumed_run_id', type: 'integer', nullable: true },
  },
  indices: [
    { name: 'idx_billing_runs_status', columns: ['status'] },
    { name: 'idx_billing_runs_date', columns: ['runDate'] },
  ],
});

/**
 * Append-only: what a run did, for whom. The dedupe key, when set, is the promise that the thing is done once in all
 * history ("renewal:<service>:<due date>", "overdue:<proforma>", "status:<service>:<due date>:<status>"): a second
 * run, or a run resumed after a crash, finds it and does nothing.
 */
export interface BillingRunItemRow {
  id: number;
  runId: number;
  action: RunAction;
  clientId: number | null;
  serviceId: number | null;
  documentId: number | null;
  dedupeKey: string | null;
  detail: string;
  at: string;
}

export const BillingRunItemEntity = new EntitySchema<BillingRunItemRow>({
  name: 'BillingRunItem',
  tableName: 'billing_run_items',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    runId: { name: 'run_id', type: 'integer' },
    action: { type: 'varchar', length: 24 },
    clientId: { name: 'client_id', type: 'integer', nullable: true },
    serviceId: { name: 'service_id', type: 'integer', nullable: true },
    documentId: { name: 'document_id', type: 'integer', nullable: true },
    dedupeKey: { name: 'dedupe_key', type: 'varchar', length: 80, nullable: true },
    detail: { type: 'text', default: '' },
    at: { type: 'varchar', length: 30 },
  },
  foreignKeys: [
    { name: 'fk_billing_run_items_run', columnNames: ['runId'], target: 'BillingRun', referencedColumnNames: ['id'] },
  ],
  uniques: [{ name: 'uq_billing_run_items_key', columns: ['dedupeKey'] }],
  indices: [
    { name: 'idx_billing_run_items_run', columns: ['runId', 'action'] },
    { name: 'idx_billing_run_items_client', columns: ['clientId'] },
  ],
});
