import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceDto } from '../../shared/api';
import { businessDate } from '../../shared/dates';
import { addDays, addMonths } from '../../shared/periods';
import { DEFAULT_LIFECYCLE } from '../../shared/catalog';
import { automationServices } from '../../electron/modules/automation/services';
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
 * A year of the billing run over the demo office, walked day by day with a fixed clock: every morning the run, then a
 * second run that must change nothing; the clients pay some proformas and leave others unpaid. What the terms promise
 * is then read back from the documents, the services' events and the outbox.
 */
const FIRST_DAY = '2026-11-26';
const LAST_DAY = '2027-11-26';

let office: BillingOffice;
const services: Record<string, ServiceDto> = {};
const secondRuns: { day: string; counts: object; mails: number; changed: boolean }[] = [];
let paidMonthsChanges: { day: string; serviceId: number }[] = [];

interface Plan {
  key: string;
  client: number;
  product: string;
  label: string;
  cycle?: 'monthly' | 'quarterly' | 'annual';
  paidUntil: string;
  months: number;
}

/** The services of the scenario: [client index in the demo office, product, paid until]. */
const PLANS: Plan[] = [
  { key: 'paidDomain', client: 0, product: 'DOM.MA', label: 'atlas-digital.ma', paidUntil: '2027-01-15', months: 12 },
  {
    key: 'catchUpDomain',
    client: 1,
    product: 'DOM.COM',
    label: 'medina-shop.com',
    paidUntil: '2026-12-20',
    months: 12,
  },
  {
    key: 'lostDomain',
    client: 2,
    product: 'DOM.COM',
    label: 'idrissi-conseil.com',
    paidUntil: '2027-03-10',
    months: 12,
  },
  { key: 'graceDomain', client: 3, product: 'DOM.MA', label: 'zellige-art.ma', paidUntil: '2027-05-01', months: 12 },
  { key: 'lateDomain', client: 4, product: 'DOM.NET', label: 'souk-online.net', paidUntil: '2027-08-31', months: 24 },
  {
    key: 'abandonedHosting',
    client: 5,
    product: 'HEB-PRO',
    label: 'riad-tours.ma',
    cycle: 'annual',
    paidUntil: '2027-02-01',
    months: 12,
  },
  {
    key: 'monthlyHosting',
    client: 6,
    product: 'HEB-STARTER',
    label: 'cafe-atlas.ma',
    cycle: 'monthly',
    paidUntil: '2026-12-10',
    months: 1,
  },
  {
    key: 'reactivatedHosting',
    client: 7,
    product: 'HEB-PRO',
    label: 'dar-nour.ma',
    cycle: 'quarterly',
    paidUntil: '2027-01-31',
    months: 3,
  },
  {
    key: 'abuseHosting',
    client: 8,
    product: 'HEB-BUSINESS',
    label: 'spam-king.ma',
    cycle: 'annual',
    paidUntil: '2027-06-15',
    months: 12,
  },
  {
    key: 'unpaidSsl',
    client: 9,
    product: 'SSL-DV',
    label: 'ssl.atlas-digital.ma',
    cycle: 'annual',
    paidUntil: '2027-04-20',
    months: 12,
  },
  {
    key: 'endingVps',
    client: 10,
    product: 'VPS-S',
    label: 'vps-ending',
    cycle: 'monthly',
    paidUntil: '2026-12-05',
    months: 1,
  },
];

const id = (key: string) => {
  const service = services[key];
  if (!service) throw new Error(`no service ${key}`);
  return service.id;
};

/** The client's open proforma holding a service, if any. */
function openProformaOf(serviceId: number): { id: number; issue_date: string } | undefined {
  return rows<{ id: number; issue_date: string }>(
    office.app,
    `SELECT d.id, d.issue_date FROM documents d JOIN document_lines l ON l.document_id = d.id
     WHERE l.service_id = ? AND l.kind = 'service' AND d.type = 'proforma' AND d.status IN ('issued', 'partially_paid')`,
    serviceId,
  )[0];
}

