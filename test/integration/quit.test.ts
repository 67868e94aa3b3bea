import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../shared/periods';
import { automationServices } from '../../electron/modules/automation/services';
import { DATABASE_FILE } from '../../electron/db/data-source';
import { closeWithin } from '../../electron/shell/quit';
import { withStaff } from '../support/core';
import { fullCompany, productsOf } from '../support/documents';
import { openHostApp, type HostApp } from '../support/host';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp';

// Quitting the desktop app while the outbox talks to a slow SMTP server: the outbox stops after the message being
// sent, the database closes cleanly, and a server that never answers cannot hold the quit past its deadline.

let app: HostApp | null = null;
let server: TestSmtpServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
  if (app) rmSync(app.dataDir, { recursive: true, force: true });
  app = null;
});

/** An office with three renewal e-mails queued, and the outbox sending in the background as the app runs it. */
async function officeSending(port: number): Promise<HostApp> {
  const office = await openHostApp();
  await withStaff(office);
  await office.ok('admin', 'settings.saveCompany', fullCompany);
  await office.ok('admin', 'settings.saveSmtp', {
    enabled: true,
    host: '127.0.0.1',
    port,
    security: 'none',
    fromName: 'HeberDomaine',
    fromAddress: 'facturation@heberdomaine.ma',
  });
  const product = await productsOf(office);
  const paidUntil = addDays('2026-11-26', 20);
  for (const [i, name] of ['Idrissi', 'Benali', 'Tazi'].entries()) {
    const client = await office.ok('cashier', 'clients.create', {
      kind: 'individual',
      firstName: 'Sara',
      lastName: name,
      phones: [`066100000${i}`],
      emails: [`${name.toLowerCase()}@example.ma`],
    });
    await office.ok('cashier', 'services.create', {
      clientId: client.id,
      productId: product('DOM.MA').id,
      label: `${name.toLowerCase()}.ma`,
      startDate: addMonths(paidUntil, -12),
      paidUntil,
    });
  }
  expect(await office.ok('manager', 'automation.runNow', {})).toMatchObject({ mails: 3 });
  office.host.attach((core) => {
    const { outbox } = automationServices(core.db);
    outbox.start();
    return outbox;
  });
  return office;
}

function mailStates(dataDir: string): string[] {
  const db = new Sqlite(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare('SELECT status FROM mail_messages ORDER BY id').pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe('quitting while e-mails go out', () => {
  it('stops the outbox between two messages: the one being sent ends, the others stay queued', async () => {
    server = await startSmtpServer();
    const slow = server.hold();
    app = await officeSending(server.port);
    await slow.arrived;

    const quitting = closeWithin(() => app?.host.close() ?? Promise.resolve(), 120_000);
    slow.release();
    expect(await quitting).toBe('closed');

    expect(server.received.map((m) => m.to[0])).toEqual(['idrissi@example.ma']);
    // A clean close: no WAL left, no run marker (the next start does not think it crashed).
    expect(readdirSync(app.dataDir).filter((f) => /-wal$|-shm$|running$/.test(f))).toEqual([]);

    expect(mailStates(app.dataDir)).toEqual(['sent', 'queued', 'queued']);
  });

  it('quits at its deadline when the server never answers', async () => {
    server = await startSmtpServer();
    const stuck = server.hold();
    app = await officeSending(server.port);
    await stuck.arrived;

    const closing = app.host.close();
    expect(await closeWithin(() => closing, 300)).toBe('deadline');
    // The app exits there; what was being sent stays "sending" in the file and the next start puts it back in the
    // queue (Outbox.recover). Here the server answers at last, and the close ends.
    stuck.release();
    await closing;
  });
});
