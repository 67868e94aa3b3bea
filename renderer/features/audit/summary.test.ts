import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { fr } from '../../i18n/fr';
import { actionLabel, describeSummary } from './summary';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng: 'fr',
    interpolation: { escapeValue: false },
  });
});
const plain = (lines: string[]) => lines.map((line) => line.replace(/\u00a0/g, ' '));

describe('audit summaries', () => {
  it('renders a change as "field : before → after", roles by their name', () => {
    expect(plain(describeSummary(i18n.t, { role: ['cashier', 'manager'], active: [true, false] }))).toEqual([
      'rôle : Caissier → Responsable',
      'actif : Oui → Non',
    ]);
  });

  it('renders facts, instants in Casablanca time and empty values as a dash', () => {
    const lines = plain(
      describeSummary(i18n.t, { username: 'karim', lockedUntil: ['2026-11-26T07:32:00.000Z', null] }),
    );
    expect(lines[0]).toBe('identifiant : karim');
    expect(lines[1]).toMatch(/^verrouillé jusqu’à : 26\/11\/2026 \d{2}:32 → —$/);
  });

  it('expands a group of fields into the ones that changed, and names a creation', () => {
    const summary = {
      prefixes: [
        { invoice: 'FA', receipt: 'RE' },
        { invoice: 'FC', receipt: 'RE' },
      ],
    };
    expect(plain(describeSummary(i18n.t, summary))).toEqual(['préfixes · invoice : FA → FC']);
    expect(describeSummary(i18n.t, { created: true })).toEqual(['création']);
  });

  it('names known actions and shows unknown ones as they are', () => {
    expect(actionLabel(i18n.t, 'staff.unlock')).toBe('Déverrouillage de compte');
    expect(actionLabel(i18n.t, 'billing.run')).toBe('billing.run');
  });

  it('names payment and cash actions, shows centimes as money in the entry’s currency', () => {
    expect(actionLabel(i18n.t, 'payments.record')).toBe('Paiement enregistré');
    expect(actionLabel(i18n.t, 'cash.close')).toBe('Caisse clôturée');
    const lines = plain(
      describeSummary(i18n.t, {
        number: 'RE-2026-000001',
        amount: 50_000,
        stampDuty: 0,
        currency: 'EUR',
        allocations: [{ document: 12, amount: 12_000, rate: null }],
      }),
    );
    expect(lines).toEqual([
      'numéro : RE-2026-000001',
      'montant : 500,00 €',
      'droit de timbre : 0,00 €',
      'devise : EUR',
      'affectations : document 12, montant 120,00 €, taux —',
    ]);
    expect(plain(describeSummary(i18n.t, { difference: -250, note: '' }))).toEqual(['écart : -2,50 DH', 'note : —']);
  });
});
