import { existsSync } from 'node:fs';
import path from 'node:path';
import type {
  BackupCreatedDto,
  BackupDto,
  BackupKind,
  BackupListDto,
  BackupPreviewDto,
  BackupRef,
} from '../../../shared/api/backup';
import type { Clock } from '../../clock';
import { DATABASE_FILE } from '../../db/data-source';
import type { Database } from '../../db/database';
import { WriteQueue } from '../../db/write-queue';
import { AppError, notFound } from '../../errors';
import { listFolder, primaryFolder, removeBackup, removePartials } from './catalogue';
import { backupsToDelete } from './rotation';
import { folderProblem, readBackupSettings } from './settings';
import { copyBackup, inspectFile, snapshotDatabase } from './snapshot';

export interface BackupDeps {
  db: Database;
  dataDir: string;
  clock: Clock;
  log: (message: string) => void;
}

/** Deletes what rotation no longer keeps in a folder; a failure to delete is logged, never fatal. */
export async function rotateFolder(folder: string, log: (message: string) => void): Promise<void> {
  const backups = await listFolder(folder, 'primary');
  for (const file of backupsToDelete(backups)) {
    await removeBackup(folder, file).catch((error: unknown) => log(`Rotation of ${file}: ${String(error)}`));
  }
}

export const newestVerified = (backups: BackupDto[]) => backups.find((b) => b.verified) ?? null;

/** Backups of the open database: made one at a time, verified, copied to the second folder, rotated. */
export class BackupService {
  private readonly queue = new WriteQueue();
  private active = 0;

  constructor(private readonly deps: BackupDeps) {}

  get databaseFile(): string {
    return path.join(this.deps.dataDir, DATABASE_FILE);
  }

  get primary(): string {
    return primaryFolder(this.deps.dataDir);
  }

  get running(): boolean {
    return this.active > 0;
  }

  private async secondFolder(): Promise<string | null> {
    const { secondFolder } = await readBackupSettings(this.deps.db.reader);
    return secondFolder === '' ? null : secondFolder;
  }

  /** Makes a verified backup now (after any backup already under way), then copies it and rotates. */
  create(kind: BackupKind): Promise<BackupCreatedDto> {
    this.active++;
    return this.queue
      .run(async () => {
        const at = this.deps.clock.now();
        await removePartials(this.primary);
        const { backup } = await snapshotDatabase(this.databaseFile, {
          folder: this.primary,
          location: 'primary',
          kind,
          at,
          create: true,
        });
        await rotateFolder(this.primary, this.deps.log);
        const second = await this.secondFolder();
        if (!second) return { backup, secondary: null };
        try {
          await removePartials(second);
          const { backup: copy } = await copyBackup(path.join(this.primary, backup.file), {
            folder: second,
            location: 'secondary',
            kind,
            at,
            create: false,
          });
          await rotateFolder(second, this.deps.log);
          return { backup, secondary: { ok: true as const, backup: copy } };
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          this.deps.log(`Backup copy to ${second} failed: ${message}`);
          return { backup, secondary: { ok: false as const, message } };
        }
      })
      .finally(() => this.active--);
  }

  async list(): Promise<BackupListDto> {
    const second = await this.secondFolder();
    const primary = await listFolder(this.primary, 'primary');
    const secondary = second ? await listFolder(second, 'secondary') : [];
    const backups = [...primary, ...secondary].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return {
      backups,
      folders: {
        primary: this.primary,
        secondary: second,
        secondaryProblem: second ? await folderProblem(second) : null,
      },
      lastGoodAt: newestVerified(backups)?.createdAt ?? null,
      running: this.running,
    };
  }

  async lastGoodAt(): Promise<string | null> {
    return newestVerified(await listFolder(this.primary, 'primary'))?.createdAt ?? null;
  }

  /** The file of a listed backup; refuses anything else. */
  async locate(ref: BackupRef): Promise<{ file: string; backup: BackupDto }> {
    const folder = ref.location === 'primary' ? this.primary : await this.secondFolder();
    if (!folder) throw new AppError('NOT_FOUND', "Aucun second dossier de sauvegarde n'est configuré.");
    const backup = (await listFolder(folder, ref.location)).find((b) => b.file === ref.file);
    const file = path.join(folder, ref.file);
    if (!backup || !existsSync(file)) throw notFound('Sauvegarde');
    return { file, backup };
  }

  /** What a backup holds, checked now: a restore shows this first, and refuses what fails here. */
  async preview(ref: BackupRef, check: 'quick' | 'full' = 'quick'): Promise<BackupPreviewDto & { path: string }> {
    const { file, backup } = await this.locate(ref);
    const { inspected, refusal } = await inspectFile(file, check, true);
    const appMigrations = inspected?.migrations.length ?? 0;
    return {
      path: file,
      backup,
      restorable: refusal === null,
      refusal: refusal === null ? null : `Cette sauvegarde ne peut pas être restaurée : ${refusal}.`,
      contents: inspected?.contents ?? null,
      needsMigration: refusal === null && appMigrations < (await this.currentMigrationCount()),
    };
  }

  private async currentMigrationCount(): Promise<number> {
    const rows: unknown[] = await this.deps.db.reader.query('SELECT id FROM migrations');
    return rows.length;
  }
}
