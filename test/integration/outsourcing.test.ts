import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceDto } from '../../shared/api';
import { hoursQuantity, monthHours } from '../../shared/durations';
import { addDays } from '../../shared/periods';
import { lineHt } from '../../shared/totals';
import { Prng } from '../../seeds/prng';
import {
  createService,
  officeState,
  openBillingOffice,
  payProforma,
  rows,
  runNow,
  setDay,
  type BillingOffice,
} from '../support/billing-office';

/**
 * A year of outsourcing over the demo office, walked day by day: the technicians note their time on two monthly
 * contracts (one paid monthly, one quarterly) and on a mission; every morning the billing run (and a second one that
 * must change nothing), the clients pay what they receive. Half-way, the manager switches the extra hours from the
 * renewal proforma to a proforma of their own. Then the hours billed are read back from the documents.
 */
const FIRST_DAY = '2026-11-26';
const LAST_DAY = '2027-11-26';
const SWITCH_DAY = '2027-05-15';
const HOUR_PRICE = 40_000;

let office: BillingOffice;
let monthly: ServiceDto;
let quarterly: ServiceDto;
let mission: ServiceDto;
const secondRunChanges: string[] = [];

interface HoursLine {
  serviceId: number;
  month: string | null;
  quantity: number;
  unitPrice: number;
  status: string;
  documentId: number;
}

const hoursLines = (): HoursLine[] =>
  rows<HoursLine>(
    office.app,
    `SELECT l.service_id AS serviceId, substr(l.period_from, 1, 7) AS month, l.quantity, l.unit_price AS unitPrice,
            d.status, d.id AS documentId
       FROM document_lines l JOIN documents d ON d.id = l.document_id
      WHERE l.kind = 'hours' AND d.type = 'proforma' ORDER BY d.id`,
  );

const usedByMonth = (serviceId: number) =>
  rows<{ month: string; used: number }>(
    office.app,
    `SELECT substr(work_date, 1, 7) AS month, SUM(minutes) AS used FROM time_entries WHERE service_id = ?
      GROUP BY month ORDER BY month`,
    serviceId,
  );

function openProformas(clientId: number): number[] {
  return rows<{ id: number }>(
    office.app,
    `SELECT id FROM documents WHERE client_id = ? AND type = 'proforma' AND status IN ('issued', 'partially_paid')`,
    clientId,
  ).map((r) => r.id);
}

beforeAll(async () => {
  office = await openBillingOffice();
  const app = office.app;
  const [a, b, c] = office.clients;
  if (!a || !b || !c) throw new Error('demo clients missing');
  const contract = office.product('INFOG-MENSUEL');
  expect(contract.includedHours).toBe(2);
  expect(contract.name).not.toMatch(/2 h/);
  monthly = await createService(app, {
    clientId: a.id,
    productId: contract.id,
    label: 'srv-atlas',
    billingCycle: 'monthly',
    startDate: '2026-10-01',
    paidUntil: '2026-12-01',
  });
  quarterly = await createService(app, {
    clientId: b.id,
    productId: contract.id,
    label: 'vps-medina',
    billingCycle: 'quarterly',
    startDate: '2026-09-15',
    paidUntil: '2026-12-15',
  });
  mission = await createService(app, {
    clientId: c.id,
    productId: office.product('INFOG-MISSION').id,
    label: 'Migration du serveur de messagerie',
    billingCycle: '',
    startDate: FIRST_DAY,
  });

  const prng = new Prng(22);
  const people = ['cashier', 'manager'] as const;
  for (let day = FIRST_DAY; day <= LAST_DAY; day = addDays(day, 1)) {
    setDay(app, day);
    if (day === SWITCH_DAY) await app.ok('manager', 'outsourcing.saveSettings', { extraHoursBilling: 'own' });
    await runNow(app);
    const before = officeState(app);
    await runNow(app);
    if (officeState(app) !== before) secondRunChanges.push(day);
    // The clients pay what they received the day before.
    for (const client of [a, b]) for (const id of openProformas(client.id)) await payProforma(app, id, day);
    // Time spent: on about one working day in four per contract, 15 min to 2 h 30, noted that day or a few days later.
    for (const service of [monthly, quarterly]) {
      if (!prng.chance(0.25)) continue;
      const workDate = addDays(day, -prng.int(0, 3));
      if (workDate < service.anchorDate) continue;
      const result = await app.call(prng.pick(people), 'outsourcing.addEntry', {
        serviceId: service.id,
        workDate,
        duration: String(prng.int(1, 10) * 15),
        description: 'Mises à jour de sécurité',
      });
      // A late entry in a month already billed is refused, and nothing written: the month is frozen.
      if (!result.ok) expect(result.error.message).toContain('déjà facturées');
    }
  }
}, 600_000);

afterAll(async () => {
  await office.app.close();
});

