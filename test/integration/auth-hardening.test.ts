import { afterEach, describe, expect, it } from 'vitest';
import { UserEntity } from '../../electron/db/entities';
import { fullCompany } from '../support/documents';
import { openTestApp, withStaff, type TestApp } from '../support/core';

let app: TestApp;
afterEach(() => app.close());

const locked = { ok: false, error: { code: 'ACCOUNT_LOCKED' } };

describe('lockout against a burst of attempts', () => {
  it('forty wrong passwords at once lock the account after the fifth; the right one sent with them is refused', async () => {
    app = await openTestApp();
    await withStaff(app);
    const burst = Array.from({ length: 40 }, (_, i) =>
      app.call(`attacker-${i}`, 'auth.login', { username: 'caissier', password: `wrong-guess-${i}` }),
    );
    const right = app.call('victim', 'auth.login', { username: 'caissier', password: 'cashier-secret-1' });
    const results = await Promise.all(burst);
    expect(results.filter((r) => !r.ok && r.error.code === 'INVALID_CREDENTIALS')).toHaveLength(4);
    expect(results.filter((r) => !r.ok && r.error.code === 'ACCOUNT_LOCKED')).toHaveLength(36);
    expect(await right).toMatchObject(locked);
    const audit = await app.ok('admin', 'audit.list', { action: 'auth.locked' });
    expect(audit.total).toBe(1);
  });

  it('counts a manager’s wrong approval passwords with the same lockout', async () => {
    app = await openTestApp();
    await withStaff(app);
    await app.ok('admin', 'settings.saveCompany', fullCompany);
    const client = await app.ok('cashier', 'clients.create', {
      kind: 'individual',
      firstName: 'Sara',
      lastName: 'Idrissi',
      phones: ['0661000001'],
    });
    await app.ok('cashier', 'cash.open', { desk: 'Guichet 1', float: 0 });
    const pay = (password: string, n: number) =>
      app.call('cashier', 'payments.record', {
        idempotencyKey: `approval-key-${n}`,
        clientId: client.id,
        amount: 2_500_000,
        details: { method: 'cash' },
        desk: 'Guichet 1',
        approval: { username: 'gerant', password, reason: 'Client sans compte bancaire' },
      });
    const tries = await Promise.all(Array.from({ length: 6 }, (_, i) => pay(`not-the-password-${i}`, i)));
    expect(tries.filter((r) => !r.ok && r.error.code === 'ACCOUNT_LOCKED').length).toBeGreaterThanOrEqual(2);
    expect(await pay('manager-secret-1', 99)).toMatchObject(locked);
    // An unknown approver gets the words of a wrong password.
    expect(
      await app.call('cashier', 'payments.record', {
        idempotencyKey: 'approval-key-unknown',
        clientId: client.id,
        amount: 2_500_000,
        details: { method: 'cash' },
        desk: 'Guichet 1',
        approval: { username: 'personne', password: 'whatever-1', reason: 'x' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
  });
});

describe('a change of role or of the active flag', () => {
  it('takes effect on the next call of the user’s sessions: an admin who demotes itself cannot create an admin', async () => {
    app = await openTestApp();
    await withStaff(app);
    await app.ok('admin', 'staff.create', {
      username: 'admin2',
      displayName: 'Second Admin',
      role: 'admin',
      password: 'admin-secret-2',
    });
    const self = await app.core.db.reader.findOneByOrFail(UserEntity, { username: 'admin' });
    await app.ok('admin', 'staff.update', { id: self.id, displayName: 'Amina Admin', role: 'cashier', active: true });
    expect(
      await app.call('admin', 'staff.create', {
        username: 'intrus',
        displayName: 'Intrus',
        role: 'admin',
        password: 'intrus-secret-1',
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await app.ok('admin', 'auth.status', {})).session?.user.role).toBe('cashier');
  });
});

describe('auth.changePassword', () => {
  it('counts wrong current passwords, refuses the same or a blank one, and ends the other sessions', async () => {
    app = await openTestApp();
    await withStaff(app);
    await app.ok('cashier-2', 'auth.login', { username: 'caissier', password: 'cashier-secret-1' });
    expect(
      await app.call('cashier', 'auth.changePassword', {
        currentPassword: 'cashier-secret-1',
        newPassword: 'cashier-secret-1',
      }),
    ).toMatchObject({ ok: false, error: { fields: { newPassword: expect.any(String) } } });
    expect(
      await app.call('cashier', 'auth.changePassword', {
        currentPassword: 'cashier-secret-1',
        newPassword: ' '.repeat(12),
      }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { newPassword: expect.any(String) } } });
    expect(
      await app.call('cashier', 'auth.changePassword', {
        currentPassword: 'wrong-one-1',
        newPassword: 'new-secret-12',
      }),
    ).toMatchObject({ ok: false, error: { fields: { currentPassword: 'Mot de passe incorrect.' } } });
    const failed = await app.ok('admin', 'audit.list', { action: 'auth.changePassword.failed' });
    expect(failed.total).toBe(1);

    await app.ok('cashier', 'auth.changePassword', {
      currentPassword: 'cashier-secret-1',
      newPassword: 'new-secret-12',
    });
    expect(await app.call('cashier-2', 'auth.ping', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect((await app.call('cashier', 'auth.ping', {})).ok).toBe(true);
  });
});
