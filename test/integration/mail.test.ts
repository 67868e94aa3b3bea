import { afterEach, describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../shared/periods';
import { automationServices } from '../../electron/modules/automation/services';
import { queueMail } from '../../electron/modules/mail/queue';
import { START, openTestApp, withStaff, type TestApp } from '../support/core';
import { fullCompany, pdfText, productsOf, qpdfCheck } from '../support/documents';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp';

let app: TestApp;
let server: TestSmtpServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
  await app.close();
});

const smtp = (port: number, enabled = true) => ({
  enabled,
  host: '127.0.0.1',
  port,
  security: 'none' as const,
  fromName: 'HeberDomaine',
  fromAddress: 'facturation@heberdomaine.ma',
});

async function office(port: number) {
  app = await openTestApp();
  await withStaff(app);
  await app.ok('admin', 'settings.saveCompany', fullCompany);
  await app.ok('admin', 'settings.saveSmtp', smtp(port));
  return { outbox: automationServices(app.core.db).outbox, product: await productsOf(app) };
}

async function clientWithDomain(
  product: Awaited<ReturnType<typeof productsOf>>,
  client: { firstName: string; lastName: string; emails: string[]; language?: 'fr' | 'en' },
  domain: string,
) {
  const created = await app.ok('cashier', 'clients.create', { kind: 'individual', phones: ['0661000002'], ...client });
  const paidUntil = addDays('2026-11-26', 20);
  await app.ok('cashier', 'services.create', {
    clientId: created.id,
    productId: product('DOM.MA').id,
    label: domain,
    startDate: addMonths(paidUntil, -12),
    paidUntil,
  });
  return created;
}

const runBilling = () => app.ok('manager', 'automation.runNow', {});

