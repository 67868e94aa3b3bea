import { DateTime } from 'luxon';
import type { BackupKind } from '../../../shared/api/backup';
import { ZONE } from '../../../shared/dates';

/**
 * How many regular backups are kept: the latest few whatever their day (one made by hand before a risky change stays
 * when the automatic one follows it), then the newest of each of the last days, weeks and months that have one.
 */
export const KEEP = { latest: 3, daily: 7, weekly: 4, monthly: 12, eachSafetyCopy: 5 } as const;

/** Regular backups rotate together; the copies taken before a migration or a restore are kept by count. */
const REGULAR: ReadonlySet<BackupKind> = new Set<BackupKind>(['startup', 'daily', 'manual']);
const SAFETY: readonly BackupKind[] = ['pre-migration', 'pre-restore'];

export interface RotatedBackup {
  file: string;
  kind: BackupKind;
  /** ISO instant. */
  createdAt: string;
  verified: boolean;
}

function newestPerPeriod(backups: RotatedBackup[], period: (at: DateTime) => string, periods: number): string[] {
  const seen = new Map<string, string>();
  for (const backup of backups) {
    const key = period(DateTime.fromISO(backup.createdAt, { zone: ZONE }));
    if (!seen.has(key)) seen.set(key, backup.file);
    if (seen.size === periods) break;
  }
  return [...seen.values()];
}

/**
 * The files rotation may delete. Counted in periods that hold a backup (not calendar periods), so that a closed week
 * or a month of holidays never empties the folder. Only verified backups made by Guichet rotate: a file that failed
 * its check, a copy of a damaged database or a file put there by hand is never deleted here.
 */
export function backupsToDelete(backups: readonly RotatedBackup[]): string[] {
  const newestFirst = [...backups].filter((b) => b.verified).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const regular = newestFirst.filter((b) => REGULAR.has(b.kind));
  const keep = new Set<string>([
    ...regular.slice(0, KEEP.latest).map((b) => b.file),
    ...newestPerPeriod(regular, (at) => at.toISODate() ?? '', KEEP.daily),
    ...newestPerPeriod(regular, (at) => `${at.weekYear}-W${at.weekNumber}`, KEEP.weekly),
    ...newestPerPeriod(regular, (at) => at.toFormat('yyyy-LL'), KEEP.monthly),
  ]);
  for (const kind of SAFETY) {
    for (const b of newestFirst.filter((x) => x.kind === kind).slice(0, KEEP.eachSafetyCopy)) keep.add(b.file);
  }
  return newestFirst
    .filter((b) => (REGULAR.has(b.kind) || SAFETY.includes(b.kind)) && !keep.has(b.file))
    .map((b) => b.file);
}
