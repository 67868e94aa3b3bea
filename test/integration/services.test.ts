import { afterEach, describe, expect, it } from 'vitest';
import { extendService } from '../../electron/modules/services/extend';
import type { ProductDto } from '../../shared/api';
import { openTestApp, withStaff, type TestApp } from '../support/core';

let app: TestApp;
afterEach(() => app.close());

async function setup() {
  app = await openTestApp(); // clock: 2026-11-26
  await withStaff(app);
  const client = await app.ok('cashier', 'clients.create', {
    kind: 'company',
    companyName: 'Atlas Digital',
    legalForm: 'SARL',
    ice: '002345678000091',
    phones: ['0522123456'],
  });
  const products = await app.ok('cashier', 'catalog.list', {});
  const product = (code: string): ProductDto => {
    const found = products.find((p) => p.code === code);
    if (!found) throw new Error(code);
    return found;
  };
  return { client, product };
}

describe('client services', () => {
  it('adds a hosting plan (pending until paid) and a .ma domain brought in with its expiry; the domain finds the client', async () => {
    const { client, product } = await setup();
    const hosting = await app.ok('cashier', 'services.create', {
      clientId: client.id,
      productId: product('HEB-PRO').id,
      label: 'Atlas-Digital.ma',
      billingCycle: 'annual',
      startDate: '2026-11-26',
    });
    expect(hosting).toMatchObject({
      status: 'pending',
      label: 'atlas-digital.ma',
      dueDate: '2026-11-26',
      state: { phase: 'pending', renewable: true },
    });
    const domain = await app.ok('cashier', 'services.create', {
      clientId: client.id,
      productId: product('DOM.MA').id,
      label: 'atlas-digital.ma',
      startDate: '2024-12-10',
      paidUntil: '2026-12-10',
    });
    expect(domain).toMatchObject({ status: 'active', billingCycle: 'annual', paidMonths: 24, dueDate: '2026-12-10' });
    expect(domain.state).toMatchObject({ phase: 'renewal_due', daysToExpiry: 14 });
    expect((await app.ok('cashier', 'clients.search', { q: 'atlas-digital.ma' })).map((h) => h.id)).toEqual([
      client.id,
    ]);
    expect((await app.ok('cashier', 'services.forClient', { clientId: client.id })).map((s) => s.id)).toEqual([
      hosting.id,
      domain.id,
    ]);
    const due = await app.ok('cashier', 'services.list', {
      kind: 'domain',
      dueFrom: '2026-12-01',
      dueTo: '2026-12-31',
    });
    expect(due.rows.map((s) => s.label)).toEqual(['atlas-digital.ma']);
  });

  it('refuses a domain that does not match its TLD, and an expiry off the anniversary', async () => {
    const { client, product } = await setup();
    expect(
      await app.call('cashier', 'services.create', {
        clientId: client.id,
        productId: product('DOM.MA').id,
        label: 'atlas.com',
        startDate: '2026-01-01',
      }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { label: expect.stringContaining('.ma') } } });
    expect(
      await app.call('cashier', 'services.create', {
        clientId: client.id,
        productId: product('DOM.MA').id,
        label: 'atlas.ma',
        startDate: '2025-01-31',
        paidUntil: '2026-02-01',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { paidUntil: expect.stringContaining('anniversaire') } },
    });
  });

  it('flags a termination request received later than one month before the anniversary, and stops renewals', async () => {
    const { client, product } = await setup();
    const domain = await app.ok('cashier', 'services.create', {
      clientId: client.id,
      productId: product('DOM.MA').id,
      label: 'atlas.ma',
      startDate: '2025-12-10',
      paidUntil: '2026-12-10',
    });
    const ended = await app.ok('cashier', 'services.requestTermination', {
      id: domain.id,
      channel: 'registered_letter',
      requestedOn: '2026-11-26',
    });
    expect(ended).toMatchObject({ terminationRequested: true, state: { phase: 'ending', renewable: false } });
    const [event] = await app.ok('cashier', 'services.events', { id: domain.id });
    expect(event).toMatchObject({
      kind: 'termination_request',
      username: 'caissier',
      details: { late: true, deadline: '2026-11-10', channel: 'registered_letter' },
    });
  });

  it('an abuse suspension is not lifted by a payment; a non-payment suspension is', async () => {
    const { client, product } = await setup();
    const hosting = await app.ok('cashier', 'services.create', {
      clientId: client.id,
      productId: product('HEB-STARTER').id,
      label: 'atlas.ma',
      billingCycle: 'monthly',
      startDate: '2026-09-26',
      paidUntil: '2026-11-26',
    });
    expect(
      await app.call('cashier', 'services.suspend', { id: hosting.id, reason: 'abuse', note: 'Spam' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await app.ok('manager', 'services.suspend', {
      id: hosting.id,
      reason: 'abuse',
      note: 'Envoi massif de spam (CGV 4.4)',
    });
    const actor = { userId: null, username: 'test' };
    await app.core.db.write(actor, 'test.payment', async (tx) => {
      expect(await extendService(tx, actor, hosting.id, 1)).toEqual({ from: '2026-11-26', to: '2026-12-26' });
      await tx.audit({ action: 'test.payment', entity: 'service', summary: {} });
    });
    expect(await app.ok('cashier', 'services.get', { id: hosting.id })).toMatchObject({
      status: 'suspended',
      suspensionReason: 'abuse',
      dueDate: '2026-12-26',
    });

    await app.ok('manager', 'services.reactivate', { id: hosting.id, note: 'Le client a nettoyé son site' });
    await app.ok('manager', 'services.suspend', { id: hosting.id, reason: 'non_payment', note: 'Impayé' });
    await app.core.db.write(actor, 'test.payment', async (tx) => {
      await extendService(tx, actor, hosting.id, 1);
      await tx.audit({ action: 'test.payment', entity: 'service', summary: {} });
    });
    expect(await app.ok('cashier', 'services.get', { id: hosting.id })).toMatchObject({
      status: 'active',
      suspensionReason: null,
      dueDate: '2027-01-26',
    });
    const kinds = (await app.ok('cashier', 'services.events', { id: hosting.id })).map(
      (e) => `${e.kind}:${e.toStatus}`,
    );
    expect(kinds).toEqual([
      'extension:active',
      'status:suspended',
      'status:active',
      'extension:suspended',
      'status:suspended',
      'created:active',
    ]);
  });

  it('a lost domain cannot be extended; lifecycle days are settings per kind', async () => {
    const { client, product } = await setup();
    const domain = await app.ok('cashier', 'services.create', {
      clientId: client.id,
      productId: product('DOM.COM').id,
      label: 'atlas.com',
      startDate: '2024-10-01',
      paidUntil: '2025-10-01',
    });
    expect(domain.state.phase).toBe('lost');
    const actor = { userId: null, username: 'test' };
    await expect(
      app.core.db.write(actor, 'test.payment', async (tx) => {
        await extendService(tx, actor, domain.id, 12);
        await tx.audit({ action: 'test.payment', entity: 'service', summary: {} });
      }),
    ).rejects.toThrow('ne peut plus être renouvelé');
    const rules = await app.ok('manager', 'settings.saveLifecycle', {
      domain: { daysBeforeInvoice: 45, daysToSuspend: 0, daysToTerminate: 0, graceDays: 30 },
    });
    expect(rules.domain.daysBeforeInvoice).toBe(45);
    expect(rules.hosting.daysToSuspend).toBe(7);
  });
});
