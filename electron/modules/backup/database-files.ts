import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { BackupDto } from '../../../shared/api/backup';
import { DATABASE_FILE } from '../../db/data-source';
import { backupFileName, primaryFolder, syncFile, syncFolder, toDto, writeManifest, type Manifest } from './catalogue';
import { diskError } from './disk-errors';

/** The files SQLite keeps beside a database: they belong to that database file and to no other. */
const COMPANIONS = ['-wal', '-shm', '-journal'] as const;

/**
 * Puts a (verified) backup in place of the closed database: copied beside it under a temporary name and synced, the
 * old -wal and -shm removed (left there, SQLite would replay them into the restored file), then renamed over it in
 * one step. Until the rename the old database is whole; after it, the restored one is.
 */
export async function installDatabase(source: string, dataDir: string): Promise<void> {
  const target = path.join(dataDir, DATABASE_FILE);
  const incoming = `${target}.restoring`;
  try {
    await fs.copyFile(source, incoming);
    await syncFile(incoming);
  } catch (error) {
    await fs.rm(incoming, { force: true }).catch(() => undefined);
    throw diskError(error, dataDir);
  }
  for (const suffix of COMPANIONS) await fs.rm(target + suffix, { force: true });
  await fs.rename(incoming, target);
  await syncFolder(dataDir);
}

/**
 * Moves a damaged database (with its -wal and -shm, which hold part of its data) into the backups folder, listed as
 * "damaged": nothing is ever deleted, and a specialist may still recover something from it.
 */
export async function setAsideDamaged(dataDir: string, at: Date): Promise<BackupDto | null> {
  const source = path.join(dataDir, DATABASE_FILE);
  if (!existsSync(source)) return null;
  const folder = primaryFolder(dataDir);
  await fs.mkdir(folder, { recursive: true });
  const name = backupFileName('damaged', at, folder);
  const target = path.join(folder, name);
  for (const suffix of COMPANIONS) {
    if (existsSync(source + suffix)) await fs.rename(source + suffix, target + suffix);
  }
  await fs.rename(source, target);
  const manifest: Manifest = {
    version: 1,
    kind: 'damaged',
    createdAt: at.toISOString(),
    bytes: (await fs.stat(target)).size,
    verified: false,
    migrations: [],
    contents: null,
  };
  await writeManifest(target, manifest);
  await syncFolder(folder);
  return toDto('primary', name, manifest);
}

/**
 * A file that exists while the app has its database open: found at start-up, it means the last run did not close
 * (crash, power cut, killed), and the start-up check is then a full integrity_check instead of a quick_check.
 */
export class RunMarker {
  private readonly file: string;
  /** Whether the previous run left its marker behind. */
  readonly leftBehind: boolean;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'guichet.running');
    this.leftBehind = existsSync(this.file);
  }

  write(at: Date): void {
    writeFileSync(this.file, JSON.stringify({ pid: process.pid, startedAt: at.toISOString() }));
  }

  /** Who left it (for the log); null when unreadable. */
  previous(): { pid: number; startedAt: string } | null {
    try {
      return JSON.parse(readFileSync(this.file, 'utf8')) as { pid: number; startedAt: string };
    } catch {
      return null;
    }
  }

  remove(): void {
    rmSync(this.file, { force: true });
  }
}
