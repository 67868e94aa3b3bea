import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, nativeHandle, openDatabase } from '../../electron/db/data-source';
import { migrations } from '../../electron/db/migrations';
import { MONTHLY_CONTRACT_NAME } from '../../electron/db/migrations/0014-outsourcing-time';

const BEFORE_0014 = migrations.findIndex((M) => new M().name === 'OutsourcingTime0000000000014');

describe('migration 0014 over a filled catalogue', () => {
  it('makes the included hours a field, renames the seeded contract and gives it the hourly price', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'guichet-0014-'));
    const old = new DataSource({
      type: 'better-sqlite3',
      database: path.join(dir, DATABASE_FILE),
      migrations: migrations.slice(0, BEFORE_0014),
      migrationsTransactionMode: 'all',
    });
    await old.initialize();
    await old.runMigrations({ transaction: 'all' });
    const db = nativeHandle(old);
    const product = db.prepare(
      'INSERT INTO products (code, kind, name, vat_rate, estimated_hours, created_at, updated_at) ' +
        "VALUES (?, ?, ?, 2000, ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
    );
    const price = db.prepare(
      'INSERT INTO product_prices (product_id, price_type, months, currency, amount, effective_from, created_at) ' +
        "VALUES (?, ?, ?, ?, ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
    );
    const mission = product.run('INFOG-MISSION', 'outsourcing_mission', 'Infogérance ponctuelle', 2).lastInsertRowid;
    price.run(mission, 'hour', 0, 'MAD', 40_000);
    price.run(mission, 'hour', 0, 'EUR', 3_700);
    const seeded = product.run(
      'INFOG-MENSUEL',
      'outsourcing_monthly',
      'Infogérance mensuelle (surveillance, sauvegardes, pare-feu, 2 h d’administration incluses)',
      0,
    ).lastInsertRowid;
    price.run(seeded, 'period', 1, 'MAD', 150_000);
    // A contract the manager made with its own hourly price and name: both kept.
    const own = product.run('INFOG-PLUS', 'outsourcing_monthly', 'Infogérance Plus (2 h incluses)', 0).lastInsertRowid;
    price.run(own, 'hour', 0, 'MAD', 35_000);
    const hosting = product.run('HEB-STARTER', 'hosting', 'Hébergement Starter', 0).lastInsertRowid;
    await old.destroy();

    const ds = await openDatabase(dir);
    const products = await ds.query<{ id: number; name: string; included_hours: number }[]>(
      'SELECT id, name, included_hours FROM products ORDER BY id',
    );
    expect(products).toEqual([
      { id: Number(mission), name: 'Infogérance ponctuelle', included_hours: 0 },
      { id: Number(seeded), name: MONTHLY_CONTRACT_NAME, included_hours: 2 },
      { id: Number(own), name: 'Infogérance Plus (2 h incluses)', included_hours: 2 },
      { id: Number(hosting), name: 'Hébergement Starter', included_hours: 0 },
    ]);
    const hourly = await ds.query<{ product_id: number; currency: string; amount: number }[]>(
      "SELECT product_id, currency, amount FROM product_prices WHERE price_type = 'hour' ORDER BY product_id, currency",
    );
    expect(hourly).toEqual([
      { product_id: Number(mission), currency: 'EUR', amount: 3_700 },
      { product_id: Number(mission), currency: 'MAD', amount: 40_000 },
      { product_id: Number(seeded), currency: 'EUR', amount: 3_700 },
      { product_id: Number(seeded), currency: 'MAD', amount: 40_000 },
      { product_id: Number(own), currency: 'MAD', amount: 35_000 },
    ]);
    await ds.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
});
