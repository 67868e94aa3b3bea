import { describe, expect, it } from 'vitest';
import { clientInputSchema, type ClientFields } from '../shared/client';
import { normalizePhone } from '../shared/phone';
import { demoClients } from './demo-office';

const clients = demoClients() as ClientFields[];
const individuals = clients.filter((c) => c.kind === 'individual');
const companies = clients.filter((c) => c.kind === 'company');
const arabic = /[\u0600-\u06ff]/;
const share = (part: unknown[], whole: unknown[]) => part.length / whole.length;

describe('the demo office', () => {
  it('has 300 clients by default, each valid as typed and stored exactly as generated', () => {
    expect(clients).toHaveLength(300);
    const invalid = clients.flatMap((c, i) => {
      const parsed = clientInputSchema.safeParse(c);
      return parsed.success ? [] : [{ i, issues: parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`) }];
    });
    expect(invalid).toEqual([]);
    for (const c of clients) expect(clientInputSchema.parse(c)).toEqual(c);
  });

  it('is the same for the same seed, and another for another seed', () => {
    expect(demoClients()).toEqual(clients);
    expect(demoClients(50, 7)).toEqual(demoClients(50, 7));
    expect(demoClients(50, 7)).not.toEqual(demoClients(50, 8));
    expect(demoClients(10)).toEqual(clients.slice(0, 10));
  });

  it('mixes individuals and companies, companies with their ICE, RC and IF', () => {
    expect(share(companies, clients)).toBeGreaterThan(0.22);
    expect(share(companies, clients)).toBeLessThan(0.38);
    const moroccan = companies.filter((c) => c.country === 'MA');
    for (const c of moroccan) expect(c.ice).toMatch(/^\d{15}$/);
    expect(
      share(
        moroccan.filter((c) => c.rcNumber && c.ifNumber),
        moroccan,
      ),
    ).toBeGreaterThan(0.8);
    expect(
      share(
        companies.filter((c) => c.contactPerson),
        companies,
      ),
    ).toBeGreaterThan(0.7);
    expect(new Set(companies.map((c) => c.legalForm)).size).toBeGreaterThan(4);
  });

  it('has names in Arabic script and accented French names', () => {
    const arabicNames = individuals.filter((c) => arabic.test(c.lastName) && arabic.test(c.firstName));
    expect(share(arabicNames, individuals)).toBeGreaterThan(0.08);
    expect(individuals.some((c) => /[éèêëïîôûç]/i.test(c.firstName + c.lastName))).toBe(true);
    expect(companies.some((c) => arabic.test(c.companyName))).toBe(true);
  });

  it('has valid Moroccan phones written in several ways, e-mails for most, and no shared identifier', () => {
    const phones = clients.flatMap((c) => c.phones);
    const e164 = phones.map((p) => normalizePhone(p));
    expect(e164.every((p) => p !== null)).toBe(true);
    expect(
      share(
        e164.filter((p) => p?.startsWith('+2126') || p?.startsWith('+2127')),
        e164,
      ),
    ).toBeGreaterThan(0.7);
    expect(e164.some((p) => p?.startsWith('+2125'))).toBe(true);
    expect(phones.some((p) => /^0[67]\d{8}$/.test(p))).toBe(true);
    expect(phones.some((p) => /^0[67] \d\d \d\d \d\d \d\d$/.test(p))).toBe(true);
    expect(phones.some((p) => p.startsWith('+212 '))).toBe(true);
    expect(
      share(
        clients.filter((c) => c.emails.length > 0),
        clients,
      ),
    ).toBeGreaterThan(0.7);

    const unique = (values: string[]) => new Set(values).size === values.length;
    expect(unique(e164 as string[])).toBe(true);
    expect(unique(clients.flatMap((c) => c.emails))).toBe(true);
    expect(unique(companies.map((c) => c.ice).filter(Boolean))).toBe(true);
    expect(unique(individuals.map((c) => c.cin).filter(Boolean))).toBe(true);
  });

  it('has CINs for most Moroccan individuals, cities, the three languages and foreign currencies', () => {
    const moroccan = individuals.filter((c) => c.country === 'MA' && !c.passport);
    expect(
      share(
        moroccan.filter((c) => c.cin),
        moroccan,
      ),
    ).toBeGreaterThan(0.7);
    expect(new Set(clients.map((c) => c.city).filter(Boolean)).size).toBeGreaterThan(8);
    expect(new Set(clients.map((c) => c.language))).toEqual(new Set(['fr', 'ar', 'en']));
    expect(new Set(clients.map((c) => c.currency))).toEqual(new Set(['MAD', 'EUR', 'USD']));
    expect(
      share(
        clients.filter((c) => c.currency === 'MAD'),
        clients,
      ),
    ).toBeGreaterThan(0.85);
  });
});
