import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, nativeHandle, openDatabase } from '../../electron/db/data-source';
import { entryHash, GENESIS_HASH, sha256Hex, verifyAuditChain } from '../../electron/modules/audit/chain';
import type { AuditChainReport } from '../../shared/api';
import { openTestApp, withStaff, type TestApp } from '../support/core';
import { legacyOffice } from '../support/legacy-office';

let app: TestApp | null = null;
const dirs: string[] = [];
afterEach(async () => {
  await app?.close();
  app = null;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** An office with some history: staff, logins, clients created and changed. */
async function officeWithHistory(): Promise<TestApp> {
  const opened = await openTestApp();
  await withStaff(opened);
  for (const firstName of ['Sara', 'Omar', 'Lina']) {
    const client = await opened.ok('cashier', 'clients.create', {
      kind: 'individual',
      firstName,
      lastName: 'Bennani',
      phones: ['0661000001'],
    });
    await opened.ok('cashier', 'clients.update', {
      id: client.id,
      client: { kind: 'individual', firstName, lastName: 'Bennani', phones: ['0661000002'], city: 'Rabat' },
    });
  }
  return opened;
}

/** A second connection to the office's file, as someone editing it with a SQLite tool would have. */
function tamper(dataDir: string, sql: string[]): void {
  const db = new Sqlite(path.join(dataDir, DATABASE_FILE));
  try {
    db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
    for (const statement of sql) db.exec(statement);
  } finally {
    db.close();
  }
}

const check = (opened: TestApp) => opened.ok('manager', 'audit.verifyChain', {});

describe('the audit log is hash-chained', () => {
  it('links every entry to the one before it, from the genesis hash, and the check walks it whole', async () => {
    app = await officeWithHistory();
    const rows = nativeHandle(app.core.db.dataSource)
      .prepare(
        'SELECT id, at, user_id AS userId, username, action, entity, entity_id AS entityId, summary, summary_hash AS summaryHash, prev_hash AS prevHash, hash FROM audit_log ORDER BY id',
      )
      .all() as { id: number; summary: string; summaryHash: string; prevHash: string; hash: string }[];
    expect(rows.length).toBeGreaterThan(8);
    let prev = GENESIS_HASH;
    rows.forEach((row, index) => {
      expect(row.id).toBe(index + 1);
      expect(row.prevHash).toBe(prev);
      expect(row.summaryHash).toBe(sha256Hex(row.summary));
      expect(row.hash).toBe(entryHash(prev, row as never));
      prev = row.hash;
    });
    const report: AuditChainReport = await check(app);
    expect(report).toMatchObject({
      checked: rows.length,
      redacted: 0,
      lastId: rows.length,
      headHash: prev,
      broken: null,
    });
    console.log(`audit chain: ${report.checked} entries verified`);
  });

  it('reports an entry whose columns were edited behind the app, at that entry', async () => {
    app = await officeWithHistory();
    tamper(app.dataDir, ["UPDATE audit_log SET username = 'quelquun' WHERE id = 5"]);
    expect((await check(app)).broken).toMatchObject({
      id: 5,
      reason: 'hash',
      message: expect.stringContaining('n° 5'),
    });
  });

  it('reports a rewritten summary, even with the hash columns left alone', async () => {
    app = await officeWithHistory();
    tamper(app.dataDir, [`UPDATE audit_log SET summary = '{"city":["Rabat","Fès"]}' WHERE id = 7`]);
    const report = await check(app);
    expect(report.broken).toMatchObject({ id: 7, reason: 'summary' });
    expect(report.checked).toBe(6);
  });

  it('reports a removed entry at the one that followed it, and entries cut off the end', async () => {
    app = await officeWithHistory();
    tamper(app.dataDir, ['DELETE FROM audit_log WHERE id = 4']);
    expect((await check(app)).broken).toMatchObject({ id: 5, reason: 'link' });
    await app.close();

    app = await officeWithHistory();
    const last = (await check(app)).lastId ?? 0;
    tamper(app.dataDir, [`DELETE FROM audit_log WHERE id >= ${last - 1}`]);
    expect((await check(app)).broken).toMatchObject({ id: last, reason: 'truncated' });
  });

  it('reports an entry recomputed on its own: the next link no longer matches', async () => {
    app = await officeWithHistory();
    const handle = nativeHandle(app.core.db.dataSource);
    const row = handle.prepare('SELECT * FROM audit_log WHERE id = 3').get() as Record<string, string | number | null>;
    const forged = JSON.stringify({ forged: true });
    const summaryHash = sha256Hex(forged);
    const hash = entryHash(String(row.prev_hash), {
      id: 3,
      at: String(row.at),
      userId: row.user_id as number | null,
      username: row.username as string | null,
      action: String(row.action),
      entity: String(row.entity),
      entityId: row.entity_id as string | null,
      summaryHash,
    });
    tamper(app.dataDir, [
      `UPDATE audit_log SET summary = '${forged}', summary_hash = '${summaryHash}', hash = '${hash}' WHERE id = 3`,
    ]);
    expect((await check(app)).broken).toMatchObject({ id: 4, reason: 'link' });
  });

  it('still verifies after a lawful anonymisation, and refuses a redaction nobody recorded', async () => {
    app = await officeWithHistory();
    const clients = await app.ok('cashier', 'clients.list', { page: 1, pageSize: 10 });
    const first = clients.rows.find((c) => c.displayName.includes('Sara'));
    if (!first) throw new Error('no client');
    await app.ok('admin', 'clients.anonymize', { id: first.id, reason: 'Demande du client' });
    const report = await check(app);
    expect(report.broken).toBeNull();
    expect(report.redacted).toBe(2);

    const other = clients.rows.find((c) => c.displayName.includes('Omar'));
    const id = nativeHandle(app.core.db.dataSource)
      .prepare("SELECT MIN(id) FROM audit_log WHERE entity = 'client' AND entity_id = ?")
      .pluck()
      .get(String(other?.id)) as number;
    tamper(app.dataDir, [`UPDATE audit_log SET summary = '{"_redacted":true,"fields":["city"]}' WHERE id = ${id}`]);
    expect((await check(app)).broken).toMatchObject({ id, reason: 'summary' });
  });

  it('keeps the chain columns out of reach of the append-only exception for redactions', async () => {
    app = await officeWithHistory();
    const ds = app.core.db.dataSource;
    await expect(ds.query("UPDATE audit_log SET hash = 'x' WHERE id = 2")).rejects.toThrow('append-only');
    await expect(
      ds.query(`UPDATE audit_log SET summary = '{"_redacted":true}', prev_hash = 'x' WHERE id = 2`),
    ).rejects.toThrow('append-only');
    expect((await check(app)).broken).toBeNull();
  });

  it('is checked by managers only', async () => {
    app = await officeWithHistory();
    expect(await app.call('cashier', 'audit.verifyChain', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});

describe('migration 0009 chains a log written before it', () => {
  it('gives every existing entry its hashes in id order, changing nothing else', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'guichet-legacy-'));
    dirs.push(dir);
    await legacyOffice(dir, 25_000);
    const file = path.join(dir, DATABASE_FILE);
    const before = new Sqlite(file, { readonly: true });
    const original = before
      .prepare('SELECT id, at, user_id, username, action, entity, entity_id, summary FROM audit_log ORDER BY id')
      .all();
    before.close();

    const ds = await openDatabase(dir);
    try {
      const handle = nativeHandle(ds);
      const after = handle
        .prepare('SELECT id, at, user_id, username, action, entity, entity_id, summary FROM audit_log ORDER BY id')
        .all();
      expect(after).toEqual(original);
      const report = await verifyAuditChain(handle);
      expect(report).toMatchObject({ checked: 25_000, lastId: 25_000, broken: null });
      console.log(`migration 0009: ${report.checked} legacy entries chained and verified`);
      await expect(ds.query("UPDATE audit_log SET prev_hash = '' WHERE id = 10")).rejects.toThrow('append-only');
    } finally {
      await ds.destroy();
    }
  });
});
