import { z } from 'zod';
import { method } from './contract';

export interface AuditEntryDto {
  id: number;
  /** ISO instant (UTC). */
  at: string;
  userId: number | null;
  username: string | null;
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
};
