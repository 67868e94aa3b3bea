import type { BackupDto } from '../../../shared/api';

const DAY_MS = 86_400_000;

/** "840 Ko", "12,4 Mo", "1,78 Go" (French decimal comma; units in the language's own words). */
export function formatBytes(bytes: number, locale: string, units: readonly [string, string, string, string]): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toLocaleString(locale, { maximumFractionDigits: digits })} ${units[unit] ?? ''}`;
}

export type BackupFreshness = 'fresh' | 'stale' | 'none';

/** The shell warns when the last good backup is more than a day old, or when there is none. */
export function freshness(lastGoodAt: string | null, now: Date): BackupFreshness {
  if (!lastGoodAt) return 'none';
  return now.getTime() - Date.parse(lastGoodAt) > DAY_MS ? 'stale' : 'fresh';
}

/** Whole days since the last good backup, for "il y a 3 jours". */
export function daysSince(iso: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(iso)) / DAY_MS));
}

/** Only a backup that passed its check is offered for a restore from the list (the preview checks it again). */
export const restorable = (backup: BackupDto) => backup.verified && backup.kind !== 'damaged';
