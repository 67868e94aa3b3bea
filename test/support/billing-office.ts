import type { BillingRunDto, ClientDto, ServiceDto, ServiceInput } from '../../shared/api';
import { nativeHandle } from '../../electron/db/data-source';
import { openTestApp, withStaff, type TestApp } from './core';
import { fullCompany, productsOf } from './documents';

/** The SMTP settings of the scenarios: switched on, so that messages are queued (nothing listens on port 1). */
export const QUIET_SMTP = {
  enabled: true,
  host: '127.0.0.1',
  port: 1,
  security: 'none' as const,
  fromName: 'HeberDomaine',
  fromAddress: 'facturation@heberdomaine.ma',
};

export interface BillingOffice {
  app: TestApp;
  /** Demo clients, by position. */
  clients: ClientDto[];
  product: Awaited<ReturnType<typeof productsOf>>;
}

/** A demo office (300 clients) with its company, staff and outbox switched on; the clock is the test's to walk. */
export async function openBillingOffice(dataDir?: string): Promise<BillingOffice> {
  const app = await openTestApp(dataDir);
  await withStaff(app);
  // The year is walked with the sessions open: no idle lock between two days of the scenario.
  app.core.sessions.setIdleLockMinutes(10 * 365 * 24 * 60);
  await app.ok('admin', 'settings.saveCompany', fullCompany);
  await app.ok('admin', 'settings.saveSmtp', QUIET_SMTP);
  await app.ok('admin', 'clients.loadDemo', {});
  const page = await app.ok('cashier', 'clients.list', { pageSize: 200 });
  const clients = await Promise.all(page.rows.slice(0, 40).map((c) => app.ok('cashier', 'clients.get', { id: c.id })));
  return { app, clients, product: await productsOf(app) };
}

/**
 * Puts the clock on a Casablanca calendar day, at 10:00 UTC by default (11:00 in Casablanca, 10:00 during Ramadan:
 * the same day either way; after the catalogue's prices took effect on the first morning, 09:00 UTC).
 */
export function setDay(app: TestApp, day: string, utcHour = 10): void {
  app.clock.set(new Date(`${day}T${String(utcHour).padStart(2, '0')}:00:00Z`));
}

export const runNow = (app: TestApp): Promise<BillingRunDto> => app.ok('manager', 'automation.runNow', {});

export function createService(app: TestApp, input: ServiceInput): Promise<ServiceDto> {
  return app.ok('cashier', 'services.create', input);
}

let references = 0;

/** The client pays what is left on a proforma by bank transfer, on the clock's day. */
export async function payProforma(app: TestApp, documentId: number, day: string): Promise<void> {
  const doc = await app.ok('cashier', 'documents.get', { id: documentId });
  const balance = doc.totals.ttc - doc.paid;
  references++;
  await app.ok('cashier', 'payments.record', {
    idempotencyKey: `billing-test-${String(references).padStart(6, '0')}`,
    clientId: doc.clientId,
    amount: balance,
    currency: doc.currency,
    details: { method: 'transfer', bank: 'Attijariwafa bank', reference: `VIR-${references}`, valueDate: day },
    allocations: [{ documentId, amount: balance }],
  });
}

/** Rows straight from the database, for what the API does not list in one call. */
export function rows<T>(app: TestApp, sql: string, ...params: unknown[]): T[] {
  return nativeHandle(app.core.db.dataSource)
    .prepare(sql)
    .all(...params) as T[];
}

/**
 * Everything a billing run could change, as one comparable value: documents, lines, services, their events, clients'
 * statuses, the outbox and the audit log (the run log itself is left out: a run that does nothing still logs itself).
 */
export function officeState(app: TestApp): string {
  const count = (table: string) => rows<{ n: number }>(app, `SELECT COUNT(*) AS n FROM "${table}"`)[0]?.n;
  return JSON.stringify({
    documents: rows(app, 'SELECT id, number, status, paid, due_date FROM documents ORDER BY id'),
    lines: count('document_lines'),
    services: rows(app, 'SELECT id, status, suspension_reason, paid_months, due_date FROM services ORDER BY id'),
    events: count('service_events'),
    clients: rows(app, 'SELECT id, status FROM clients ORDER BY id'),
    mails: count('mail_messages'),
    items: rows(app, 'SELECT COUNT(*) AS n FROM billing_run_items WHERE dedupe_key IS NOT NULL'),
  });
}
