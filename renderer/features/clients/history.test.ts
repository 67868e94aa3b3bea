import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { fr } from '../../i18n/fr';
import { describeHistory, type HistoryLine } from './history';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng: 'fr',
    interpolation: { escapeValue: false },
  });
});
const entry = (action: string, changes: Record<string, unknown>) => ({
  at: '2026-11-26T08:00:00.000Z',
  username: 'nadia',
  action,
  changes,
});
const plain = (lines: HistoryLine[]) =>
  lines.map((line) =>
    line.kind === 'change'
      ? `${line.label}: ${line.before ?? '∅'} → ${line.after ?? '∅'}`
      : line.kind === 'fact'
        ? `${line.label}: ${line.value}`
        : line.text.replace(/\u00a0/g, ' '),
  );

describe('client history', () => {
  it('shows a change field by field, codes by their name, lists joined, empty values as empty', () => {
    const item = describeHistory(
      i18n.t,
      entry('clients.update', {
        city: ['Rabat', 'Fès'],
        phones: [['06 61 23 45 67'], ['06 61 23 45 67', '0700112233']],
        language: ['fr', 'ar'],
        address: ['', '12, rue Ibnou Mounir'],
      }),
    );
    expect(item.title).toBe('Modification');
    expect(item.compact).toBe(false);
    expect(plain(item.lines)).toEqual([
      'Ville: Rabat → Fès',
      'Téléphones: 06 61 23 45 67 → 06 61 23 45 67, 0700112233',
      'Langue de correspondance: Français → Arabe',
      'Adresse: ∅ → 12, rue Ibnou Mounir',
    ]);
  });

  it('lists the values a record started with, without the empty ones, countries by their name', () => {
    const item = describeHistory(
      i18n.t,
      entry('clients.create', {
        code: 'CL-000001',
        kind: [null, 'company'],
        companyName: [null, 'Atlas Digital'],
        notes: [null, ''],
        tags: [null, []],
        country: [null, 'MA'],
      }),
      { regionName: (code) => (code === 'MA' ? 'Maroc' : code) },
    );
    expect(item.compact).toBe(true);
    expect(plain(item.lines)).toEqual(['Type de client: Entreprise', 'Raison sociale: Atlas Digital', 'Pays: Maroc']);
  });

  it('gives the status change its reason, the import its line, the export its formats', () => {
    const status = describeHistory(
      i18n.t,
      entry('clients.setStatus', { status: ['active', 'suspended'], reason: 'Impayé' }),
    );
    expect(plain(status.lines)).toEqual(['Statut: Actif → Suspendu', 'Motif : Impayé']);
    expect(plain(describeHistory(i18n.t, entry('clients.import', { line: 12 })).lines)).toEqual([
      'Importé depuis la ligne 12 du fichier',
    ]);
    expect(plain(describeHistory(i18n.t, entry('clients.exportData', { formats: ['json', 'pdf'] })).lines)).toEqual([
      'Export des données : JSON, PDF',
    ]);
  });

  it('speaks English when the UI does', async () => {
    await i18n.changeLanguage('en');
    const item = describeHistory(i18n.t, entry('clients.setStatus', { status: ['active', 'terminated'] }));
    expect(item.title).toBe('Status change');
    expect(plain(item.lines)).toEqual(['Status: Active → Terminated']);
    await i18n.changeLanguage('fr');
  });
});
