import { z } from 'zod';
import { method } from './contract';

export interface AuditEntryDto {
  id: number;
  /** ISO instant (UTC). */
  at: string;
  userId: number | null;
  username: string | null;
  /** The desk the call came from, on an office server; null on a standalone PC. */
  desk: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  /** What changed, e.g. { field: [before, after] }, or facts of the event. */
  summary: Record<string, unknown>;
}

export interface AuditPage {
  rows: AuditEntryDto[];
  total: number;
}

/** The hash chain of the log, walked from its first entry (electron/modules/audit/chain.ts). */
export interface AuditChainReport {
  /** Entries verified before the first break (all of them when the chain is whole). */
  checked: number;
  /** Entries whose personal values were lawfully redacted (anonymised clients): accepted. */
  redacted: number;
  lastId: number | null;
  /** The hash of the last entry: noted down or printed, it shows later whether the past was rewritten. */
  headHash: string | null;
  /** The first entry that does not verify, with a French explanation; null when the chain is whole. */
  broken: { id: number; reason: 'link' | 'hash' | 'summary' | 'truncated'; message: string } | null;
  /** ISO instant of the check. */
  checkedAt: string;
}

const isoDate = z.iso.date({ message: 'Date attendue au format AAAA-MM-JJ.' });

export const auditApi = {
  'audit.list': method<AuditPage>()({
    input: z
      .object({
        page: z.number().int().min(1).max(1_000_000).default(1),
        pageSize: z.number().int().min(1).max(200).default(50),
        userId: z.number().int().positive().optional(),
        action: z.string().trim().max(60).optional(),
        /** Calendar dates in Africa/Casablanca, both included. */
        from: isoDate.optional(),
        to: isoDate.optional(),
      })
      .strict(),
    access: 'manager',
    mutates: false,
  }),
  'audit.verifyChain': method<AuditChainReport>()({
    input: z.object({}).strict(),
    access: 'manager',
    mutates: false,
  }),
};
