import path from 'node:path';
import type { BackupPreviewDto, RestoreResultDto } from '../../../shared/api/backup';
import type { Clock } from '../../clock';
import type { Core } from '../../core';
import { DATABASE_FILE } from '../../db/data-source';
import { openSqlite } from '../../db/sqlite-binding';
import type { Actor } from '../../db/database';
import { AppError } from '../../errors';
import { primaryFolder, removeBackup } from './catalogue';
import { installDatabase } from './database-files';
import { rotateFolder } from './service';
import { snapshotDatabase, type Written } from './snapshot';

export interface RestoreEnv {
  dataDir: string;
  clock: Clock;
  open: () => Promise<Core>;
  log: (message: string) => void;
}

export type RestoreOutcome = { core: Core } & ({ ok: true; value: RestoreResultDto } | { ok: false; error: AppError });

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Every write leaves one audit entry with the next id: the last id says whether anything was written since. */
function lastAuditId(file: string): number {
  const db = openSqlite(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT MAX(id) FROM audit_log').pluck().get() as number | null) ?? 0;
  } finally {
    db.close();
  }
}

/**
 * Replaces the open database by a verified backup; the host has stopped the calls. In order: the restore is audited;
 * the current database is kept as a verified "pre-restore" backup, the core still open (if that fails, nothing has
 * changed and the counter goes on); the core closes (and finishes its background work: should any of it have written
 * after the copy, the copy is taken again); the backup is put in place and a new core opens on it (migrating an older
 * backup) and audits the restore. If the restored file does not open, the pre-restore copy is put back: a restore
 * never leaves the office worse off. Throws only if even that fails.
 */
export async function restoreInto(
  core: Core,
  preview: BackupPreviewDto & { path: string },
  actor: Actor,
  env: RestoreEnv,
): Promise<RestoreOutcome> {
  const folder = primaryFolder(env.dataDir);
  const database = path.join(env.dataDir, DATABASE_FILE);
  const source = { file: preview.backup.file, location: preview.backup.location, createdAt: preview.backup.createdAt };
  await core.db.write(actor, 'backup.restore', (tx) =>
    tx.audit({ action: 'backup.restore', entity: 'backup', entityId: source.file, summary: source }),
  );
  const keep = () =>
    snapshotDatabase(database, { folder, location: 'primary', kind: 'pre-restore', at: env.clock.now(), create: true });
  let preRestore: Written;
  try {
    preRestore = await keep();
  } catch (error) {
    return {
      core,
      ok: false,
      error: new AppError(
        'CONFLICT',
        `La base actuelle n'a pas pu être mise de côté avant la restauration, qui n'a donc pas eu lieu. ${messageOf(error)}`,
      ),
    };
  }
  await core.close();
  if (lastAuditId(database) !== preRestore.contents?.auditEntries) {
    await removeBackup(folder, preRestore.backup.file);
    preRestore = await keep();
  }

  let restored: Core;
  try {
    await installDatabase(preview.path, env.dataDir);
    restored = await env.open();
  } catch (error) {
    env.log(`Restore of ${source.file} failed, putting the previous database back: ${messageOf(error)}`);
    await installDatabase(path.join(folder, preRestore.backup.file), env.dataDir);
    return {
      core: await env.open(),
      ok: false,
      error: new AppError(
        'CONFLICT',
        `La restauration a échoué (${messageOf(error)}) ; la base d'avant a été remise en place.`,
      ),
    };
  }
  // The restored database may not know this person's account id: the entry names them only.
  await restored.db.write({ userId: null, username: actor.username }, 'backup.restored', (tx) =>
    tx.audit({
      action: 'backup.restored',
      entity: 'backup',
      entityId: source.file,
      summary: { ...source, preRestore: preRestore.backup.file },
    }),
  );
  await rotateFolder(folder, env.log);
  return { core: restored, ok: true, value: { restored: preview.backup, preRestore: preRestore.backup } };
}