describe('a year of outsourcing', () => {
  it('runs twice a day without the second run changing anything', () => {
    expect(secondRunChanges).toEqual([]);
  });

  it('bills every extra hour of every month gone by exactly once, at the hourly price, and no included hour', () => {
    const lines = hoursLines().filter((l) => l.status !== 'cancelled');
    let billedMonths = 0;
    for (const service of [monthly, quarterly]) {
      for (const { month, used } of usedByMonth(service.id)) {
        const { extra } = monthHours(used, 2);
        const billed = lines.filter((l) => l.serviceId === service.id && l.month === month);
        // Every month over by the end of September 2027 has met a renewal (or, after the switch, its own run).
        if (month > '2027-09') {
          expect(billed.length).toBeLessThanOrEqual(1);
          continue;
        }
        if (extra === 0) {
          expect(billed, `${service.label} ${month}`).toEqual([]);
          continue;
        }
        billedMonths++;
        expect(billed, `${service.label} ${month}`).toHaveLength(1);
        expect(billed[0]).toMatchObject({ quantity: hoursQuantity(extra), unitPrice: HOUR_PRICE, status: 'paid' });
      }
    }
    expect(billedMonths).toBeGreaterThan(10);
  });

  it('bills the extra hours on the renewals first, then on their own proformas once the setting says so', () => {
    const onRenewals = rows<{ n: number }>(
      office.app,
      `SELECT COUNT(*) AS n FROM document_lines h JOIN document_lines s ON s.document_id = h.document_id
        WHERE h.kind = 'hours' AND s.kind = 'service' AND s.service_id = h.service_id`,
    )[0]?.n;
    const alone = rows<{ n: number }>(
      office.app,
      `SELECT COUNT(*) AS n FROM document_lines h WHERE h.kind = 'hours' AND h.period_from IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM document_lines s WHERE s.document_id = h.document_id AND s.kind = 'service')`,
    )[0]?.n;
    expect(onRenewals).toBeGreaterThan(0);
    expect(alone).toBeGreaterThan(0);
    const keys = rows<{ key: string; n: number }>(
      office.app,
      `SELECT dedupe_key AS key, COUNT(*) AS n FROM billing_run_items WHERE action = 'hours_billed' GROUP BY dedupe_key`,
    );
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k.n === 1)).toBe(true);
  });

  it('freezes the entries of a billed month: their author can no longer change them', async () => {
    const [line] = hoursLines().filter((l) => l.serviceId === monthly.id && l.status === 'paid');
    const entry = rows<{ id: number; username: string; work_date: string }>(
      office.app,
      `SELECT id, username, work_date FROM time_entries WHERE service_id = ? AND substr(work_date, 1, 7) = ?`,
      monthly.id,
      line?.month ?? '',
    )[0];
    if (!entry) throw new Error('no entry in a billed month');
    const channel = entry.username === 'caissier' ? 'cashier' : 'manager';
    const result = await office.app.call(channel, 'outsourcing.updateEntry', {
      id: entry.id,
      workDate: entry.work_date,
      duration: '5 h',
      description: 'Changement après facture',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { message: 'Ce temps passé est déjà facturé : il ne change plus.' },
    });
  });
});

describe('the monthly report', () => {
  it('has "Infogérance : heures" per client and service, on screen and in the CSV export', async () => {
    const app = office.app;
    const report = await app.ok('manager', 'reports.monthly', { from: '2027-03-01', to: '2027-03-31' });
    const used = (id: number) => usedByMonth(id).find((m) => m.month === '2027-03')?.used ?? 0;
    const rowsOf = report.outsourcingHours.rows;
    for (const service of [monthly, quarterly]) {
      const row = rowsOf.find((r) => r.serviceId === service.id);
      expect(row).toMatchObject(monthHours(used(service.id), 2));
    }
    expect(report.outsourcingHours.used).toBe(used(monthly.id) + used(quarterly.id));
    const csv = await app.ok('manager', 'reports.export', { from: '2027-03-01', to: '2027-03-31', format: 'csv' });
    const text = Buffer.from(csv.data, 'base64').toString('utf8');
    expect(text).toContain('Infogérance : heures');
    expect(text).toContain('srv-atlas');
  });
});

