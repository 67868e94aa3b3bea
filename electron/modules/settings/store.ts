import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { WriteTx } from '../../db/database';
import { diff } from '../../db/database';
import { SettingEntity } from '../../db/entities';
import { findRow } from '../../db/rows';

/** Reads a settings section through its shared schema (which fills defaults); null when never saved. */
export function readSection<S extends z.ZodType>(
  em: EntityManager,
  key: string,
  schema: S,
): Promise<z.output<S> | null> {
  const row = findRow(em, SettingEntity, { key });
  return Promise.resolve(row ? schema.parse(JSON.parse(row.value)) : null);
}

/** Saves a section and audits what changed, field by field. */
export async function writeSection<T extends object>(
  tx: WriteTx,
  key: string,
  value: T,
  before: T | null,
  userId: number | null,
  hidden: (keyof T)[] = [],
): Promise<void> {
  await tx.em.save(SettingEntity, {
    key,
    value: JSON.stringify(value),
    updatedAt: tx.now.toISOString(),
    updatedBy: userId,
  });
  const changes = before ? diff(before, value, hidden) : { created: true };
  await tx.audit({ action: 'settings.save', entity: 'settings', entityId: key, summary: changes });
}
