import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, withStaff, type TestApp } from '../support/core';
import { dataSnapshot } from '../support/snapshot';

let app: TestApp;
afterEach(() => app.close());

describe('catalogue', () => {
  it('starts with the seeded catalogue: every kind, domains with renewal and late fee', async () => {
    app = await openTestApp();
    await withStaff(app);
    const products = await app.ok('cashier', 'catalog.list', {});
    expect(new Set(products.map((p) => p.kind))).toEqual(
      new Set([
        'hosting',
        'domain',
        'ssl',
        'email',
        'vps',
        'dedicated',
        'outsourcing_mission',
        'outsourcing_monthly',
        'website',
        'backup_restore',
      ]),
    );
    const ma = products.find((p) => p.tld === '.ma');
    expect(ma?.prices).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ priceType: 'renew', months: 12, currency: 'MAD', amount: 25_000 }),
        expect.objectContaining({ priceType: 'late_fee', months: 0, currency: 'MAD', amount: 15_000 }),
      ]),
    );
    const starter = products.find((p) => p.code === 'HEB-STARTER');
    expect(starter?.prices.filter((p) => p.currency === 'MAD').map((p) => p.months)).toEqual([1, 3, 6, 12]);
    expect(starter?.vatRate).toBe(2000);
  });

  it('a new price applies from now on and the old one stays in the history', async () => {
    app = await openTestApp();
    await withStaff(app);
    const [ma] = (await app.ok('manager', 'catalog.list', {})).filter((p) => p.tld === '.ma');
    if (!ma) throw new Error('no .ma');
    app.clock.advance(60_000);
    const updated = await app.ok('manager', 'catalog.setPrice', {
      productId: ma.id,
      priceType: 'renew',
      months: 12,
      currency: 'MAD',
      amount: 27_500,
    });
    expect(updated.prices.find((p) => p.priceType === 'renew' && p.currency === 'MAD')?.amount).toBe(27_500);
    const history = await app.ok('manager', 'catalog.priceHistory', { productId: ma.id });
    expect(history.filter((p) => p.priceType === 'renew' && p.currency === 'MAD').map((p) => p.amount)).toEqual([
      27_500, 25_000,
    ]);
    expect(
      await app.call('cashier', 'catalog.setPrice', {
        productId: ma.id,
        priceType: 'renew',
        months: 12,
        currency: 'MAD',
        amount: 1,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('creates and edits products with French validation', async () => {
    app = await openTestApp();
    await withStaff(app);
    const before = await dataSnapshot(app);
    expect(
      await app.call('manager', 'catalog.create', { code: 'DOM.XYZ', kind: 'domain', name: 'Nom de domaine .xyz' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { tld: "L'extension est obligatoire pour un nom de domaine." } },
    });
    expect(
      await app.call('manager', 'catalog.create', { code: 'HEB-PRO', kind: 'hosting', name: 'Doublon' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { code: 'Code déjà utilisé.' } },
    });
    expect(await dataSnapshot(app)).toBe(before);
    const xyz = await app.ok('manager', 'catalog.create', {
      code: 'dom.xyz',
      kind: 'domain',
      name: 'Nom de domaine .xyz',
      tld: '.XYZ',
    });
    expect(xyz).toMatchObject({ code: 'DOM.XYZ', tld: '.xyz', vatRate: 2000, prices: [] });
    const renamed = await app.ok('manager', 'catalog.update', {
      id: xyz.id,
      product: { code: 'DOM.XYZ', kind: 'domain', name: 'Domaine .xyz', tld: '.xyz', active: false },
    });
    expect(renamed).toMatchObject({ name: 'Domaine .xyz', active: false });
    expect((await app.ok('manager', 'catalog.list', {})).some((p) => p.id === xyz.id)).toBe(false);
    expect((await app.ok('manager', 'catalog.list', { includeInactive: true })).some((p) => p.id === xyz.id)).toBe(
      true,
    );
  });
});
