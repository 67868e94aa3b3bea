import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, withStaff, type TestApp } from '../support/core';

let app: TestApp;
afterEach(() => app.close());

describe('spine', () => {
  it('first run, login, role refusal', async () => {
    app = await openTestApp();
    expect((await app.ok('x', 'auth.status', {})).setupNeeded).toBe(true);
    await withStaff(app);
    const refused = await app.call('cashier', 'staff.list', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const list = await app.ok('manager', 'staff.list', {});
    expect(list.map((s) => s.username).sort()).toEqual(['admin', 'caissier', 'gerant']);
  });
});
