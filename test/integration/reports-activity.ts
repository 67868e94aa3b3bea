import { DateTime } from 'luxon';
import type { DocumentDto, PaymentDetails, PaymentInput } from '../../shared/api';
import { DENOMINATIONS } from '../../shared/cash';
import { nativeHandle } from '../../electron/db/data-source';
import { Prng } from '../../seeds/prng';
import type { TestApp } from '../support/core';
import { fullCompany, productsOf } from '../support/documents';

/**
 * A year and two months of an office's activity, made through the real API on a walking clock (January 2026 to
 * February 2027): proformas in dirhams, euros and dollars with several VAT rates, payments by every method, partial
 * and over-payments, euros paid in dirhams (and the reverse) at rates typed at the counter, credit used, voids,
 * credit notes to the balance and refunded, refunds in cash and by transfer, two desks with their sessions counted
 * (with differences) and validated, suspensions, domain renewals. Payments, credit use, suspensions and cash sessions
 * also fall at 23:30 on the last day of a month and just after midnight, both in Ramadan (UTC+0, February 2026 and
 * 2027) and out of it.
 */

export const ARABIC_NAME = 'محمد العلوي';
export const FORMULA_NAME = '=HYPERLINK("http://exemple.invalid/?x","Cliquez ici")';
export const ACTIVITY_FROM = '2026-01-01';
export const ACTIVITY_TO = '2027-02-28';

const DESKS = [
  { desk: 'Guichet 1', channel: 'cashier' },
  { desk: 'Guichet 2', channel: 'cashier2' },
] as const;

export const localInstant = (date: string, time: string) =>
  DateTime.fromISO(`${date}T${time}`, { zone: 'Africa/Casablanca' }).toUTC().toJSDate();

let keys = 0;
const key = () => `rep-${String(++keys).padStart(8, '0')}`;

interface Client {
  id: number;
  kind: 'individual' | 'company';
}

async function staff(app: TestApp): Promise<void> {
  await app.ok('admin', 'auth.setupAdmin', {
    username: 'admin',
    displayName: 'Amina Admin',
    password: 'admin-secret-1',
  });
  for (const [username, role, channel] of [
    ['caissier', 'cashier', 'cashier'],
    ['caissier2', 'cashier', 'cashier2'],
    ['gerant', 'manager', 'manager'],
  ] as const) {
    await app.ok('admin', 'staff.create', { username, displayName: username, role, password: `${username}-secret-1` });
    await app.ok(channel, 'auth.login', { username, password: `${username}-secret-1` });
  }
  await app.ok('admin', 'settings.saveCompany', fullCompany);
  // The counters' rates below lie within ±10 % of these references: no manager needed for them.
  await app.ok('manager', 'settings.savePaymentRules', {
    referenceRates: { EUR: { rate: 10_850_000 }, USD: { rate: 9_950_000 } },
  });
}

async function clients(app: TestApp): Promise<Client[]> {
  const made: Client[] = [];
  const people = [
    ['Sara', 'Idrissi'],
    ['محمد', 'العلوي'],
    ['Youssef', 'Benali'],
    ['Nadia', 'Tazi'],
    ['Omar', 'Chraibi'],
    ['Leïla', 'Fassi'],
  ];
  for (const [i, [firstName = '', lastName = '']] of people.entries()) {
    const c = await app.ok('cashier', 'clients.create', {
      kind: 'individual',
      firstName,
      lastName,
      phones: [`06610000${String(10 + i)}`],
    });
    made.push({ id: c.id, kind: 'individual' });
  }
  const companies = ['Atlas Digital', 'Sahara Web', FORMULA_NAME, 'Rif Conseil', 'Souss Média'];
  for (const [i, companyName] of companies.entries()) {
    const c = await app.ok('cashier', 'clients.create', {
      kind: 'company',
      companyName,
      legalForm: 'SARL',
      ice: `00234567800${String(10 + i).padStart(4, '0')}`,
      phones: [`05221000${String(10 + i)}`],
    });
    made.push({ id: c.id, kind: 'company' });
  }
  return made;
}

