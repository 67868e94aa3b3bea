import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { BACKUP_KINDS, type BackupDto, type BackupKind, type BackupLocation } from '../../../shared/api/backup';
import type { BackupContents } from './sqlite-task';

/**
 * The backups of one folder: `guichet-<UTC instant>-<kind>.sqlite`, each with a manifest beside it
 * (`….sqlite.json`) written once the copy has passed its check. A file without a manifest is listed as not verified.
 * Files being written end in `.partial` and are never listed.
 */

export const BACKUP_FOLDER = 'backups';
const MANIFEST = '.json';
export const PARTIAL = '.partial';

export interface Manifest {
  version: 1;
  kind: BackupKind;
  createdAt: string;
  bytes: number;
  verified: boolean;
  migrations: string[];
  contents: BackupContents | null;
}

export const primaryFolder = (dataDir: string) => path.join(dataDir, BACKUP_FOLDER);

/** A file name that sorts by time and says what it is: guichet-20261126T090000123Z-manual.sqlite. */
export function backupFileName(kind: BackupKind, at: Date, folder: string): string {
  const stamp = at.toISOString().replace(/[-:.]/g, '');
  for (let n = 1; ; n++) {
    const name = `guichet-${stamp}-${kind}${n === 1 ? '' : `-${n}`}.sqlite`;
    const taken = [name, name + MANIFEST, name + PARTIAL].some((f) => existsSync(path.join(folder, f)));
    if (!taken) return name;
  }
}

function kindFromName(file: string): BackupKind {
  const match = /^guichet-\d{8}T\d{9}Z-([a-z-]+?)(?:-\d+)?\.sqlite$/.exec(file);
  const kind = match?.[1] as BackupKind | undefined;
  return kind && BACKUP_KINDS.includes(kind) ? kind : 'unknown';
}

export async function writeManifest(file: string, manifest: Manifest): Promise<void> {
  const target = file + MANIFEST;
  const partial = target + PARTIAL;
  await fs.writeFile(partial, JSON.stringify(manifest, null, 2));
  await fs.rename(partial, target);
}

async function readManifest(file: string): Promise<Manifest | null> {
  try {
    const value = JSON.parse(await fs.readFile(file + MANIFEST, 'utf8')) as Partial<Manifest> | null;
    return value?.version === 1 ? (value as Manifest) : null;
  } catch {
    return null;
  }
}

export function toDto(location: BackupLocation, file: string, manifest: Manifest): BackupDto {
  return {
    location,
    file,
    kind: manifest.kind,
    createdAt: manifest.createdAt,
    bytes: manifest.bytes,
    verified: manifest.verified,
    schema: manifest.migrations[manifest.migrations.length - 1] ?? null,
  };
}

/** Every backup in a folder, newest first. A folder that does not exist holds none. */
export async function listFolder(folder: string, location: BackupLocation): Promise<BackupDto[]> {
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return [];
  }
  const backups = await Promise.all(
    names
      .filter((name) => name.endsWith('.sqlite'))
      .map(async (name): Promise<BackupDto | null> => {
        const file = path.join(folder, name);
        const manifest = await readManifest(file);
        if (manifest) return toDto(location, name, manifest);
        const stat = await fs.stat(file).catch(() => null);
        if (!stat?.isFile()) return null;
        return {
          location,
          file: name,
          kind: kindFromName(name),
          createdAt: stat.mtime.toISOString(),
          bytes: stat.size,
          verified: false,
          schema: null,
        };
      }),
  );
  return backups.filter((b): b is BackupDto => b !== null).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Removes a backup and its manifest. */
export async function removeBackup(folder: string, name: string): Promise<void> {
  await fs.rm(path.join(folder, name + MANIFEST), { force: true });
  await fs.rm(path.join(folder, name), { force: true });
}

/** What a crash in the middle of a copy left behind: never a backup, always safe to remove. */
export async function removePartials(folder: string): Promise<void> {
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => n.endsWith(PARTIAL)).map((n) => fs.rm(path.join(folder, n), { force: true })));
}

/** Flushes a folder's entries (a rename) to disk; Windows has no directory handles to sync, NTFS journals them. */
export async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flushes a file's content to disk before it is renamed into place. */
export async function syncFile(file: string): Promise<void> {
  const handle = await fs.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