/** What the clients do on a given day of the scenario, after the morning run. */
async function clientsOf(day: string): Promise<void> {
  const app = office.app;
  const pay = async (key: string) => {
    const open = openProformaOf(id(key));
    if (!open) throw new Error(`${day}: no open proforma for ${key}`);
    setDay(app, day, 14);
    await payProforma(app, open.id, day);
  };
  // The monthly hosting is paid three days after each renewal proforma, all year.
  const monthly = openProformaOf(id('monthlyHosting'));
  if (monthly && addDays(monthly.issue_date, 3) === day) await pay('monthlyHosting');
  if (day === '2026-12-01') await pay('catchUpDomain');
  if (day === '2027-01-05') await pay('paidDomain');
  // Suspended for non-payment on 7 February, paid on the 12th: reactivated.
  if (day === '2027-02-12') await pay('reactivatedHosting');
  // Paid in its grace period: the proforma carries the late fee.
  if (day === '2027-05-12') await pay('graceDomain');
  if (day === '2027-06-01') {
    // The counter invoices the hosting suspended for abuse (the run does not); the client pays it on the 5th.
    setDay(app, day, 14);
    const draft = await app.ok('cashier', 'documents.saveDraft', {
      clientId: office.clients[8]?.id ?? 0,
      lines: [{ kind: 'service', serviceId: id('abuseHosting') }],
    });
    await app.ok('cashier', 'documents.issue', { id: draft.id });
  }
  if (day === '2027-06-05') await pay('abuseHosting');
}

beforeAll(async () => {
  office = await openBillingOffice();
  const { app, clients, product } = office;
  setDay(app, FIRST_DAY, 9);
  for (const plan of PLANS) {
    services[plan.key] = await createService(app, {
      clientId: clients[plan.client]?.id ?? 0,
      productId: product(plan.product).id,
      label: plan.label,
      ...(plan.cycle ? { billingCycle: plan.cycle } : {}),
      startDate: addMonths(plan.paidUntil, -plan.months),
      paidUntil: plan.paidUntil,
    });
  }
  await app.ok('manager', 'services.suspend', {
    id: id('abuseHosting'),
    reason: 'abuse',
    note: 'Envoi de spam depuis le compte',
  });
  // Ends at the client's request: no renewal, terminated when its paid month is over.
  await app.ok('cashier', 'services.requestTermination', {
    id: id('endingVps'),
    channel: 'email',
    requestedOn: FIRST_DAY,
  });

  const paidMonths = () =>
    new Map(
      rows<{ id: number; paid_months: number }>(app, 'SELECT id, paid_months FROM services').map((r) => [
        r.id,
        r.paid_months,
      ]),
    );
  for (let day = FIRST_DAY; day <= LAST_DAY; day = addDays(day, 1)) {
    setDay(app, day);
    const before = paidMonths();
    await runNow(app);
    // The run never renews anything: paid time only grows with a payment.
    for (const [serviceId, months] of paidMonths()) {
      if (months !== before.get(serviceId)) paidMonthsChanges.push({ day, serviceId });
    }
    const state = officeState(app);
    setDay(app, day, 12);
    const again = await runNow(app);
    secondRuns.push({ day, counts: again.counts, mails: again.mails, changed: officeState(app) !== state });
    await clientsOf(day);
  }
  // The proformas of the run are sealed in the background: let that finish before reading them.
  await automationServices(app.core.db).runner.idle();
}, 600_000);

afterAll(async () => {
  paidMonthsChanges = [];
  await office.app.close().catch(() => undefined);
});

/** Status changes of a service recorded by the run: [calendar day, new status]. */
function runEvents(serviceId: number): [string, string][] {
  return rows<{ at: string; to_status: string }>(
    office.app,
    `SELECT at, to_status FROM service_events WHERE service_id = ? AND kind = 'status' AND user_id IS NULL ORDER BY id`,
    serviceId,
  ).map((e) => [businessDate(new Date(e.at)), e.to_status]);
}

interface LineRow {
  number: string;
  status: string;
  issue_date: string;
  period_from: string;
  issued_by: string | null;
}

function renewalLines(serviceId: number): LineRow[] {
  return rows<LineRow>(
    office.app,
    `SELECT d.number, d.status, d.issue_date, l.period_from, d.issued_by FROM document_lines l
     JOIN documents d ON d.id = l.document_id
     WHERE l.service_id = ? AND l.kind = 'service' AND d.type = 'proforma' ORDER BY d.id`,
    serviceId,
  );
}

