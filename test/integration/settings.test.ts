import { afterEach, describe, expect, it } from 'vitest';
import { expectedRibKey } from '../../shared/identifiers';
import { openTestApp, withStaff, type TestApp } from '../support/core';
import { validCompany } from '../support/fixtures';
import { dataSnapshot } from '../support/snapshot';

let app: TestApp;
afterEach(() => app.close());

const ribBody = '0117800000012345678901';
const goodRib = ribBody + expectedRibKey(ribBody);
const badKeyRib = ribBody + (expectedRibKey(ribBody) === '00' ? '01' : '00');

describe('company settings', () => {
  it('saves, reloads and audits field by field', async () => {
    app = await openTestApp();
    await withStaff(app);
    expect(await app.ok('cashier', 'settings.getCompany', {})).toBeNull();
    const saved = await app.ok('admin', 'settings.saveCompany', { ...validCompany, rib: goodRib, capital: 10_000_000 });
    expect(saved.warnings).toEqual({});
    expect(await app.ok('cashier', 'settings.getCompany', {})).toMatchObject({
      ...validCompany,
      rib: goodRib,
      capital: 10_000_000,
      defaultVatRate: 2000,
    });

    await app.ok('admin', 'settings.saveCompany', {
      ...validCompany,
      rib: goodRib,
      capital: 10_000_000,
      city: 'Rabat',
    });
    const audit = await app.ok('admin', 'audit.list', { action: 'settings.save' });
    expect(audit.rows[0]).toMatchObject({
      entity: 'settings',
      entityId: 'company',
      username: 'admin',
      summary: { city: ['Casablanca', 'Rabat'] },
    });
  });

  it('warns about a RIB whose key does not match, but saves it', async () => {
    app = await openTestApp();
    await withStaff(app);
    const saved = await app.ok('admin', 'settings.saveCompany', { ...validCompany, rib: badKeyRib });
    expect(saved.warnings.rib).toContain(`clé attendue : ${expectedRibKey(ribBody)}`);
    expect((await app.ok('admin', 'settings.getCompany', {}))?.rib).toBe(badKeyRib);
  });

  it('refuses an invalid ICE with a French field message and changes nothing', async () => {
    app = await openTestApp();
    await withStaff(app);
    await app.ok('admin', 'settings.saveCompany', validCompany);
    const before = await dataSnapshot(app);
    const result = await app.call('admin', 'settings.saveCompany', {
      ...validCompany,
      ice: '00152548700008',
      city: 'Fès',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { ice: "L'ICE doit comporter 15 chiffres (ici 14)." } },
    });
    expect(await dataSnapshot(app)).toBe(before);
  });

  it('is read by everyone but saved only by an admin', async () => {
    app = await openTestApp();
    await withStaff(app);
    expect(await app.call('manager', 'settings.saveCompany', validCompany)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await app.call('manager', 'settings.saveSecurity', { idleLockMinutes: 3 })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await app.ok('cashier', 'settings.getSecurity', {})).toEqual({ idleLockMinutes: 10 });
  });

  it('keeps the idle time across a restart', async () => {
    app = await openTestApp();
    await withStaff(app);
    await app.ok('admin', 'settings.saveSecurity', { idleLockMinutes: 3 });
    await app.core.close();
    const { openCore } = await import('../../electron/core');
    const reopened = await openCore({ dataDir: app.dataDir, log: () => undefined });
    expect(reopened.sessions.idleLockMinutes).toBe(3);
    app.core = reopened;
  });
});

describe('audit log', () => {
  it('filters by user, action and Casablanca calendar day, newest first, paged', async () => {
    app = await openTestApp();
    await withStaff(app);
    const all = await app.ok('admin', 'audit.list', {});
    expect(all.total).toBe(all.rows.length);
    expect(all.rows.map((r) => r.id)).toEqual([...all.rows.map((r) => r.id)].sort((a, b) => b - a));
    const page = await app.ok('admin', 'audit.list', { page: 2, pageSize: 2 });
    expect(page.rows.map((r) => r.id)).toEqual(all.rows.slice(2, 4).map((r) => r.id));
    expect(
      (await app.ok('admin', 'audit.list', { action: 'staff.' })).rows.every((r) => r.action.startsWith('staff.')),
    ).toBe(true);
    // 2026-11-26T09:00Z is 10:00 in Casablanca on the 26th (UTC+1).
    expect((await app.ok('admin', 'audit.list', { from: '2026-11-26', to: '2026-11-26' })).total).toBe(all.total);
    expect((await app.ok('admin', 'audit.list', { from: '2026-11-27' })).total).toBe(0);
    app.clock.set(new Date('2026-11-26T23:30:00Z')); // 00:30 on the 27th in Casablanca
    await app.ok('admin', 'auth.unlock', { password: 'admin-secret-1' }); // idle all those hours
    await app.ok('admin', 'settings.saveSecurity', { idleLockMinutes: 12 });
    expect((await app.ok('admin', 'audit.list', { from: '2026-11-27' })).rows.map((r) => r.action)).toEqual([
      'settings.save',
      'auth.unlock',
    ]);
  });
});