describe('a mission', () => {
  it('is estimated in advance, then billed from its entries with the deposit deducted', async () => {
    const app = office.app;
    setDay(app, '2027-11-27');
    const estimate = await app.ok('cashier', 'outsourcing.missionEstimate', { serviceId: mission.id, estimate: '3 h' });
    const estimateDoc = await app.ok('cashier', 'documents.get', { id: estimate.documentId });
    expect(estimateDoc.lines[0]).toMatchObject({ kind: 'estimate', quantity: 3000, unitPrice: HOUR_PRICE });
    expect(estimateDoc.lines[0]?.description).toContain('estimation 3 h');
    // The final proforma waits for the deposit.
    expect(await app.call('manager', 'outsourcing.missionFinal', { serviceId: mission.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    await payProforma(app, estimate.documentId, '2027-11-27');
    const minutes = [90, 125, 40, 75];
    for (const [i, m] of minutes.entries()) {
      await app.ok(i % 2 ? 'manager' : 'cashier', 'outsourcing.addEntry', {
        serviceId: mission.id,
        workDate: '2027-11-27',
        duration: `${Math.floor(m / 60)} h ${m % 60}`,
        description: `Étape ${i + 1}`,
      });
    }
    expect(await app.call('cashier', 'outsourcing.missionFinal', { serviceId: mission.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const final = await app.ok('manager', 'outsourcing.missionFinal', { serviceId: mission.id });
    const doc = await app.ok('manager', 'documents.get', { id: final.documentId });
    const total = minutes.reduce((s, m) => s + m, 0);
    const hours = doc.lines.find((l) => l.kind === 'hours');
    const deposit = doc.lines.find((l) => l.kind === 'deposit');
    expect(hours).toMatchObject({ quantity: hoursQuantity(total), unitPrice: HOUR_PRICE });
    expect(hours?.description).toContain('temps passé 5 h 30');
    expect(hours?.description).toContain('estimation : 3 h');
    expect(deposit).toMatchObject({ quantity: 1000, unitPrice: -estimateDoc.totals.ht });
    expect(doc.status).toBe('issued');
    expect(doc.totals.ht).toBe(lineHt(hoursQuantity(total), HOUR_PRICE) - estimateDoc.totals.ht);
    // Billed: the entries are frozen, the mission takes no more time, and no second final proforma.
    const entries = await app.ok('cashier', 'outsourcing.entries', { serviceId: mission.id });
    expect(entries.every((e) => e.frozen)).toBe(true);
    expect(
      await app.call('cashier', 'outsourcing.addEntry', {
        serviceId: mission.id,
        workDate: '2027-11-27',
        duration: '30',
        description: 'Oubli',
      }),
    ).toMatchObject({
      ok: false,
      error: { message: 'Cette mission est déjà facturée : son temps passé ne change plus.' },
    });
    expect(await app.call('manager', 'outsourcing.missionFinal', { serviceId: mission.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });
});

describe('bad input', () => {
  it('is refused with a clear French message, and nothing is written', async () => {
    const app = office.app;
    setDay(app, '2027-11-28');
    const [, , , d] = office.clients;
    if (!d) throw new Error('demo client missing');
    const hosting = await createService(app, {
      clientId: d.id,
      productId: office.product('HEB-STARTER').id,
      label: 'atlas-bad.ma',
      billingCycle: 'monthly',
      startDate: '2027-10-01',
      paidUntil: '2027-11-01',
    });
    const ended = await createService(app, {
      clientId: d.id,
      productId: office.product('INFOG-MENSUEL').id,
      label: 'srv-ended',
      billingCycle: 'monthly',
      startDate: '2027-08-01',
      paidUntil: '2027-09-01',
    });
    await runNow(app);
    expect((await app.ok('cashier', 'services.get', { id: ended.id })).status).toBe('terminated');
    const count = () =>
      rows<{ entries: number; audit: number }>(
        app,
        'SELECT (SELECT COUNT(*) FROM time_entries) AS entries, (SELECT COUNT(*) FROM audit_log) AS audit',
      )[0];
    const before = count();
    const entry = { serviceId: monthly.id, workDate: '2027-11-28', description: 'Sauvegardes' };
    // 23 h already on the 28th for the cashier: one more hour is fine, a second is too much.
    await app.ok('cashier', 'outsourcing.addEntry', { ...entry, duration: '23 h' });
    const afterFirst = count();
    const cases: [object, string][] = [
      [{ ...entry, duration: '0' }, 'La durée doit être supérieure à zéro.'],
      [{ ...entry, duration: '-1 h' }, 'La durée doit être positive.'],
      [{ ...entry, duration: '1 h 01' }, 'Plus de 24 h le 28/11/2027 pour caissier (déjà 23 h noté).'],
      [{ ...entry, serviceId: hosting.id, duration: '1 h' }, "n'est pas de l'infogérance"],
      [{ ...entry, serviceId: ended.id, duration: '1 h' }, 'est terminé'],
      [{ ...entry, workDate: '2027-11-29', duration: '1 h' }, 'ne peut être dans le futur'],
    ];
    for (const [input, message] of cases) {
      const result = await app.call('cashier', 'outsourcing.addEntry', input as never);
      expect(result.ok, message).toBe(false);
      // Schema errors name their field; the use case's say it in their message.
      if (!result.ok) expect(JSON.stringify(result.error)).toContain(message);
    }
    expect(count()).toEqual(afterFirst);
    expect(afterFirst?.entries).toBe((before?.entries ?? 0) + 1);
    // Another person's day is their own; but only the author changes an entry.
    await app.ok('manager', 'outsourcing.addEntry', { ...entry, duration: '2 h' });
    const [mine] = await app.ok('cashier', 'outsourcing.entries', { serviceId: monthly.id });
    expect(mine?.username).toBe('gerant');
    expect(
      await app.call('cashier', 'outsourcing.updateEntry', {
        id: mine?.id ?? 0,
        workDate: entry.workDate,
        description: entry.description,
        duration: '1 h',
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
