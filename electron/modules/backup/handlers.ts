import type { BackupHealthDto, BackupRef, RestoreResultDto } from '../../../shared/api/backup';
import type { Registry } from '../../api/registry';
import type { Actor, Database } from '../../db/database';
import { AppError } from '../../errors';
import { readSection, writeSection } from '../settings/store';
import { backupSettingsSchema } from '../../../shared/api/backup';
import type { BackupService } from './service';
import { BACKUP_SETTINGS, checkSecondFolder, readBackupSettings } from './settings';

/** How the app (the host that owns the open database) restores: it alone can close and reopen the database. */
export type Restorer = (ref: BackupRef, actor: Actor) => Promise<RestoreResultDto>;

/** What the host tells the handlers about the database and how to restore. */
export interface BackupRuntime {
  health: Omit<BackupHealthDto, 'lastGoodBackupAt'>;
  restorer: Restorer | null;
}

export const healthyRuntime = (): BackupRuntime => ({
  health: { state: 'ok', problem: null, check: null, uncleanShutdown: false },
  restorer: null,
});

const notInRecovery = () =>
  new AppError('CONFLICT', 'La base de données fonctionne normalement : la restauration se fait depuis Sauvegardes.');

export function registerBackupHandlers(
  registry: Registry,
  { db, backups, runtime, dataDir }: { db: Database; backups: BackupService; runtime: BackupRuntime; dataDir: string },
): void {
  registry.register('backup.health', async () => ({ ...runtime.health, lastGoodBackupAt: await backups.lastGoodAt() }));

  registry.register('backup.list', () => backups.list());

  registry.register('backup.create', async (_input, ctx) => {
    const created = await backups.create('manual');
    await db.write(ctx.actor, 'backup.create', (tx) =>
      tx.audit({
        action: 'backup.create',
        entity: 'backup',
        entityId: created.backup.file,
        summary: {
          file: created.backup.file,
          bytes: created.backup.bytes,
          secondFolder: created.secondary ? created.secondary.ok : null,
        },
      }),
    );
    return created;
  });

  registry.register('backup.preview', async (input) => {
    const { path: _path, ...preview } = await backups.preview(input);
    return preview;
  });

  registry.register('backup.restore', (input, ctx) => {
    if (!runtime.restorer) {
      throw new AppError('CONFLICT', "La restauration se fait depuis l'application Guichet, qui rouvre la base.");
    }
    return runtime.restorer({ location: input.location, file: input.file }, ctx.actor);
  });

  registry.register('backup.getSettings', () => readBackupSettings(db.reader));

  registry.register('backup.saveSettings', async (input, ctx) => {
    await checkSecondFolder(input.secondFolder, dataDir);
    await db.write(ctx.actor, 'backup.saveSettings', async (tx) =>
      writeSection(
        tx,
        BACKUP_SETTINGS,
        input,
        await readSection(tx.em, BACKUP_SETTINGS, backupSettingsSchema),
        ctx.actor.userId,
      ),
    );
    return input;
  });

  registry.register('backup.recoveryOptions', () => Promise.reject(notInRecovery()));
  registry.register('backup.recover', () => Promise.reject(notInRecovery()));
}
