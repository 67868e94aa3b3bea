import fs from 'node:fs/promises';
import path from 'node:path';
import type { BackupDto, BackupKind, BackupLocation } from '../../../shared/api/backup';
import { knownMigrationNames } from '../../db/migrations';
import { AppError } from '../../errors';
import {
  backupFileName,
  PARTIAL,
  removeBackup,
  syncFile,
  syncFolder,
  toDto,
  writeManifest,
  type Manifest,
} from './catalogue';
import { diskError } from './disk-errors';
import type { BackupContents, InspectResult, SnapshotResult } from './sqlite-task';
import { runInWorker } from './worker';

/** Why a database file cannot be restored or kept as a backup, in French; null when it can. */
export function refusalOf(inspected: InspectResult): string | null {
  if (inspected.integrity[0] !== 'ok') {
    return `le fichier est endommagé (contrôle d'intégrité : ${inspected.integrity.slice(0, 2).join(' ; ')})`;
  }
  if (inspected.migrations.length === 0) return "le fichier n'est pas une base Guichet";
  const unknown = inspected.migrations.filter((name) => !knownMigrationNames.has(name));
  if (unknown.length > 0) {
    return `elle a été faite par une version plus récente de Guichet (${unknown.join(', ')}) ; installez-la d'abord`;
  }
  return null;
}

/** Checks a database file in the worker: never throws for a bad file, answers why it is bad instead. */
export async function inspectFile(
  file: string,
  check: 'quick' | 'full',
  contents: boolean,
): Promise<{ inspected: InspectResult | null; refusal: string | null }> {
  try {
    const inspected = (await runInWorker({ kind: 'inspect', file, check, contents })) as InspectResult;
    return { inspected, refusal: refusalOf(inspected) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { inspected: null, refusal: `le fichier ne peut pas être lu comme une base de données (${detail})` };
  }
}

interface Destination {
  folder: string;
  location: BackupLocation;
  kind: BackupKind;
  at: Date;
  /** The data folder's backups/ is created when missing; a second folder must exist (a drive may be unplugged). */
  create: boolean;
}

export interface Written {
  backup: BackupDto;
  contents: BackupContents | null;
}

/**
 * Writes one backup file into a folder the safe way: under a temporary name, checked (integrity_check, schema), then
 * renamed, then described by its manifest. On any failure nothing is left behind and the error says why in French.
 */
async function writeVerified(destination: Destination, write: (partial: string) => Promise<void>): Promise<Written> {
  const { folder, location, kind, at } = destination;
  let name = '';
  try {
    if (destination.create) await fs.mkdir(folder, { recursive: true });
    name = backupFileName(kind, at, folder);
    const target = path.join(folder, name);
    await write(target + PARTIAL);
    const { inspected, refusal } = await inspectFile(target + PARTIAL, 'full', true);
    if (refusal || !inspected) {
      throw new AppError(
        'CONFLICT',
        `La sauvegarde n'a pas passé sa vérification : ${refusal ?? ''}. Elle a été écartée.`,
      );
    }
    await fs.rename(target + PARTIAL, target);
    const manifest: Manifest = {
      version: 1,
      kind,
      createdAt: at.toISOString(),
      bytes: (await fs.stat(target)).size,
      verified: true,
      migrations: inspected.migrations,
      contents: inspected.contents,
    };
    await writeManifest(target, manifest);
    await syncFolder(folder);
    return { backup: toDto(location, name, manifest), contents: manifest.contents };
  } catch (error) {
    if (name) {
      await fs.rm(path.join(folder, name + PARTIAL), { force: true }).catch(() => undefined);
      await removeBackup(folder, name).catch(() => undefined);
    }
    throw error instanceof AppError ? error : diskError(error, folder);
  }
}

/** A verified backup of the database file `source` (open or closed), made with VACUUM INTO in the worker. */
export function snapshotDatabase(source: string, destination: Destination): Promise<Written> {
  return writeVerified(destination, async (partial) => {
    (await runInWorker({ kind: 'snapshot', source, target: partial })) as SnapshotResult;
  });
}

/** A verified copy of an existing backup file into another folder (the second folder: USB drive, network share). */
export function copyBackup(file: string, destination: Destination): Promise<Written> {
  return writeVerified(destination, async (partial) => {
    await fs.copyFile(file, partial);
    await syncFile(partial);
  });
}
