import { afterEach, describe, expect, it } from 'vitest';
import { parseArgs } from '../../electron/cli/args';
import { billingRunCommand } from '../../electron/cli/billing-run';
import { cliContext } from '../../electron/cli/context';
import { runCli } from '../../electron/cli/run';
import { ManualClock } from '../../electron/clock';
import { addDays, addMonths } from '../../shared/periods';
import { createService, openBillingOffice, QUIET_SMTP, setDay } from '../support/billing-office';
import { openTestApp, type TestApp } from '../support/core';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp';

let server: TestSmtpServer | null = null;
let app: TestApp | null = null;
afterEach(async () => {
  await server?.close();
  await app?.close();
  server = app = null;
});

/** The command as a scheduled job runs it, on the office's folder, with the test's clock. */
async function billingRun(dataDir: string, ...argv: string[]) {
  const lines = { out: [] as string[], err: [] as string[] };
  const clock = new ManualClock(new Date('2026-11-26T11:00:00Z'));
  const { context, close } = cliContext(
    ['--data-dir', dataDir, ...argv],
    {
      out: (l) => lines.out.push(l),
      err: (l) => lines.err.push(l),
    },
    clock,
  );
  try {
    const code = await billingRunCommand.run(parseArgs(argv), context);
    return { code, ...lines };
  } finally {
    await close();
  }
}

describe('npm run cli -- billing-run', () => {
  it('runs the day’s billing on the office’s folder and sends its e-mails; a second run does nothing', async () => {
    server = await startSmtpServer();
    const office = await openBillingOffice();
    app = office.app;
    await app.ok('admin', 'settings.saveSmtp', { ...QUIET_SMTP, port: server.port });
    setDay(app, '2026-11-26', 9);
    const client = office.clients.find((c) => c.emails.length > 0);
    const paidUntil = addDays('2026-11-26', 10);
    await createService(app, {
      clientId: client?.id ?? 0,
      productId: office.product('DOM.MA').id,
      label: 'planifie.ma',
      startDate: addMonths(paidUntil, -12),
      paidUntil,
    });
    const dataDir = app.dataDir;
    await app.core.close();

    const first = await billingRun(dataDir);
    expect(first).toMatchObject({ code: 0, err: [] });
    expect(first.out).toEqual([
      'Facturation du 26/11/2026 (passage n° 1) : proformas émises : 1 ; 1 e-mail(s) mis en file.',
      'E-mails : 1 envoyé(s), 0 en échec, 0 en attente.',
    ]);
    expect(server.received.map((m) => m.to[0])).toEqual([client?.emails[0]]);
    expect(server.received[0]?.attachments[0]?.filename).toBe('proforma-PF-2026-000001.pdf');

    const again = await billingRun(dataDir, '--mail', 'keep');
    expect(again.out).toEqual(['Facturation du 26/11/2026 (passage n° 2) : rien à faire ; 0 e-mail(s) mis en file.']);
    expect(server.received).toHaveLength(1);

    app = await openTestApp(dataDir);
    await app.ok('manager', 'auth.login', { username: 'gerant', password: 'manager-secret-1' });
    const runs = await app.ok('manager', 'automation.runs', {});
    expect(runs.rows.map((r) => [r.trigger, r.status])).toEqual([
      ['cli', 'done'],
      ['cli', 'done'],
    ]);
  });

  it('is listed in the help, and refuses a wrong option value', async () => {
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    expect(await runCli(['help'], io)).toBe(0);
    expect(lines.some((l) => l.trim().startsWith('billing-run'))).toBe(true);
    lines.length = 0;
    expect(await runCli(['billing-run', '--mail', 'jamais', '--data-dir', '/nonexistent'], io)).toBe(2);
    expect(lines).toEqual(['--mail : « send » ou « keep », pas « jamais ».']);
  });
});
