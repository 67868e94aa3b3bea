import { AuditEntity, SettingEntity, UserEntity } from '../../electron/db/entities';
import type { TestApp } from './core';

/** Every row a call could write, as one comparable value: a call that must write nothing leaves it equal. */
export async function dataSnapshot(app: TestApp): Promise<string> {
  const em = app.core.db.reader;
  const [users, settings, audit] = await Promise.all([
    em.find(UserEntity, { order: { id: 'ASC' } }),
    em.find(SettingEntity, { order: { key: 'ASC' } }),
    em.count(AuditEntity),
  ]);
  return JSON.stringify({ users, settings, audit });
}
