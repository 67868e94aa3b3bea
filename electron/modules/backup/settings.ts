import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { EntityManager } from 'typeorm';
import { backupSettingsSchema, type BackupSettings } from '../../../shared/api/backup';
import { fieldError } from '../../errors';
import { readSection } from '../settings/store';

export const BACKUP_SETTINGS = 'backup';

export async function readBackupSettings(em: EntityManager): Promise<BackupSettings> {
  return (await readSection(em, BACKUP_SETTINGS, backupSettingsSchema)) ?? backupSettingsSchema.parse({});
}

/** Why a folder cannot receive backups now, in French; null when it can (it exists and a file can be written there). */
export async function folderProblem(folder: string): Promise<string | null> {
  const stat = await fs.stat(folder).catch(() => null);
  if (!stat) return 'Dossier introuvable (clé USB débranchée ou partage réseau indisponible ?).';
  if (!stat.isDirectory()) return "Ce chemin n'est pas un dossier.";
  const probe = path.join(folder, `.guichet-probe-${randomBytes(4).toString('hex')}`);
  try {
    await fs.writeFile(probe, 'guichet');
    return null;
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code === 'ENOSPC') return 'Le disque de ce dossier est plein.';
    return "Ce dossier n'est pas accessible en écriture (disque protégé ou droits insuffisants).";
  } finally {
    await fs.rm(probe, { force: true }).catch(() => undefined);
  }
}

/** A second folder is checked when it is saved: a path typed wrong is caught then, not on the next night's backup. */
export async function checkSecondFolder(folder: string, dataDir: string): Promise<void> {
  if (folder === '') return;
  if (
    path.resolve(folder).startsWith(path.resolve(dataDir) + path.sep) ||
    path.resolve(folder) === path.resolve(dataDir)
  ) {
    throw fieldError(
      'secondFolder',
      'Choisissez un dossier hors du dossier des données (un autre disque, de préférence).',
    );
  }
  const problem = await folderProblem(folder);
  if (problem) throw fieldError('secondFolder', problem);
}