describe('the e-mail outbox, against a real SMTP server on 127.0.0.1', () => {
  it('sends the renewal proforma: right recipient, subject, French body and a valid PDF attached', async () => {
    server = await startSmtpServer();
    const { outbox, product } = await office(server.port);
    await clientWithDomain(
      product,
      { firstName: 'Sara', lastName: 'Idrissi', emails: ['sara.idrissi@example.ma'] },
      'idrissi.ma',
    );
    const run = await runBilling();
    expect(run).toMatchObject({ status: 'done', mails: 1, counts: { renewal_issued: 1 } });

    expect(await outbox.flush()).toEqual({ sent: 1, failed: 0, deferred: 0, skipped: 0 });
    expect(server.received).toHaveLength(1);
    const [mail] = server.received;
    expect(mail?.from).toBe('facturation@heberdomaine.ma');
    expect(mail?.to).toEqual(['sara.idrissi@example.ma']);
    expect(mail?.subject).toBe('Renouvellement de vos services — proforma PF-2026-000001');
    expect(mail?.text).toContain('Bonjour Sara Idrissi,');
    expect(mail?.text).toContain('Renouvellement du nom de domaine idrissi.ma — 1 an');
    expect(mail?.text).toContain('à régler avant le 16/12/2026');
    expect(mail?.text).toContain('Le renouvellement n’est jamais tacite');
    expect(mail?.text).toContain(`RIB : ${fullCompany.rib}`);
    expect(mail?.messageId).toMatch(/^<guichet\.\d+\.\d+@heberdomaine\.ma>$/);

    expect(mail?.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['proforma-PF-2026-000001.pdf', 'application/pdf'],
    ]);
    const pdf = mail?.attachments[0]?.content ?? Buffer.alloc(0);
    expect(qpdfCheck(pdf)).toContain('No syntax or stream encoding errors found');
    const text = pdfText(pdf);
    expect(text).toContain('PF-2026-000001');
    expect(text).toContain('idrissi.ma');
    expect(text).not.toContain('DUPLICATA');

    const [listed] = (await app.ok('cashier', 'mail.list', {})).rows;
    expect(listed).toMatchObject({
      kind: 'renewal_proforma',
      status: 'sent',
      to: 'sara.idrissi@example.ma',
      documentNumber: 'PF-2026-000001',
      attempts: 1,
      lastError: '',
    });
    expect(listed?.serverResponse).toMatch(/^250 /);
    // The attached PDF is the original whose SHA-256 was sealed.
    const doc = await app.ok('cashier', 'documents.verify', { id: listed?.documentId ?? 0 });
    expect(doc.matches).toBe(true);
    expect(await outbox.flush()).toEqual({ sent: 0, failed: 0, deferred: 0, skipped: 0 });
    expect(server.received).toHaveLength(1);
  });

  it('keeps messages queued while the server is down, and sends each exactly once when it is back', async () => {
    const probe = await startSmtpServer();
    const port = probe.port;
    await probe.close();
    const { outbox, product } = await office(port);
    await clientWithDomain(product, { firstName: 'Sara', lastName: 'Idrissi', emails: ['sara@example.ma'] }, 'sara.ma');
    await clientWithDomain(product, { firstName: 'Omar', lastName: 'Tazi', emails: ['omar@example.ma'] }, 'tazi.ma');
    expect((await runBilling()).mails).toBe(2);

    expect(await outbox.flush()).toEqual({ sent: 0, failed: 0, deferred: 1, skipped: 0 });
    const down = await app.ok('cashier', 'mail.list', {});
    expect(down.rows.map((m) => m.status)).toEqual(['queued', 'queued']);
    const tried = down.rows.find((m) => m.attempts === 1);
    expect(tried?.lastError).toMatch(/ECONNREFUSED|connexion/);
    const status = await app.ok('cashier', 'mail.status', {});
    expect(status).toMatchObject({ queued: 2, failed: 0 });
    expect(Date.parse(status.pausedUntil ?? '')).toBe(app.clock.now().getTime() + 60_000);
    // Paused: nothing is tried before the back-off is over.
    expect(await outbox.flush()).toEqual({ sent: 0, failed: 0, deferred: 0, skipped: 0 });

    server = await startSmtpServer(port);
    app.clock.advance(60_000);
    // Two rounds at once still send each message once.
    const [first, second] = await Promise.all([outbox.flush(), outbox.flush()]);
    expect(first).toEqual({ sent: 2, failed: 0, deferred: 0, skipped: 0 });
    expect(second).toBe(first);
    expect(await outbox.flush()).toEqual({ sent: 0, failed: 0, deferred: 0, skipped: 0 });
    expect(server.received.map((m) => m.to[0]).sort()).toEqual(['omar@example.ma', 'sara@example.ma']);
    const up = await app.ok('cashier', 'mail.list', {});
    expect(up.rows.map((m) => m.status)).toEqual(['sent', 'sent']);
  });

  it('fails for good on a permanent refusal, with the server’s answer; defers on a temporary one; resends', async () => {
    server = await startSmtpServer();
    server.refuse('inconnu@example.ma', 550, 'Mailbox unknown');
    server.refuse('plein@example.ma', 452, 'Mailbox full, try later');
    const { outbox, product } = await office(server.port);
    await clientWithDomain(
      product,
      { firstName: 'Nadia', lastName: 'Inconnue', emails: ['inconnu@example.ma'] },
      'a1.ma',
    );
    await clientWithDomain(product, { firstName: 'Karim', lastName: 'Plein', emails: ['plein@example.ma'] }, 'a2.ma');
    await runBilling();

    expect(await outbox.flush()).toEqual({ sent: 0, failed: 1, deferred: 1, skipped: 0 });
    const rows = (await app.ok('cashier', 'mail.list', {})).rows;
    const refused = rows.find((m) => m.to === 'inconnu@example.ma');
    const full = rows.find((m) => m.to === 'plein@example.ma');
    expect(refused).toMatchObject({ status: 'failed', attempts: 1 });
    expect(refused?.lastError).toContain('550');
    expect(refused?.lastError).toContain('Mailbox unknown');
    expect(full).toMatchObject({ status: 'queued', attempts: 1 });
    expect(full?.lastError).toContain('452');
    expect(Date.parse(full?.nextAttemptAt ?? '')).toBe(app.clock.now().getTime() + 60_000);

    // The address is corrected on the client's record, then the message is sent again.
    server.accept('inconnu@example.ma');
    server.received.length = 0;
    const again = await app.ok('cashier', 'mail.resend', { id: refused?.id ?? 0 });
    expect(again).toMatchObject({ id: refused?.id, status: 'queued', attempts: 0, lastError: '' });
    await outbox.flush();
    expect(server.received.map((m) => m.to[0])).toEqual(['inconnu@example.ma']);
    // A sent message is resent as a new message; the first one stays as the record of what went out.
    const copy = await app.ok('cashier', 'mail.resend', { id: refused?.id ?? 0 });
    expect(copy.id).not.toBe(refused?.id);
    await outbox.flush();
    expect(server.received).toHaveLength(2);
    expect(await app.call('cashier', 'mail.resend', { id: full?.id ?? 0 })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('writes in the client’s language, and says why when the client has no e-mail address', async () => {
    server = await startSmtpServer();
    const { outbox, product } = await office(server.port);
    await clientWithDomain(
      product,
      { firstName: 'John', lastName: 'Smith', emails: ['john@example.com'], language: 'en' },
      'smith-consulting.ma',
    );
    await clientWithDomain(product, { firstName: 'Hassan', lastName: 'Sansmail', emails: [] }, 'sansmail.ma');
    await runBilling();
    const queued = (await app.ok('cashier', 'mail.list', {})).rows;
    const noAddress = queued.find((m) => m.clientName === 'Hassan Sansmail');
    const preview = await app.ok('cashier', 'mail.get', { id: noAddress?.id ?? 0 });
    expect(preview.preview).toBe(true);
    expect(preview.problem).toContain("pas d'adresse e-mail");

    expect(await outbox.flush()).toEqual({ sent: 1, failed: 1, deferred: 0, skipped: 0 });
    expect(server.received[0]?.subject).toBe('Renewal of your services — proforma PF-2026-000001');
    expect(server.received[0]?.text).toContain('Hello John Smith,');
    const failed = await app.ok('cashier', 'mail.get', { id: noAddress?.id ?? 0 });
    expect(failed).toMatchObject({ status: 'failed', preview: false });
    expect(failed.lastError).toContain("pas d'adresse e-mail");
  });

  it('sends a payment’s receipt with the invoice it completed, queued once by the payment’s own transaction', async () => {
    server = await startSmtpServer();
    const { outbox, product } = await office(server.port);
    const client = await clientWithDomain(
      product,
      { firstName: 'Sara', lastName: 'Idrissi', emails: ['sara.idrissi@example.ma'] },
      'idrissi.ma',
    );
    await runBilling();
    const [proforma] = (await app.ok('cashier', 'documents.list', { type: 'proforma' })).rows;
    const payment = await app.ok('cashier', 'payments.record', {
      idempotencyKey: 'mail-test-payment-1',
      clientId: client.id,
      amount: proforma?.ttc ?? 0,
      details: { method: 'transfer', bank: 'CIH Bank', reference: 'VIR-778', valueDate: '2026-11-26' },
    });
    // The payment queued its receipt in its own transaction; queuing it again changes nothing.
    const actor = { userId: null, username: 'caissier' };
    const again = await app.core.db.write(actor, 'test.queue', async (tx) => {
      const request = {
        kind: 'payment_receipt' as const,
        clientId: client.id,
        paymentId: payment.id,
        dedupeKey: `payment:${payment.id}`,
      };
      const queued = queueMail(tx, actor, request);
      await tx.audit({ action: 'test.queue', entity: 'mail', summary: {} });
      return queued;
    });
    expect(again).toBe(false);
    expect((await app.ok('cashier', 'mail.list', { kind: 'payment_receipt' })).rows).toHaveLength(1);

    // The renewal proforma was paid before its message went out: it is not sent, and says why.
    expect(await outbox.flush()).toEqual({ sent: 1, failed: 0, deferred: 0, skipped: 1 });
    const renewal = (await app.ok('cashier', 'mail.list', { kind: 'renewal_proforma' })).rows[0];
    expect(renewal?.status).toBe('skipped');
    expect(renewal?.lastError).toBe('La proforma PF-2026-000001 est réglée : message sans objet.');
    expect(server.received).toHaveLength(1);
    const mail = server.received[0];
    expect(mail?.subject).toBe(`Votre paiement ${payment.number} — merci`);
    expect(mail?.text).toContain(`ainsi que la facture ${payment.invoices[0]?.number ?? ''}`);
    expect(mail?.attachments.map((a) => a.filename)).toEqual([
      `recu-${payment.number}.pdf`,
      `facture-${payment.invoices[0]?.number ?? ''}.pdf`,
    ]);
    for (const attachment of mail?.attachments ?? []) {
      expect(qpdfCheck(attachment.content)).toContain('No syntax or stream encoding errors found');
    }
    expect(pdfText(mail?.attachments[0]?.content ?? Buffer.alloc(0))).toContain(payment.number);
  });

  it('queues nothing while the outbox is switched off, nor for a kind whose template is off', async () => {
    server = await startSmtpServer();
    const { product } = await office(server.port);
    await app.ok('admin', 'settings.saveSmtp', smtp(server.port, false));
    await clientWithDomain(product, { firstName: 'Sara', lastName: 'Idrissi', emails: ['sara@example.ma'] }, 'off.ma');
    expect((await runBilling()).mails).toBe(0);

    await app.ok('admin', 'settings.saveSmtp', smtp(server.port, true));
    const { templates } = await app.ok('manager', 'mail.getTemplates', {});
    await app.ok('manager', 'mail.saveTemplates', {
      ...templates,
      renewal_proforma: { ...templates.renewal_proforma, enabled: false },
    });
    await clientWithDomain(product, { firstName: 'Omar', lastName: 'Tazi', emails: ['omar@example.ma'] }, 'off2.ma');
    const run = await runBilling();
    expect(run.counts.renewal_issued).toBe(1);
    expect(run.mails).toBe(0);
    expect((await app.ok('cashier', 'mail.list', {})).total).toBe(0);
  });

  it('sends the test message with the settings as typed, and gives the server’s answer or the failure', async () => {
    server = await startSmtpServer();
    await office(server.port);
    const typed = { ...smtp(server.port), password: null };
    const sent = await app.ok('admin', 'mail.sendTest', { settings: typed, to: 'admin@heberdomaine.ma' });
    expect(sent.response).toMatch(/^250 /);
    expect(server.received[0]?.subject).toBe('Guichet : e-mail de test');
    expect(server.received[0]?.text).toContain(fullCompany.name);

    await server.close();
    server = null;
    const failed = await app.call('admin', 'mail.sendTest', { settings: typed, to: 'admin@heberdomaine.ma' });
    expect(failed).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(failed.ok ? '' : failed.error.message).toMatch(/n'a pas pu partir : connexion au serveur impossible/);
    // Both attempts are in the outbox, with their outcome; the cashier may not send tests.
    const list = await app.ok('cashier', 'mail.list', { kind: 'test' });
    expect(list.rows.map((m) => m.status)).toEqual(['failed', 'sent']);
    expect(await app.call('cashier', 'mail.sendTest', { settings: typed, to: 'x@example.ma' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    // The password is never sent back to a screen.
    expect(await app.ok('admin', 'settings.getSmtp', {})).not.toHaveProperty('password');
    expect(START.toISOString()).toBe('2026-11-26T09:00:00.000Z');
  });
});
