import type { TFunction } from 'i18next';
import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { fr } from '../../i18n/fr';
import { runCounts, runSummary } from './run-summary';

let t: TFunction;
beforeAll(async () => {
  await i18n.init({ lng: 'fr', resources: { fr: { translation: fr } }, interpolation: { escapeValue: false } });
  t = i18n.t.bind(i18n);
});

describe('billing run summary', () => {
  it('lists what the run did, in the order of the log, without its bookkeeping', () => {
    const run = { counts: { suspended: 2, renewal_existing: 40, renewal_issued: 12 }, mails: 14 };
    expect(runCounts(run)).toEqual([
      ['renewal_issued', 12],
      ['suspended', 2],
    ]);
    expect(runSummary(t, run)).toBe('Proforma émise\u00a0: 12, Suspendu\u00a0: 2, 14 e-mails');
  });

  it('says when there was nothing to do', () => {
    expect(runSummary(t, { counts: { renewal_existing: 3 }, mails: 0 })).toBe('rien à faire');
  });
});
