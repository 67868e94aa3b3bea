import { describe, expect, it } from 'vitest';
import type { BackupDto } from '../../../shared/api';
import { daysSince, formatBytes, freshness, restorable } from './format';

const FR = ['o', 'Ko', 'Mo', 'Go'] as const;

describe('backup formatting', () => {
  it('writes sizes with a French decimal comma and the right unit', () => {
    expect(formatBytes(512, 'fr-FR', FR)).toBe('512 o');
    expect(formatBytes(860_160, 'fr-FR', FR)).toBe('840 Ko');
    expect(formatBytes(13_002_342, 'fr-FR', FR)).toBe('12,4 Mo');
    expect(formatBytes(1_778_692_096, 'fr-FR', FR)).toBe('1,66 Go');
    expect(formatBytes(1_778_692_096, 'en-GB', ['B', 'KB', 'MB', 'GB'])).toBe('1.66 GB');
  });

  it('calls a backup stale past one day, and says so when there is none', () => {
    const now = new Date('2026-11-26T10:00:00Z');
    expect(freshness(null, now)).toBe('none');
    expect(freshness('2026-11-25T11:00:00Z', now)).toBe('fresh');
    expect(freshness('2026-11-25T09:59:00Z', now)).toBe('stale');
    expect(daysSince('2026-11-23T09:00:00Z', now)).toBe(3);
  });

  it('offers only verified backups for a restore, never a damaged copy', () => {
    const base: BackupDto = {
      location: 'primary',
      file: 'a.sqlite',
      kind: 'daily',
      createdAt: '2026-11-26T10:00:00Z',
      bytes: 1,
      verified: true,
      schema: null,
    };
    expect(restorable(base)).toBe(true);
    expect(restorable({ ...base, verified: false })).toBe(false);
    expect(restorable({ ...base, kind: 'damaged' })).toBe(false);
  });
});
