import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError, nativeHandle, openDatabase } from '../../electron/db/data-source';
import { Database, AuditMissingError } from '../../electron/db/database';
import { AuditEntity, UserEntity } from '../../electron/db/entities';
import { migrations } from '../../electron/db/migrations';
import { ManualClock } from '../../electron/clock';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'guichet-db-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('database', () => {
  it('opens with WAL, synchronous=FULL and foreign keys on', async () => {
    const ds = await openDatabase(tempDir());
    const handle = nativeHandle(ds);
    expect(handle.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(handle.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(handle.pragma('foreign_keys', { simple: true })).toBe(1);
    await ds.destroy();
  });

  it('runs every migration, and the entities agree with the migrated schema', async () => {
    const ds = await openDatabase(tempDir());
    const executed: { name: string }[] = await ds.query('SELECT name FROM migrations ORDER BY id');
    expect(executed.map((m) => m.name)).toEqual(migrations.map((M) => new M().name));
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    await ds.destroy();
  });

  it('reopening an up-to-date database runs nothing', async () => {
    const dir = tempDir();
    await (await openDatabase(dir)).destroy();
    const ds = await openDatabase(dir);
    expect(await ds.showMigrations()).toBe(false);
    await ds.destroy();
  });

  it('refuses a database migrated by a newer Guichet, with a French message, and leaves it untouched', async () => {
    const dir = tempDir();
    const first = await openDatabase(dir);
    await first.query("INSERT INTO migrations (timestamp, name) VALUES (9999999999999, 'FromTheFuture9999999999999')");
    await first.destroy();
    const error = await openDatabase(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseTooNewError);
    expect((error as Error).message).toContain('version plus récente de Guichet');
    const again = await openDatabase(dir).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(DatabaseTooNewError);
  });

  it('rolls back a write that leaves no audit entry', async () => {
    const ds = await openDatabase(tempDir());
    const db = new Database(ds, new ManualClock(new Date('2026-11-26T10:00:00Z')));
    const actor = { userId: null, username: null };
    const attempt = db.write(actor, 'test.noAudit', async (tx) => {
      await tx.em.insert(UserEntity, {
        username: 'ghost',
        displayName: 'Ghost',
        role: 'cashier',
        passwordHash: 'x',
        active: true,
        failedAttempts: 0,
        lockedUntil: null,
        createdAt: tx.now.toISOString(),
        updatedAt: tx.now.toISOString(),
      });
    });
    await expect(attempt).rejects.toBeInstanceOf(AuditMissingError);
    expect(await ds.manager.count(UserEntity)).toBe(0);
    expect(await ds.manager.count(AuditEntity)).toBe(0);
    await ds.destroy();
  });

  it('keeps the audit log append-only, even against direct SQL', async () => {
    const ds = await openDatabase(tempDir());
    const db = new Database(ds, new ManualClock(new Date('2026-11-26T10:00:00Z')));
    await db.write({ userId: null, username: null }, 'test', (tx) =>
      tx.audit({ action: 'test', entity: 'n', summary: {} }),
    );
    await expect(ds.query("UPDATE audit_log SET action = 'forged'")).rejects.toThrow('append-only');
    await expect(ds.query('DELETE FROM audit_log')).rejects.toThrow('append-only');
    expect(await ds.manager.count(AuditEntity)).toBe(1);
    await ds.destroy();
  });

  it('serialises concurrent writes: interleaved transactions never mix', async () => {
    const ds = await openDatabase(tempDir());
    const db = new Database(ds, new ManualClock(new Date('2026-11-26T10:00:00Z')));
    const actor = { userId: null, username: null };
    const writes = Array.from({ length: 20 }, (_, i) =>
      db.write(actor, 'test.concurrent', async (tx) => {
        await tx.audit({ action: 'test', entity: 'n', entityId: i, summary: { step: 1 } });
        await new Promise((r) => setTimeout(r, 1));
        if (i % 4 === 0) throw new Error('abandon');
        await tx.audit({ action: 'test', entity: 'n', entityId: i, summary: { step: 2 } });
      }),
    );
    const results = await Promise.allSettled(writes);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(5);
    const rows = await ds.manager.find(AuditEntity, { order: { id: 'ASC' } });
    // Only the 15 committed writes remain, each with both of its entries side by side.
    expect(rows).toHaveLength(30);
    for (let i = 0; i < rows.length; i += 2) expect(rows[i]?.entityId).toBe(rows[i + 1]?.entityId);
    await ds.destroy();
  });
});
