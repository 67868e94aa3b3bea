import { describe, expect, it } from 'vitest';
import type { BackupKind } from '../../../shared/api/backup';
import { backupsToDelete, type RotatedBackup } from './rotation';

const DAY = 86_400_000;
const START = Date.parse('2026-01-01T10:00:00Z');

function backup(day: number, kind: BackupKind = 'daily', verified = true, hour = 0): RotatedBackup {
  const at = new Date(START + day * DAY + hour * 3_600_000).toISOString();
  return { file: `${kind}-${day}-${hour}.sqlite`, kind, createdAt: at, verified };
}

const kept = (all: RotatedBackup[]) => {
  const deleted = new Set(backupsToDelete(all));
  return all.filter((b) => !deleted.has(b.file)).map((b) => b.file);
};

describe('backup rotation', () => {
  it('keeps everything while there are fewer than 7 days of backups', () => {
    const all = Array.from({ length: 6 }, (_, day) => backup(day));
    expect(backupsToDelete(all)).toEqual([]);
  });

  it('keeps the newest of each day, of the last 4 weeks and of the last 12 months', () => {
    const all = Array.from({ length: 400 }, (_, day) => backup(day));
    const files = kept(all);
    // The last 7 days…
    for (let day = 393; day < 400; day++) expect(files).toContain(`daily-${day}-0.sqlite`);
    // …12 months in all, so nothing older than a year and a few days.
    expect(files.length).toBeLessThanOrEqual(3 + 7 + 4 + 12);
    expect(files.length).toBeGreaterThanOrEqual(7 + 12);
    expect(files).not.toContain('daily-0-0.sqlite');
  });

  it('keeps the 3 latest backups, then only the newest of a day when several were made', () => {
    const day10 = [backup(10, 'startup', true, 0), backup(10, 'manual', true, 3), backup(10, 'daily', true, 5)];
    expect(kept(day10)).toHaveLength(3);
    const later = [backup(11, 'startup', true, 0), backup(11, 'manual', true, 3), backup(11, 'daily', true, 5)];
    expect(kept([...day10, ...later]).sort()).toEqual([
      'daily-10-5.sqlite',
      'daily-11-5.sqlite',
      'manual-11-3.sqlite',
      'startup-11-0.sqlite',
    ]);
  });

  it('counts periods that hold a backup: a month closed for holidays keeps older ones', () => {
    const all = [
      ...Array.from({ length: 7 }, (_, day) => backup(day)),
      ...Array.from({ length: 7 }, (_, i) => backup(60 + i)),
    ];
    const files = kept(all);
    expect(files).toContain('daily-66-0.sqlite');
    // The newest of the earlier month stays as its monthly backup.
    expect(files).toContain('daily-6-0.sqlite');
  });

  it('keeps the last 5 pre-migration and pre-restore copies apart from the regular ones', () => {
    const safety = Array.from({ length: 8 }, (_, day) => backup(day, 'pre-restore'));
    const files = kept([...safety, ...Array.from({ length: 30 }, (_, day) => backup(day))]);
    expect(files.filter((f) => f.startsWith('pre-restore')).sort()).toEqual(
      [3, 4, 5, 6, 7].map((day) => `pre-restore-${day}-0.sqlite`),
    );
  });

  it('never deletes a file that was not verified, a damaged copy or a file put there by hand', () => {
    const all = [
      ...Array.from({ length: 40 }, (_, day) => backup(day)),
      backup(1, 'daily', false, 7),
      backup(2, 'damaged', false),
      backup(3, 'unknown', false),
    ];
    const deleted = backupsToDelete(all);
    expect(deleted).toContain('daily-1-0.sqlite');
    for (const file of ['daily-1-7.sqlite', 'damaged-2-0.sqlite', 'unknown-3-0.sqlite']) {
      expect(deleted).not.toContain(file);
    }
  });
});
