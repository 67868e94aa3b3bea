import { afterEach, describe, expect, it } from 'vitest';
import { UserEntity } from '../../electron/db/entities';
import { openTestApp, withStaff, type TestApp } from '../support/core';

let app: TestApp;
afterEach(() => app.close());

const MINUTE = 60_000;

async function auditActions(): Promise<string[]> {
  const page = await app.ok('admin', 'audit.list', { pageSize: 200 });
  return page.rows.map((r) => r.action);
}

describe('first run', () => {
  it('creates the admin once, logged in, then refuses a second one', async () => {
    app = await openTestApp();
    const session = await app.ok('w1', 'auth.setupAdmin', {
      username: 'Admin',
      displayName: 'Amina',
      password: 'long-enough-1',
    });
    expect(session.user).toMatchObject({ username: 'admin', role: 'admin', active: true });
    expect((await app.ok('w1', 'auth.status', {})).setupNeeded).toBe(false);
    const again = await app.call('w2', 'auth.setupAdmin', {
      username: 'other',
      displayName: 'X',
      password: 'long-enough-2',
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await app.core.db.reader.count(UserEntity)).toBe(1);
  });

  it('stores passwords as scrypt with OWASP parameters, never in clear', async () => {
    app = await openTestApp();
    await app.ok('w1', 'auth.setupAdmin', { username: 'admin', displayName: 'Amina', password: 'long-enough-1' });
    const row = await app.core.db.reader.findOneByOrFail(UserEntity, { username: 'admin' });
    expect(row.passwordHash).toMatch(/^scrypt\$17\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]{44}$/);
    expect(row.passwordHash).not.toContain('long-enough-1');
  });
});

describe('login and lockout', () => {
  it('logs in and out, and refuses calls once logged out', async () => {
    app = await openTestApp();
    await withStaff(app);
    expect((await app.ok('cashier', 'auth.status', {})).session?.user.username).toBe('caissier');
    await app.ok('cashier', 'auth.logout', {});
    expect(await app.call('cashier', 'auth.ping', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await auditActions()).toEqual(
      expect.arrayContaining(['auth.login', 'auth.logout', 'staff.create', 'auth.setupAdmin']),
    );
  });

  it('gives the same answer for an unknown name and a wrong password', async () => {
    app = await openTestApp();
    await withStaff(app);
    const unknown = await app.call('x', 'auth.login', { username: 'nobody', password: 'whatever-1' });
    const wrong = await app.call('x', 'auth.login', { username: 'caissier', password: 'whatever-1' });
    expect(unknown).toEqual(wrong);
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS', message: 'Identifiant ou mot de passe incorrect.' },
    });
  });

  it('locks the account for 15 minutes after 5 failures, even for the right password; then it opens again', async () => {
    app = await openTestApp();
    await withStaff(app);
    for (let i = 1; i <= 4; i++) {
      expect(await app.call('x', 'auth.login', { username: 'caissier', password: `wrong-${i}` })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_CREDENTIALS' },
      });
    }
    const fifth = await app.call('x', 'auth.login', { username: 'caissier', password: 'wrong-5' });
    expect(fifth).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    expect(fifth.ok ? '' : fifth.error.message).toContain('Compte verrouillé');
    const right = await app.call('x', 'auth.login', { username: 'caissier', password: 'cashier-secret-1' });
    expect(right).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    expect(await auditActions()).toContain('auth.locked');

    app.clock.advance(14 * MINUTE);
    expect(await app.call('x', 'auth.login', { username: 'caissier', password: 'cashier-secret-1' })).toMatchObject({
      ok: false,
    });
    app.clock.advance(2 * MINUTE);
    expect(await app.call('x', 'auth.login', { username: 'caissier', password: 'cashier-secret-1' })).toMatchObject({
      ok: true,
    });
  });

  it('a manager unlocks a locked account at once; a cashier cannot', async () => {
    app = await openTestApp();
    await withStaff(app);
    for (let i = 0; i < 5; i++) await app.call('x', 'auth.login', { username: 'caissier', password: 'wrong-pass' });
    const locked = await app.core.db.reader.findOneByOrFail(UserEntity, { username: 'caissier' });
    expect(locked.lockedUntil).not.toBeNull();
    expect(await app.call('cashier', 'staff.unlock', { id: locked.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await app.ok('manager', 'staff.unlock', { id: locked.id })).toMatchObject({
      lockedUntil: null,
      failedAttempts: 0,
    });
    expect(await app.call('x', 'auth.login', { username: 'caissier', password: 'cashier-secret-1' })).toMatchObject({
      ok: true,
    });
  });

  it('a disabled account cannot log in and its open sessions end', async () => {
    app = await openTestApp();
    await withStaff(app);
    const cashier = await app.core.db.reader.findOneByOrFail(UserEntity, { username: 'caissier' });
    await app.ok('admin', 'staff.update', {
      id: cashier.id,
      displayName: cashier.displayName,
      role: 'cashier',
      active: false,
    });
    expect(await app.call('cashier', 'auth.ping', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await app.call('x', 'auth.login', { username: 'caissier', password: 'cashier-secret-1' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS' },
    });
  });

  it('keeps at least one active admin', async () => {
    app = await openTestApp();
    await withStaff(app);
    const admin = await app.core.db.reader.findOneByOrFail(UserEntity, { username: 'admin' });
    const demote = await app.call('admin', 'staff.update', {
      id: admin.id,
      displayName: 'Amina',
      role: 'manager',
      active: true,
    });
    expect(demote).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('idle lock', () => {
  it('locks the session after the idle time; the password opens it again', async () => {
    app = await openTestApp();
    await withStaff(app);
    await app.ok('admin', 'settings.saveSecurity', { idleLockMinutes: 5 });
    app.clock.advance(4 * MINUTE);
    await app.ok('cashier', 'auth.ping', {});
    app.clock.advance(4 * MINUTE);
    await app.ok('cashier', 'auth.ping', {}); // activity within 5 minutes keeps it open
    app.clock.advance(6 * MINUTE);
    expect(await app.call('cashier', 'auth.ping', {})).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
    expect((await app.ok('cashier', 'auth.status', {})).session?.locked).toBe(true);
    expect(await app.call('cashier', 'auth.unlock', { password: 'nope-nope' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS' },
    });
    expect((await app.ok('cashier', 'auth.unlock', { password: 'cashier-secret-1' })).locked).toBe(false);
    await app.ok('cashier', 'auth.ping', {});
  });

  it('locks on request', async () => {
    app = await openTestApp();
    await withStaff(app);
    await app.ok('cashier', 'auth.lock', {});
    expect(await app.call('cashier', 'auth.ping', {})).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
  });
});

describe('password change', () => {
  it('needs the current password', async () => {
    app = await openTestApp();
    await withStaff(app);
    const bad = await app.call('cashier', 'auth.changePassword', {
      currentPassword: 'wrong-one',
      newPassword: 'new-secret-1',
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { currentPassword: expect.any(String) } },
    });
    await app.ok('cashier', 'auth.changePassword', {
      currentPassword: 'cashier-secret-1',
      newPassword: 'new-secret-1',
    });
    await app.ok('cashier', 'auth.logout', {});
    expect(await app.call('c2', 'auth.login', { username: 'caissier', password: 'new-secret-1' })).toMatchObject({
      ok: true,
    });
  });
});
