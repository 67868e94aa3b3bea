import { afterEach, describe, expect, it } from 'vitest';
import type { ClientInput } from '../../shared/client';
import { openTestApp, withStaff, type TestApp } from '../support/core';
import { dataSnapshot } from '../support/snapshot';

let app: TestApp;
afterEach(() => app.close());

const helene: ClientInput = {
  kind: 'individual',
  firstName: 'Hélène',
  lastName: 'Benjelloun',
  phones: ['06 61 23 45 67'],
  emails: ['Helene.B@example.ma'],
  city: 'Rabat',
  cin: 'ab123456',
};
const atlas: ClientInput = {
  kind: 'company',
  companyName: 'Atlas Digital',
  legalForm: 'SARL',
  contactPerson: 'محمد العلوي',
  phones: ['+212 522-123456'],
  ice: '002345678000091',
  city: 'Casablanca',
};

async function names(q: string): Promise<string[]> {
  return (await app.ok('cashier', 'clients.search', { q })).map((h) => h.displayName);
}

describe('clients', () => {
  it('creates clients with gap-free codes, normalised contacts, and finds them every way', async () => {
    app = await openTestApp();
    await withStaff(app);
    const a = await app.ok('cashier', 'clients.create', helene);
    const b = await app.ok('cashier', 'clients.create', atlas);
    expect([a.code, b.code]).toEqual(['CL-000001', 'CL-000002']);
    expect(a.phones).toEqual([{ e164: '+212661234567', display: '06 61 23 45 67' }]);
    expect(a.emails).toEqual(['helene.b@example.ma']);
    expect(a.cin).toBe('AB123456');
    expect(b.displayName).toBe('Atlas Digital SARL');

    expect(await names('helene')).toEqual(['Hélène Benjelloun']);
    expect(await names('HÉLÈNE benj')).toEqual(['Hélène Benjelloun']);
    expect(await names('b')).toContain('Hélène Benjelloun');
    expect(await names('at')).toEqual(['Atlas Digital SARL']);
    expect(await names('العلوي')).toEqual(['Atlas Digital SARL']);
    expect(await names('علو')).toEqual(['Atlas Digital SARL']);
    expect(await names('jello')).toEqual(['Hélène Benjelloun']);
    for (const phone of ['0661234567', '+212 661 23 45 67', '06 61 23', '00212661234567', '661234']) {
      expect(await names(phone), phone).toEqual(['Hélène Benjelloun']);
    }
    expect(await names('0522123456')).toEqual(['Atlas Digital SARL']);
    expect(await names('002345678000091')).toEqual(['Atlas Digital SARL']);
    expect(await names('helene.b@')).toEqual(['Hélène Benjelloun']);
    expect(await names('CL-000002')).toEqual(['Atlas Digital SARL']);
    expect(await names('cl2')).toEqual(['Atlas Digital SARL']);
    expect(await names('AB123456')).toEqual(['Hélène Benjelloun']);
    expect(await names('zzz')).toEqual([]);
  });

  it('refuses invalid identifiers with French messages and writes nothing', async () => {
    app = await openTestApp();
    await withStaff(app);
    const before = await dataSnapshot(app);
    const result = await app.call('cashier', 'clients.create', {
      ...atlas,
      ice: '12345',
      phones: ['0612'],
      emails: ['not-an-email'],
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: {
          ice: "L'ICE doit comporter 15 chiffres (ici 5).",
          'phones.0': expect.stringContaining('Numéro de téléphone invalide'),
          'emails.0': 'Adresse e-mail invalide.',
        },
      },
    });
    const noIce = await app.call('cashier', 'clients.create', { ...atlas, ice: '' });
    expect(noIce).toMatchObject({ ok: false, error: { fields: { ice: expect.stringContaining('obligatoire') } } });
    expect(await dataSnapshot(app)).toBe(before);
  });

  it('warns of duplicates by phone in any format, e-mail and ICE', async () => {
    app = await openTestApp();
    await withStaff(app);
    const a = await app.ok('cashier', 'clients.create', helene);
    const dups = await app.ok('cashier', 'clients.duplicates', {
      phones: ['+212661234567'],
      emails: ['HELENE.B@example.ma'],
      ice: '',
    });
    expect(dups.map((d) => [d.code, d.field])).toEqual([
      [a.code, 'phone'],
      [a.code, 'email'],
    ]);
    expect(await app.ok('cashier', 'clients.duplicates', { phones: ['0661234567'], excludeId: a.id })).toEqual([]);
  });

  it('keeps a field-by-field history of every change', async () => {
    app = await openTestApp();
    await withStaff(app);
    const a = await app.ok('cashier', 'clients.create', helene);
    await app.ok('cashier', 'clients.update', {
      id: a.id,
      client: { ...helene, city: 'Fès', phones: ['0661234567', '0700112233'] },
    });
    const updated = await app.ok('cashier', 'clients.get', { id: a.id });
    expect(updated.city).toBe('Fès');
    const history = await app.ok('cashier', 'clients.history', { id: a.id });
    expect(history.map((h) => h.action)).toEqual(['clients.update', 'clients.create']);
    expect(history[0]?.changes).toEqual({
      city: ['Rabat', 'Fès'],
      phones: [['06 61 23 45 67'], ['0661234567', '0700112233']],
    });
    expect(history[0]?.username).toBe('caissier');
    expect(await names('0700112233')).toEqual(['Hélène Benjelloun']);
    expect(await names('rabat')).toEqual([]);
  });
});