describe('a year of daily billing runs over the demo office', () => {
  it('issues every domain exactly one renewal proforma, 30 days before its expiry', () => {
    const days = DEFAULT_LIFECYCLE.domain.daysBeforeInvoice;
    for (const key of ['paidDomain', 'lostDomain', 'graceDomain', 'lateDomain']) {
      const plan = PLANS.find((p) => p.key === key);
      const lines = renewalLines(id(key)).filter((l) => l.issued_by === null);
      const first = lines[0];
      expect(first, key).toBeDefined();
      expect(first?.period_from).toBe(plan?.paidUntil);
      expect(first?.issue_date).toBe(addDays(plan?.paidUntil ?? '', -days));
      // Once per period: any later proforma of the run for the same period is the grace replacement, on expiry day.
      const samePeriod = lines.filter((l) => l.period_from === plan?.paidUntil);
      expect(samePeriod.slice(1).every((l) => l.issue_date === plan?.paidUntil)).toBe(true);
      expect(samePeriod.length).toBeLessThanOrEqual(2);
    }
    // Renewed on 5 January: the next proforma is for January 2028, not due within the year.
    expect(renewalLines(id('paidDomain'))).toHaveLength(1);
    // Brought in 24 days before its expiry: the first run caught up on the same day.
    expect(renewalLines(id('catchUpDomain'))[0]).toMatchObject({ issue_date: FIRST_DAY, period_from: '2026-12-20' });
  });

  it('moves an unpaid domain to grace with the late fee on its renewal, then to lost', () => {
    expect(runEvents(id('lostDomain'))).toEqual([
      ['2027-03-10', 'grace'],
      ['2027-04-10', 'lost'],
    ]);
    const lines = renewalLines(id('lostDomain'));
    expect(lines.map((l) => [l.issue_date, l.status])).toEqual([
      ['2027-02-08', 'cancelled'],
      ['2027-03-10', 'cancelled'],
    ]);
    const fees = rows<{ n: number }>(
      office.app,
      `SELECT COUNT(*) AS n FROM document_lines WHERE service_id = ? AND kind = 'late_fee'`,
      id('lostDomain'),
    );
    expect(fees[0]?.n).toBe(1);
  });

  it('lets a domain be renewed in its grace period, late fee paid, from its old expiry', async () => {
    expect(runEvents(id('graceDomain'))).toEqual([['2027-05-01', 'grace']]);
    const service = await office.app.ok('cashier', 'services.get', { id: id('graceDomain') });
    expect(service).toMatchObject({ status: 'active', dueDate: '2028-05-01' });
  });

  it('suspends and terminates unpaid services on the configured days, and marks the account abandoned', async () => {
    const hosting = DEFAULT_LIFECYCLE.hosting;
    expect(runEvents(id('abandonedHosting'))).toEqual([
      [addDays('2027-02-01', hosting.daysToSuspend), 'suspended'],
      [addDays('2027-02-01', hosting.daysToTerminate), 'terminated'],
    ]);
    const ssl = DEFAULT_LIFECYCLE.ssl;
    expect(runEvents(id('unpaidSsl'))).toEqual([
      [addDays('2027-04-20', ssl.daysToSuspend), 'suspended'],
      [addDays('2027-04-20', ssl.daysToTerminate), 'terminated'],
    ]);
    const client = await office.app.ok('cashier', 'clients.get', { id: office.clients[5]?.id ?? 0 });
    expect(client.status).toBe('abandoned');
    // Its unpaid proforma is cancelled with the service: it can no longer be paid for nothing.
    expect(renewalLines(id('abandonedHosting')).map((l) => l.status)).toEqual(['cancelled']);
  });

  it('terminates a service at the end of its paid time when the client asked, without a renewal proforma', async () => {
    expect(runEvents(id('endingVps'))).toEqual([['2026-12-05', 'terminated']]);
    expect(renewalLines(id('endingVps'))).toEqual([]);
    const client = await office.app.ok('cashier', 'clients.get', { id: office.clients[10]?.id ?? 0 });
    expect(client.status).toBe('active');
  });

  it('reactivates on payment a service suspended for non-payment, never one suspended for abuse', async () => {
    const events = rows<{ at: string; kind: string; to_status: string; user_id: number | null }>(
      office.app,
      `SELECT at, kind, to_status, user_id FROM service_events WHERE service_id = ? ORDER BY id`,
      id('reactivatedHosting'),
    ).map((e) => [businessDate(new Date(e.at)), e.kind, e.to_status]);
    expect(events.slice(0, 3)).toEqual([
      ['2026-11-26', 'created', 'active'],
      ['2027-02-07', 'status', 'suspended'],
      ['2027-02-12', 'extension', 'active'],
    ]);
    // The next quarter went unpaid: suspended and terminated again, on time.
    expect(runEvents(id('reactivatedHosting')).slice(1)).toEqual([
      ['2027-05-07', 'suspended'],
      ['2027-05-30', 'terminated'],
    ]);
    const abuse = await office.app.ok('cashier', 'services.get', { id: id('abuseHosting') });
    expect(abuse).toMatchObject({ status: 'suspended', suspensionReason: 'abuse', dueDate: '2028-06-15' });
    // The run never invoiced it, nor touched it.
    expect(renewalLines(id('abuseHosting')).every((l) => l.issued_by === 'caissier')).toBe(true);
    expect(runEvents(id('abuseHosting'))).toEqual([]);
  });

  it('renews a monthly service once a month, each period on exactly one proforma', () => {
    const lines = renewalLines(id('monthlyHosting'));
    const periods = lines.map((l) => l.period_from);
    expect(new Set(periods).size).toBe(periods.length);
    expect(lines.length).toBeGreaterThanOrEqual(12);
    expect(lines.every((l) => l.issued_by === null)).toBe(true);
    expect(runEvents(id('monthlyHosting'))).toEqual([]);
  });

  it('never renews anything by itself: paid time only grows on the days a client paid', () => {
    const paidDays = new Set(
      rows<{ at: string; user_id: number | null }>(
        office.app,
        `SELECT at, user_id FROM service_events WHERE kind = 'extension'`,
      ).map((e) => {
        expect(e.user_id).not.toBeNull();
        return businessDate(new Date(e.at));
      }),
    );
    expect(paidMonthsChanges).toEqual([]);
    expect(paidDays.size).toBeGreaterThan(10);
  });

  it('queues each e-mail once: one renewal message per proforma of the run, one reminder, one suspension notice', () => {
    const mails = rows<{ kind: string; document_id: number | null; service_id: number | null }>(
      office.app,
      'SELECT kind, document_id, service_id FROM mail_messages',
    );
    const renewalDocs = rows<{ id: number }>(
      office.app,
      `SELECT id FROM documents WHERE type = 'proforma' AND issued_by IS NULL AND number IS NOT NULL`,
    ).map((d) => d.id);
    const renewalMails = mails.filter((m) => m.kind === 'renewal_proforma').map((m) => m.document_id);
    expect([...renewalMails].sort()).toEqual([...renewalDocs].sort());
    const suspensions = mails.filter((m) => m.kind === 'suspension_notice');
    expect(suspensions.map((m) => m.service_id).sort()).toEqual(
      [id('abandonedHosting'), id('reactivatedHosting'), id('reactivatedHosting'), id('unpaidSsl')].sort(),
    );
    const reminders = mails.filter((m) => m.kind === 'overdue_reminder').map((m) => m.document_id);
    expect(new Set(reminders).size).toBe(reminders.length);
    expect(reminders.length).toBeGreaterThan(0);
  });

  it('changes nothing when run a second time the same day', () => {
    expect(secondRuns).toHaveLength(366);
    expect(secondRuns.filter((r) => r.changed || r.mails > 0 || Object.keys(r.counts).length > 0)).toEqual([]);
  });

  it('seals every proforma it issued, after the fact', () => {
    const unsealed = rows<{ number: string }>(
      office.app,
      `SELECT number FROM documents WHERE type = 'proforma' AND number IS NOT NULL AND pdf_sha256 IS NULL`,
    );
    expect(unsealed).toEqual([]);
  });
});