/** Notes and coins for `amount` rounded down to ten centimes, the greedy way a cashier counts. */
function count(amount: number): Record<string, number> {
  const result: Record<string, number> = {};
  let left = Math.max(0, amount);
  for (const d of DENOMINATIONS) {
    const n = Math.floor(left / d);
    if (n > 0) result[String(d)] = n;
    left -= n * d;
  }
  return Object.keys(result).length > 0 ? result : { '10': 0 };
}

export interface ActivityLog {
  clients: Client[];
  arabicClientId: number;
  formulaClientId: number;
  /** Operations made at 23:30 on a month's last day or just after midnight: the payment, the suspended service. */
  edges: { at: string; what: string; paymentId: number; serviceId: number | null }[];
  counts: Record<string, number>;
}

/** Makes the activity (up to `until`, the last day; ACTIVITY_TO by default); returns what the tests need to know. */
export async function generateActivity(
  app: TestApp,
  { seed = 2026, until = ACTIVITY_TO }: { seed?: number; until?: string } = {},
): Promise<ActivityLog> {
  const rng = new Prng(seed);
  app.clock.set(localInstant('2025-12-31', '09:00'));
  // The clock jumps days at a time: the idle lock (tested elsewhere) would lock every desk between two operations.
  app.core.sessions.setIdleLockMinutes(60 * 24 * 365 * 10);
  await staff(app);
  const people = await clients(app);
  const product = await productsOf(app);
  const log: ActivityLog = {
    clients: people,
    arabicClientId: people[1]?.id ?? 0,
    formulaClientId: people[8]?.id ?? 0,
    edges: [],
    counts: {},
  };
  const tally = (what: string) => (log.counts[what] = (log.counts[what] ?? 0) + 1);

  // Domains registered over 2025 (paid), so that their renewals fall across the year.
  const domains: number[] = [];
  for (let i = 0; i < 20; i++) {
    const owner = rng.pick(people);
    const start =
      DateTime.fromISO('2025-01-15')
        .plus({ days: i * 18 })
        .toISODate() ?? '';
    const service = await app.ok('cashier', 'services.create', {
      clientId: owner.id,
      productId: product(i % 3 === 0 ? 'DOM.COM' : 'DOM.MA').id,
      label: `domaine-${i}${i % 3 === 0 ? '.com' : '.ma'}`,
      startDate: start,
      paidUntil: DateTime.fromISO(start).plus({ years: 1 }).toISODate() ?? '',
    });
    domains.push(service.id);
  }
  const hosting: number[] = [];
  for (let i = 0; i < 12; i++) {
    const owner = people[i % people.length];
    if (!owner) continue;
    const service = await app.ok('cashier', 'services.create', {
      clientId: owner.id,
      productId: product('HEB-PRO').id,
      label: `site-${i}.ma`,
      billingCycle: 'annual',
      startDate: '2025-06-01',
      paidUntil: '2026-06-01',
    });
    hosting.push(service.id);
  }

  const open = new Map<string, number>();
  const at = (date: string, time: string) => app.clock.set(localInstant(date, time));
  const call = app.call.bind(app);

  async function proforma(date: string): Promise<void> {
    const client = rng.pick(people);
    const currency = rng.weighted([
      ['MAD', 8],
      ['EUR', 2],
      ['USD', 1],
    ] as const);
    const lines = Array.from({ length: rng.int(1, 3) }, () => ({
      kind: 'item' as const,
      description: rng.pick(['Maintenance', 'Intégration', 'Formation', 'Audit SEO', 'Restauration de sauvegarde']),
      quantity: rng.pick([1000, 1000, 2000, 1500, 3000]),
      unitPrice: rng.int(40, 3000) * 100 + rng.int(0, 99),
      vatRate: rng.pick([2000, 2000, 2000, 1400, 1000, 700, 0]),
    }));
    const draft = await app.ok('cashier', 'documents.saveDraft', { clientId: client.id, currency, lines });
    await app.ok('cashier', 'documents.issue', { id: draft.id });
    tally(`proforma ${date.slice(0, 7)}`);
  }

  async function renewals(date: string): Promise<void> {
    for (const id of [...domains, ...hosting]) {
      const service = await app.ok('cashier', 'services.get', { id });
      if (!service.state.expiry || service.state.expiry > (DateTime.fromISO(date).plus({ days: 35 }).toISODate() ?? ''))
        continue;
      if (!service.state.renewable || !rng.chance(0.6)) continue;
      const draft = await call('cashier', 'documents.saveDraft', {
        clientId: service.clientId,
        lines: [{ kind: 'service', serviceId: id }],
      });
      if (draft.ok) {
        const issued = await call('cashier', 'documents.issue', { id: draft.value.id });
        if (issued.ok) tally('renewal');
      }
    }
  }

  async function pay(date: string, desks: Set<string>): Promise<number> {
    const client = rng.pick(people);
    const items = await app.ok('cashier', 'payments.openItems', { clientId: client.id });
    const first = items.proformas[0];
    const cashDesk = DESKS.find((d) => desks.has(d.desk));
    const channel = cashDesk && rng.chance(0.5) ? cashDesk.channel : rng.pick(['cashier', 'cashier2'] as const);
    const method = rng.weighted([
      ['cash', cashDesk ? 5 : 0],
      ['wafacash', 2],
      ['ccp', 1],
      ['transfer', 2],
      ['card', 1],
      ['paypal', 1],
      ['other', 1],
    ] as const);
    const details: PaymentDetails =
      method === 'cash'
        ? { method }
        : method === 'wafacash'
          ? { method, transferNumber: `WC${rng.digits(8)}`, senderName: 'Expéditeur', originCity: 'Fès' }
          : method === 'ccp'
            ? { method, receiptNumber: `CCP${rng.digits(6)}`, postOffice: 'Rabat Agdal' }
            : method === 'transfer'
              ? { method, bank: 'Attijariwafa bank', reference: `VIR${rng.digits(6)}`, valueDate: date }
              : method === 'card'
                ? { method, authorizationCode: rng.digits(6) }
                : method === 'paypal'
                  ? { method, transactionId: `PP${rng.digits(10)}` }
                  : { method, description: 'Chèque certifié' };
    const base = { idempotencyKey: key(), clientId: client.id, details, desk: cashDesk?.desk ?? '' };
    let input: PaymentInput;
    if (!first) {
      // Nothing to pay: money left on account, as credit.
      input = { ...base, amount: rng.int(100, 2000) * 100, currency: 'MAD' };
    } else {
      const balance = first.balance;
      const shape = rng.weighted([
        ['full', 6],
        ['partial', 2],
        ['over', 1],
      ] as const);
      const part = shape === 'partial' ? Math.max(1, Math.floor(balance * 0.4)) : balance;
      if (first.currency === 'MAD' || method === 'cash') {
        if (first.currency === 'MAD') {
          input = { ...base, amount: shape === 'over' ? balance + 5_000 : part, currency: 'MAD' };
        } else {
          // A proforma in euros or dollars paid in dirhams at the counter's rate.
          const rate = first.currency === 'EUR' ? rng.int(10_700_000, 11_000_000) : rng.int(9_800_000, 10_100_000);
          input = {
            ...base,
            amount: Math.round((part * rate) / 1_000_000),
            currency: 'MAD',
            allocations: [{ documentId: first.id, amount: part, rate }],
          };
        }
      } else if (first.currency === 'USD' && rng.chance(0.5)) {
        // Dollars paid in euros.
        const rate = rng.int(900_000, 950_000);
        input = {
          ...base,
          amount: Math.round((part * rate) / 1_000_000) + (shape === 'over' ? 1_000 : 0),
          currency: 'EUR',
          allocations: [{ documentId: first.id, amount: part, rate }],
        };
      } else {
        input = { ...base, amount: shape === 'over' ? part + 1_000 : part, currency: first.currency };
      }
    }
    // Cash of 20,000 DH or more for one proforma, cumulated, needs a manager (CGI art. 193): such clients pay by card.
    if (method === 'cash' && (input.amount >= 1_900_000 || (first?.cashReceived ?? 0) + input.amount >= 1_900_000)) {
      input = { ...input, details: { method: 'card', authorizationCode: rng.digits(6) }, desk: '' };
    }
    let result = await call(channel, 'payments.record', input);
    if (
      !result.ok &&
      result.error.code === 'CONFLICT' &&
      result.error.message.includes('ne peut plus être renouvelé')
    ) {
      // A domain lost meanwhile cannot be renewed: the money stays on the client's account.
      tally('kept as credit');
      result = await call(channel, 'payments.record', { ...input, idempotencyKey: key(), allocations: [] });
    }
    if (!result.ok) throw new Error(`payment refused: ${result.error.message} ${JSON.stringify(input)}`);
    tally(`payment ${input.currency}`);
    return result.value.id;
  }

  async function euroForDirhamProforma(): Promise<void> {
    // A proforma in dirhams paid in euros at the counter's rate.
    const client = rng.pick(people);
    const items = await app.ok('cashier', 'payments.openItems', { clientId: client.id });
    const mad = items.proformas.find((p) => p.currency === 'MAD');
    if (!mad) return;
    const rate = rng.int(90_000, 95_000);
    const result = await call('cashier', 'payments.record', {
      idempotencyKey: key(),
      clientId: client.id,
      amount: Math.round((mad.balance * rate) / 1_000_000) + 500,
      currency: 'EUR',
      details: { method: 'transfer', bank: 'BMCE', reference: `EU${rng.digits(6)}`, valueDate: '2026-01-01' },
      allocations: [{ documentId: mad.id, amount: mad.balance, rate }],
    });
    if (result.ok) tally('euros for dirhams');
  }

  async function useCredit(): Promise<void> {
    for (const client of people) {
      const items = await app.ok('cashier', 'payments.openItems', { clientId: client.id });
      for (const credit of items.credit) {
        const target = items.proformas.find((p) => p.currency === credit.currency);
        if (!target || credit.amount <= 0) continue;
        const amount = Math.min(credit.amount, target.balance);
        const result = await call('cashier', 'payments.applyCredit', {
          clientId: client.id,
          documentId: target.id,
          amount,
        });
        if (result.ok) tally('credit used');
        return;
      }
    }
  }

  async function voidOne(date: string): Promise<void> {
    const recent = await app.ok('manager', 'payments.list', { from: date, to: date, pageSize: 20 });
    const candidates = recent.rows.filter((p) => p.status === 'recorded');
    if (candidates.length === 0) return;
    const result = await call('manager', 'payments.void', { id: rng.pick(candidates).id, reason: 'Erreur de saisie' });
    if (result.ok) tally('void');
  }

  async function creditNote(): Promise<void> {
    const invoices = await app.ok('manager', 'documents.list', { type: 'invoice', status: 'issued', pageSize: 30 });
    const row = invoices.rows.length > 0 ? rng.pick(invoices.rows) : null;
    if (!row) return;
    const invoice: DocumentDto = await app.ok('manager', 'documents.get', { id: row.id });
    const line = invoice.lines[0];
    const partial = line !== undefined && line.quantity >= 2000 && rng.chance(0.5);
    const mode = rng.chance(0.5) ? 'refund' : 'balance';
    const result = await call('manager', 'documents.creditNote', {
      invoiceId: invoice.id,
      reason: 'Geste commercial',
      mode,
      ...(partial ? { lines: [{ lineId: line.id, quantity: 1000 }] } : {}),
    });
    if (result.ok) tally(`credit note ${mode}`);
  }

  async function refund(date: string, desks: Set<string>): Promise<void> {
    const notes = await app.ok('manager', 'documents.list', { type: 'credit_note', pageSize: 50 });
    for (const row of notes.rows) {
      const note = await app.ok('manager', 'documents.get', { id: row.id });
      if (note.creditMode !== 'refund' || note.reason.startsWith('Annulation')) continue;
      const paid = await app.ok('manager', 'payments.list', { clientId: note.clientId, pageSize: 100 });
      const refunded = paid.rows
        .filter((p) => p.direction === 'out' && p.status === 'recorded' && p.creditNote?.id === note.id)
        .reduce((s, p) => s + p.amount, 0);
      const left = note.totals.ttc - refunded;
      if (left <= 0) continue;
      const cash = note.currency === 'MAD' && desks.has('Guichet 1') && rng.chance(0.5);
      const amount = rng.chance(0.5) ? left : Math.max(1, Math.floor(left / 2));
      const result = await call('manager', 'payments.refund', {
        idempotencyKey: key(),
        clientId: note.clientId,
        amount,
        currency: note.currency,
        details: cash
          ? { method: 'cash' }
          : { method: 'transfer', bank: 'CIH', reference: `RMB${rng.digits(5)}`, valueDate: date },
        creditNoteId: note.id,
        desk: cash ? 'Guichet 1' : '',
        note: 'Remboursement de l’avoir',
      });
      if (result.ok) tally('refund');
      return;
    }
  }

  async function refundCredit(): Promise<void> {
    for (const client of people) {
      const items = await app.ok('cashier', 'payments.openItems', { clientId: client.id });
      const credit = items.credit.find((c) => c.currency === 'MAD' && c.amount > 1_000);
      if (!credit) continue;
      const result = await call('manager', 'payments.refund', {
        idempotencyKey: key(),
        clientId: client.id,
        amount: Math.floor(credit.amount / 2),
        currency: 'MAD',
        details: {
          method: 'wafacash',
          transferNumber: `R${rng.digits(8)}`,
          senderName: 'HeberDomaine',
          originCity: 'Rabat',
        },
        note: 'Trop-perçu rendu',
      });
      if (result.ok) tally('refund of credit');
      return;
    }
  }

  /** Suspends one of the services that can be, from a random start; returns its id (null when none can be). */
  async function suspend(): Promise<number | null> {
    const all = [...domains, ...hosting];
    const from = rng.int(0, all.length - 1);
    for (let i = 0; i < all.length; i++) {
      const id = all[(from + i) % all.length] ?? 0;
      if ((await app.ok('manager', 'services.get', { id })).status === 'suspended') {
        await call('manager', 'services.reactivate', { id, note: 'Régularisé' });
      }
      const result = await call('manager', 'services.suspend', {
        id,
        reason: rng.chance(0.7) ? 'non_payment' : 'abuse',
        note: 'Relances sans réponse',
      });
      if (result.ok) {
        tally('suspension');
        return id;
      }
    }
    return null;
  }

  /** What the daily run would record (it is not part of this area): a service terminated, or a domain lost. */
  function endService(to: 'terminated' | 'lost'): void {
    const db = nativeHandle(app.core.db.dataSource);
    const candidates = db
      .prepare<[number], { id: number; status: string }>(
        `SELECT s.id, s.status FROM services s JOIN products p ON p.id = s.product_id
         WHERE s.status IN ('active', 'suspended', 'grace') AND (p.kind = 'domain') = ?
           AND NOT EXISTS (SELECT 1 FROM document_lines l JOIN documents d ON d.id = l.document_id
             WHERE l.service_id = s.id AND d.type = 'proforma' AND d.status IN ('issued', 'partially_paid'))`,
      )
      .all(to === 'lost' ? 1 : 0);
    const service = candidates.length > 0 ? rng.pick(candidates) : null;
    if (!service) return;
    const now = app.clock.now().toISOString();
    db.prepare('UPDATE services SET status = ?, updated_at = ? WHERE id = ?').run(to, now, service.id);
    db.prepare(
      `INSERT INTO service_events (service_id, at, user_id, username, kind, from_status, to_status, details)
       VALUES (?, ?, NULL, NULL, 'status', ?, ?, '{}')`,
    ).run(service.id, now, service.status, to);
    tally(to);
  }

  async function openDesk(desk: (typeof DESKS)[number], date: string, time: string): Promise<void> {
    at(date, time);
    const session = await app.ok(desk.channel, 'cash.open', { desk: desk.desk, float: rng.int(2, 10) * 10_000 });
    open.set(desk.desk, session.id);
  }

  async function closeDesk(desk: (typeof DESKS)[number]): Promise<void> {
    const id = open.get(desk.desk);
    if (id === undefined) return;
    const session = await app.ok(desk.channel, 'cash.current', { desk: desk.desk });
    const drift = rng.weighted([
      [0, 6],
      [-2_000, 1],
      [1_000, 1],
    ] as const);
    await app.ok(desk.channel, 'cash.close', { sessionId: id, count: count((session?.expected ?? 0) + drift) });
    open.delete(desk.desk);
    if (rng.chance(0.7)) await app.ok('manager', 'cash.validate', { sessionId: id });
  }

  for (let day = DateTime.fromISO(ACTIVITY_FROM); day <= DateTime.fromISO(until); day = day.plus({ days: 1 })) {
    const date = day.toISODate() ?? '';
    const lastOfMonth = day.plus({ days: 1 }).month !== day.month;
    if (day.weekday === 7 && !lastOfMonth) continue;
    const active = lastOfMonth || rng.chance(0.45);
    if (!active) continue;
    for (const desk of DESKS) if (!open.has(desk.desk) && rng.chance(0.6)) await openDesk(desk, date, '08:30');
    const desks = new Set(open.keys());
    at(date, '09:10');
    for (let i = rng.int(0, 2); i > 0; i--) await proforma(date);
    if (day.day % 9 === 0) await renewals(date);
    at(date, '11:00');
    for (let i = rng.int(0, 3); i > 0; i--) await pay(date, desks);
    at(date, '15:00');
    if (rng.chance(0.15)) await euroForDirhamProforma();
    if (rng.chance(0.3)) await useCredit();
    if (rng.chance(0.12)) await voidOne(date);
    if (rng.chance(0.08)) await creditNote();
    if (rng.chance(0.1)) await refund(date, desks);
    if (rng.chance(0.04)) await refundCredit();
    if (rng.chance(0.06)) await suspend();
    if (rng.chance(0.015)) endService(rng.chance(0.5) ? 'terminated' : 'lost');
    at(date, '18:45');
    for (const desk of DESKS) await closeDesk(desk);

    if (lastOfMonth) {
      // The edges of the month: late at night on its last day, and just after midnight.
      await openDesk(DESKS[0], date, '23:10');
      at(date, '23:30');
      const late = await pay(date, new Set(['Guichet 1']));
      await useCredit();
      const suspended = await suspend();
      log.edges.push({
        at: app.clock.now().toISOString(),
        what: `${date} 23:30`,
        paymentId: late,
        serviceId: suspended,
      });
      endService(day.month % 2 === 0 ? 'terminated' : 'lost');
      const next = day.plus({ days: 1 }).toISODate() ?? '';
      at(next, '00:20');
      const early = await pay(next, new Set(['Guichet 1']));
      log.edges.push({ at: app.clock.now().toISOString(), what: `${next} 00:20`, paymentId: early, serviceId: null });
      at(next, '00:40');
      await closeDesk(DESKS[0]);
    }
  }
  return log;
}
