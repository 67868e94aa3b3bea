import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { settleProforma } from '../../electron/modules/documents/settle';
import { formatMoney } from '../../shared/money';
import { openTestApp, withStaff, type TestApp } from '../support/core';
import { fullCompany, pdfPages, pdfText, productsOf, qpdfCheck } from '../support/documents';
import { dataSnapshot } from '../support/snapshot';

let app: TestApp;
afterEach(() => app.close());

const ADMIN = { userId: 1, username: 'admin' };

async function office() {
  app = await openTestApp(); // clock: 2026-11-26 09:00 UTC (10:00 in Casablanca)
  await withStaff(app);
  await app.ok('admin', 'settings.saveCompany', fullCompany);
  const product = await productsOf(app);
  const client = await app.ok('cashier', 'clients.create', {
    kind: 'company',
    companyName: 'Atlas Digital',
    legalForm: 'SARL',
    ice: '002345678000091',
    ifNumber: '1234567',
    address: '45, avenue Hassan II',
    city: 'Rabat',
    phones: ['0522123456'],
    emails: ['compta@atlas-digital.ma'],
  });
  return { product, client };
}

/** A .ma domain 16 days past its expiry (in grace) and a hosting plan waiting for its first payment. */
async function dueServices(clientId: number, product: Awaited<ReturnType<typeof productsOf>>) {
  const domain = await app.ok('cashier', 'services.create', {
    clientId,
    productId: product('DOM.MA').id,
    label: 'atlas-digital.ma',
    startDate: '2024-11-10',
    paidUntil: '2026-11-10',
  });
  const hosting = await app.ok('cashier', 'services.create', {
    clientId,
    productId: product('HEB-PRO').id,
    label: 'atlas-digital.ma',
    billingCycle: 'annual',
    startDate: '2026-11-26',
  });
  return { domain, hosting };
}

/** pdftotext gives the narrow and no-break spaces back as they are; compare with plain spaces. */
const spaced = (t: string) => t.replace(/[\u00a0\u202f]/g, ' ');

/** The bytes of a PDF, kept under test-results/pdfs for a person to look at. */
function pdfOf(file: { pdf: string; fileName: string }): Buffer {
  const bytes = Buffer.from(file.pdf, 'base64');
  mkdirSync('test-results/pdfs', { recursive: true });
  writeFileSync(path.join('test-results/pdfs', file.fileName), bytes);
  return bytes;
}

describe('proformas', () => {
  it('lists the services due, prices them from the catalogue with the grace surcharge, and totals by the one rounding rule', async () => {
    const { product, client } = await office();
    const { domain, hosting } = await dueServices(client.id, product);
    const options = await app.ok('cashier', 'documents.renewalOptions', { clientId: client.id });
    expect(options).toEqual([
      expect.objectContaining({
        serviceId: domain.id,
        phase: 'grace',
        unitPrice: 25_000,
        lateFee: 15_000,
        periodFrom: '2026-11-10',
        periodTo: '2027-11-10',
        due: true,
        openProforma: null,
      }),
      expect.objectContaining({ serviceId: hosting.id, phase: 'pending', unitPrice: 99_000, lateFee: 0 }),
    ]);

    const draft = await app.ok('cashier', 'documents.saveDraft', {
      clientId: client.id,
      lines: [
        { kind: 'service', serviceId: domain.id, periods: 2 },
        { kind: 'service', serviceId: hosting.id },
        {
          kind: 'item',
          productId: product('INFOG-MISSION').id,
          description: 'Migration du site (heures)',
          quantity: 1_500,
          unitPrice: 33_333,
          vatRate: 2000,
        },
        { kind: 'item', description: 'Frais de dossier', quantity: 1_000, unitPrice: 4_999, vatRate: 1000 },
      ],
    });
    expect(draft).toMatchObject({ type: 'proforma', status: 'draft', number: null, issueDate: null });
    expect(draft.lines.map((l) => [l.kind, l.description, l.quantity, l.unitPrice, l.amountHt])).toEqual([
      ['service', 'Renouvellement du nom de domaine atlas-digital.ma — 2 ans', 2_000, 25_000, 50_000],
      ['late_fee', 'Frais de renouvellement tardif — atlas-digital.ma (expiré le 10/11/2026)', 1_000, 15_000, 15_000],
      [
        'service',
        'Hébergement Pro (20 Go, e-mails illimités) — atlas-digital.ma (Souscription, annuel)',
        1_000,
        99_000,
        99_000,
      ],
      ['item', 'Migration du site (heures)', 1_500, 33_333, 49_999.5 + 0.5], // 499,995 DH rounds half up
      ['item', 'Frais de dossier', 1_000, 4_999, 4_999],
    ]);
    expect(draft.lines[0]).toMatchObject({ periodFrom: '2026-11-10', periodTo: '2028-11-10', months: 24 });
    // 20 %: 500 + 150 + 990 + 499,995 → 2 139,995 DH HT → 2 140,00 DH HT rounded per line; VAT 428,00. 10 %: 49,99 → 5,00.
    expect(draft.totals).toEqual({
      lines: [50_000, 15_000, 99_000, 50_000, 4_999],
      vat: [
        { rate: 2000, base: 214_000, vat: 42_800 },
        { rate: 1000, base: 4_999, vat: 500 },
      ],
      ht: 218_999,
      totalVat: 43_300,
      ttc: 262_299,
    });
  });

  it('keeps a draft editable and unnumbered; issuing numbers it, freezes it and seals its PDF', async () => {
    const { product, client } = await office();
    const { domain, hosting } = await dueServices(client.id, product);
    const draft = await app.ok('cashier', 'documents.saveDraft', {
      clientId: client.id,
      lines: [{ kind: 'service', serviceId: domain.id }],
    });
    const edited = await app.ok('cashier', 'documents.saveDraft', {
      id: draft.id,
      clientId: client.id,
      notes: 'Règlement au guichet.',
      lines: [
        { kind: 'service', serviceId: domain.id },
        { kind: 'service', serviceId: hosting.id },
      ],
    });
    expect(edited.id).toBe(draft.id);
    expect(edited.lines).toHaveLength(3);

    const issued = await app.ok('cashier', 'documents.issue', { id: draft.id });
    expect(issued).toMatchObject({
      number: 'PF-2026-000001',
      status: 'issued',
      issueDate: '2026-11-26',
      // The domain's renewal period began before today: payable at once.
      dueDate: '2026-11-26',
      issuedBy: 'caissier',
      pdfSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const again = await app.call('cashier', 'documents.saveDraft', {
      id: draft.id,
      clientId: client.id,
      lines: [{ kind: 'item', description: 'x', quantity: 1000, unitPrice: 100, vatRate: 2000 }],
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    // The same service cannot go on a second proforma while the first is open.
    const second = await app.call('cashier', 'documents.saveDraft', {
      clientId: client.id,
      lines: [{ kind: 'service', serviceId: domain.id }],
    });
    expect(second).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'lines.0.serviceId': expect.stringContaining('PF-2026-000001') } },
    });
    const options = await app.ok('cashier', 'documents.renewalOptions', { clientId: client.id });
    expect(options[0]?.openProforma).toEqual({ id: draft.id, number: 'PF-2026-000001' });

    // SQLite itself refuses to rewrite or delete an issued document.
    const sql = app.core.db.dataSource;
    await expect(sql.query('UPDATE documents SET ttc = 1 WHERE id = ?', [draft.id])).rejects.toThrow(
      /cannot be changed/,
    );
    await expect(sql.query('DELETE FROM documents WHERE id = ?', [draft.id])).rejects.toThrow(/never deleted/);
    await expect(
      sql.query('UPDATE document_lines SET unit_price = 1 WHERE document_id = ?', [draft.id]),
    ).rejects.toThrow(/cannot be changed/);
    await expect(sql.query('DELETE FROM document_lines WHERE document_id = ?', [draft.id])).rejects.toThrow(
      /cannot be deleted/,
    );
  });

  it('refuses bad drafts with French messages and changes nothing', async () => {
    const { product, client } = await office();
    const { domain } = await dueServices(client.id, product);
    const other = await app.ok('cashier', 'clients.create', {
      kind: 'individual',
      firstName: 'Sara',
      lastName: 'Idrissi',
      phones: ['0661000001'],
    });
    const before = await dataSnapshot(app);
    const cases: [unknown, string][] = [
      [{ clientId: client.id, lines: [] }, 'lines'],
      [
        {
          clientId: client.id,
          lines: [{ kind: 'item', description: 'x', quantity: 1.5, unitPrice: 100, vatRate: 2000 }],
        },
        'lines.0.quantity',
      ],
      [
        {
          clientId: client.id,
          lines: [{ kind: 'item', description: 'x', quantity: 1000, unitPrice: 10.5, vatRate: 2000 }],
        },
        'lines.0.unitPrice',
      ],
      [
        {
          clientId: client.id,
          lines: [{ kind: 'item', description: '  ', quantity: 1000, unitPrice: 100, vatRate: 2000 }],
        },
        'lines.0.description',
      ],
      [
        {
          clientId: client.id,
          lines: [{ kind: 'item', description: 'x', quantity: 1000, unitPrice: -5, vatRate: 2000 }],
        },
        'lines.0.unitPrice',
      ],
      [{ clientId: other.id, lines: [{ kind: 'service', serviceId: domain.id }] }, 'lines.0.serviceId'],
      [
        { clientId: client.id, currency: 'EUR', lines: [{ kind: 'service', serviceId: domain.id }] },
        'lines.0.serviceId',
      ],
      [
        {
          clientId: client.id,
          lines: [
            { kind: 'service', serviceId: domain.id },
            { kind: 'service', serviceId: domain.id },
          ],
        },
        'lines.1.serviceId',
      ],
      [
        { clientId: 999_999, lines: [{ kind: 'item', description: 'x', quantity: 1000, unitPrice: 1, vatRate: 2000 }] },
        'clientId',
      ],
      [
        {
          clientId: client.id,
          dueDate: '2026-02-30',
          lines: [{ kind: 'item', description: 'x', quantity: 1000, unitPrice: 1, vatRate: 2000 }],
        },
        'dueDate',
      ],
    ];
    for (const [input, field] of cases) {
      const result = await app.core.registry.dispatch('cashier', 'documents.saveDraft', input);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      if (!result.ok) {
        expect(Object.keys(result.error.fields ?? {}), JSON.stringify(result.error)).toContain(field);
        expect(result.error.message).toMatch(/[a-zé]/);
      }
    }
    expect(await dataSnapshot(app)).toEqual(before);
  });

  it('asks for the company settings before the first document is issued', async () => {
    app = await openTestApp();
    await withStaff(app);
    const client = await app.ok('cashier', 'clients.create', {
      kind: 'individual',
      firstName: 'Sara',
      lastName: 'Idrissi',
      phones: ['0661000001'],
    });
    const draft = await app.ok('cashier', 'documents.saveDraft', {
      clientId: client.id,
      lines: [{ kind: 'item', description: 'Restauration', quantity: 1000, unitPrice: 20_000, vatRate: 2000 }],
    });
    const result = await app.call('cashier', 'documents.issue', { id: draft.id });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('Paramètres') },
    });
    expect((await app.ok('cashier', 'documents.get', { id: draft.id })).status).toBe('draft');
  });

  it('cancels an unpaid proforma with its reason and duplicates it into a new draft; numbers restart each year', async () => {
    const { client } = await office();
    const line = {
      kind: 'item' as const,
      description: 'Restauration de sauvegarde',
      quantity: 1000,
      unitPrice: 20_000,
      vatRate: 2000,
    };
    const first = await app.ok('cashier', 'documents.saveDraft', { clientId: client.id, lines: [line] });
    await app.ok('cashier', 'documents.issue', { id: first.id });
    const cancelled = await app.ok('cashier', 'documents.cancel', { id: first.id, reason: 'Erreur de montant' });
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Erreur de montant',
      number: 'PF-2026-000001',
    });
    // Printed after its cancellation, the proforma says so; its original still verifies.
    const printed = pdfText(pdfOf(await app.ok('cashier', 'documents.pdf', { id: first.id })));
    expect(printed).toContain('ANNULÉE — Erreur de montant');
    expect((await app.ok('cashier', 'documents.verify', { id: first.id })).matches).toBe(true);
    const copy = await app.ok('cashier', 'documents.duplicate', { id: first.id });
    expect(copy).toMatchObject({ status: 'draft', number: null, totals: { ttc: 24_000 } });
    await app.ok('cashier', 'documents.issue', { id: copy.id });
    expect((await app.ok('cashier', 'documents.get', { id: copy.id })).number).toBe('PF-2026-000002');

    app.clock.set(new Date('2026-12-31T23:30:00Z')); // 00:30 on 1 January 2027 in Casablanca (UTC+1)
    await app.ok('cashier', 'auth.unlock', { password: 'cashier-secret-1' });
    const next = await app.ok('cashier', 'documents.saveDraft', { clientId: client.id, lines: [line] });
    expect((await app.ok('cashier', 'documents.issue', { id: next.id })).number).toBe('PF-2027-000001');

    const list = await app.ok('cashier', 'documents.list', { type: 'proforma', number: '2026-2' });
    expect(list.rows.map((r) => r.number)).toEqual(['PF-2026-000002']);
    expect((await app.ok('cashier', 'documents.list', { number: 'PF-2027' })).rows.map((r) => r.number)).toEqual([
      'PF-2027-000001',
    ]);
    expect((await app.ok('cashier', 'documents.list', { status: 'cancelled' })).total).toBe(1);
    // The global search finds the client by any of its document numbers.
    const hits = await app.ok('cashier', 'clients.search', { q: 'pf-2027-1' });
    expect(hits.map((h) => h.id)).toEqual([client.id]);
    expect((await app.ok('cashier', 'documents.list', { clientId: client.id, from: '2027-01-01' })).total).toBe(1);
    expect((await app.ok('cashier', 'documents.list', { minAmount: 24_000, maxAmount: 24_000 })).total).toBe(3);
  });

  it('gives 50 proformas finalised at once exactly the numbers 1 to 50, no gap, no duplicate', async () => {
    const { client } = await office();
    const drafts = [];
    for (let i = 0; i < 50; i++) {
      drafts.push(
        await app.ok('cashier', 'documents.saveDraft', {
          clientId: client.id,
          lines: [{ kind: 'item', description: `Ligne ${i}`, quantity: 1000, unitPrice: 1000 + i, vatRate: 2000 }],
        }),
      );
    }
    // Some finalisations fail (a zero total) in the middle of the others: they must not consume a number.
    const zero = await app.ok('cashier', 'documents.saveDraft', {
      clientId: client.id,
      lines: [{ kind: 'item', description: 'Gratuit', quantity: 1000, unitPrice: 0, vatRate: 2000 }],
    });
    const results = await Promise.all([
      ...drafts.map((d, i) => app.call(i % 2 ? 'cashier' : 'manager', 'documents.issue', { id: d.id })),
      app.call('cashier', 'documents.issue', { id: zero.id }),
    ]);
    expect(results.filter((r) => !r.ok)).toHaveLength(1);
    const numbers = results.flatMap((r) => (r.ok ? [r.value.number] : []));
    expect([...numbers].sort()).toEqual(
      Array.from({ length: 50 }, (_, i) => `PF-2026-${String(i + 1).padStart(6, '0')}`),
    );
  });
});

describe('invoices and credit notes', () => {
  async function paidInvoice() {
    const { product, client } = await office();
    const { domain, hosting } = await dueServices(client.id, product);
    const proforma = await app.ok('cashier', 'documents.saveDraft', {
      clientId: client.id,
      lines: [
        { kind: 'service', serviceId: domain.id },
        { kind: 'service', serviceId: hosting.id },
      ],
    });
    await app.ok('cashier', 'documents.issue', { id: proforma.id });
    const invoiceId = await app.core.db.write(ADMIN, 'test.settle', (tx) =>
      settleProforma(tx, ADMIN, proforma.id, {
        paidOn: '2026-11-26',
        payments: [{ date: '2026-11-26', method: 'wafacash', reference: 'WC-4471-9902', amount: 138_000 + 27_600 }],
      }),
    );
    return { client, domain, hosting, proforma, invoiceId };
  }

  it('turns a paid proforma into an invoice of its own series, dated the day of payment, and extends the services', async () => {
    const { domain, hosting, proforma, invoiceId } = await paidInvoice();
    const invoice = await app.ok('cashier', 'documents.get', { id: invoiceId });
    expect(invoice).toMatchObject({
      type: 'invoice',
      number: 'FA-2026-000001',
      status: 'issued',
      issueDate: '2026-11-26',
      source: { id: proforma.id, number: 'PF-2026-000001' },
      totals: { ht: 139_000, totalVat: 27_800, ttc: 166_800 },
      payments: [{ method: 'wafacash', reference: 'WC-4471-9902' }],
    });
    expect(await app.ok('cashier', 'documents.get', { id: proforma.id })).toMatchObject({
      status: 'paid',
      paid: 166_800,
      derived: [{ id: invoiceId, number: 'FA-2026-000001' }],
    });
    expect(await app.ok('cashier', 'services.get', { id: domain.id })).toMatchObject({
      status: 'active',
      dueDate: '2027-11-10',
    });
    expect(await app.ok('cashier', 'services.get', { id: hosting.id })).toMatchObject({
      status: 'active',
      dueDate: '2027-11-26',
    });
  });

  it('cancels part of an invoice, then the rest, by credit notes a manager issues; the client keeps the credit', async () => {
    const { client, invoiceId } = await paidInvoice();
    const invoice = await app.ok('cashier', 'documents.get', { id: invoiceId });
    const hostingLine = invoice.lines.find((l) => l.description.startsWith('Hébergement'));
    if (!hostingLine) throw new Error('no hosting line');
    const denied = await app.call('cashier', 'documents.creditNote', {
      invoiceId,
      reason: 'Geste commercial',
      mode: 'balance',
    });
    expect(denied).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const tooMuch = await app.call('manager', 'documents.creditNote', {
      invoiceId,
      reason: 'Geste commercial',
      mode: 'balance',
      lines: [{ lineId: hostingLine.id, quantity: 1_001 }],
    });
    expect(tooMuch).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'lines.0.quantity': expect.any(String) } },
    });

    const partial = await app.ok('manager', 'documents.creditNote', {
      invoiceId,
      reason: 'Hébergement résilié dans le délai de rétractation',
      mode: 'balance',
      lines: [{ lineId: hostingLine.id, quantity: 500 }],
    });
    expect(partial).toMatchObject({
      type: 'credit_note',
      number: 'AV-2026-000001',
      creditMode: 'balance',
      source: { id: invoiceId, number: 'FA-2026-000001' },
      totals: { ht: 49_500, totalVat: 9_900, ttc: 59_400 },
      pdfSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect((await app.ok('cashier', 'documents.get', { id: invoiceId })).status).toBe('partially_credited');
    expect(await app.ok('cashier', 'documents.clientBalance', { clientId: client.id })).toEqual([
      { currency: 'MAD', amount: 59_400 },
    ]);

    const rest = await app.ok('manager', 'documents.creditNote', { invoiceId, reason: 'Annulation', mode: 'refund' });
    expect(rest).toMatchObject({ number: 'AV-2026-000002', totals: { ht: 89_500 } });
    expect((await app.ok('cashier', 'documents.get', { id: invoiceId })).status).toBe('credited');
    // A refund does not add to the balance.
    expect(await app.ok('cashier', 'documents.clientBalance', { clientId: client.id })).toEqual([
      { currency: 'MAD', amount: 59_400 },
    ]);
    const none = await app.call('manager', 'documents.creditNote', { invoiceId, reason: 'Encore', mode: 'refund' });
    expect(none).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // An invoice is never cancelled directly.
    expect(await app.call('manager', 'documents.cancel', { id: invoiceId, reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('keeps the client of a recent invoice from being anonymised (10-year retention)', async () => {
    const { client } = await paidInvoice();
    const result = await app.call('admin', 'clients.anonymize', { id: client.id, reason: 'Demande du client' });
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('10 ans') } });
  });
});

describe('document PDFs', () => {
  it('prints the original once, then duplicates; the stored SHA-256 is the original’s; every legal mention is there', async () => {
    const { invoiceId } = await (async () => {
      const { product, client } = await office();
      const { domain } = await dueServices(client.id, product);
      const proforma = await app.ok('cashier', 'documents.saveDraft', {
        clientId: client.id,
        lines: [{ kind: 'service', serviceId: domain.id }],
      });
      await app.ok('cashier', 'documents.issue', { id: proforma.id });
      const id = await app.core.db.write(ADMIN, 'test.settle', (tx) =>
        settleProforma(tx, ADMIN, proforma.id, {
          paidOn: '2026-11-26',
          payments: [{ date: '2026-11-26', method: 'cash', reference: '', amount: 48_000 }],
        }),
      );
      return { invoiceId: id };
    })();
    const invoice = await app.ok('cashier', 'documents.get', { id: invoiceId });
    expect(invoice.pdfSha256).toBeNull(); // sealed by the payment flow after commit, or at first print

    const original = await app.ok('cashier', 'documents.pdf', { id: invoiceId });
    expect(original).toMatchObject({ copy: 'original', fileName: 'facture-FA-2026-000001.pdf' });
    const sealed = await app.ok('cashier', 'documents.get', { id: invoiceId });
    expect(sealed.pdfSha256).toBe(original.sha256);
    expect(qpdfCheck(pdfOf(original))).toMatch(/No syntax or stream encoding errors/);

    const text = pdfText(pdfOf(original));
    for (const mention of [
      'FACTURE',
      'FA-2026-000001',
      'HeberDomaine SARL',
      '12, rue Ibn Batouta',
      'ICE 001525487000088',
      'IF 40123456',
      'RC n° 345678 (Casablanca)',
      'TP 35123456',
      'CNSS 7654321',
      'au capital de 100 000 DH',
      'Atlas Digital SARL',
      'ICE : 002345678000091',
      'Arrêtée la présente facture à la somme de : quatre cent quatre-vingts dirhams.',
      'Espèces',
      'RIB : 011 780 0000012345678901',
      'Proforma réglée',
      'PF-2026-000001',
      'Total TTC',
      formatMoney(48_000),
    ]) {
      expect(spaced(text), mention).toContain(spaced(mention));
    }
    expect(text).not.toContain('DUPLICATA');

    const copy = await app.ok('cashier', 'documents.pdf', { id: invoiceId });
    expect(copy.copy).toBe('duplicate');
    expect(copy.fileName).toBe('facture-FA-2026-000001-duplicata.pdf');
    const copyText = pdfText(pdfOf(copy));
    expect(copyText).toContain('DUPLICATA');
    // Identical but for the mark: the same words (the layout of a line may shift around the mark).
    // pdftotext reads the mark by the title as a word, and the one across the page letter by letter.
    const words = (t: string) => t.split(/\s+/).filter(Boolean).sort();
    const copyWords = words(copyText);
    for (const mark of ['DUPLICATA', 'D', 'U', 'P', 'L', 'I', 'C', 'A', 'T', 'A'])
      copyWords.splice(copyWords.indexOf(mark), 1);
    expect(copyWords).toEqual(words(text));
    expect(await app.ok('cashier', 'documents.verify', { id: invoiceId })).toEqual({
      sha256: original.sha256,
      matches: true,
    });
    // The company changes its address: the issued invoice still prints (and verifies) as it was.
    await app.ok('admin', 'settings.saveCompany', { ...fullCompany, address: '99, boulevard Zerktouni' });
    expect((await app.ok('cashier', 'documents.verify', { id: invoiceId })).matches).toBe(true);
    expect(pdfText(pdfOf(await app.ok('cashier', 'documents.pdf', { id: invoiceId })))).toContain(
      '12, rue Ibn Batouta',
    );
  });

  it('runs a long proforma over three pages with the table header repeated, and prints euros and Arabic names', async () => {
    const { client } = await office();
    const lines = Array.from({ length: 45 }, (_, i) => ({
      kind: 'item' as const,
      description: `Boîte e-mail ${i + 1} — contact${i + 1}@atlas-digital.ma (25 Go, antispam, sauvegarde)`,
      quantity: 1_000 + (i % 3) * 250,
      unitPrice: 12_000 + i * 7,
      vatRate: i % 5 === 0 ? 1000 : 2000,
    }));
    const long = await app.ok('cashier', 'documents.saveDraft', { clientId: client.id, lines });
    await app.ok('cashier', 'documents.issue', { id: long.id });
    const pdf = pdfOf(await app.ok('cashier', 'documents.pdf', { id: long.id }));
    expect(pdfPages(pdf)).toBe(3);
    const text = pdfText(pdf);
    expect(text.match(/Désignation/g)).toHaveLength(3);
    expect(text).toContain('page 3 / 3');
    expect(text).toContain('Boîte e-mail 45');

    const arabic = await app.ok('cashier', 'clients.create', {
      kind: 'individual',
      firstName: 'محمد',
      lastName: 'العلوي',
      address: 'حي الرياض',
      city: 'Rabat',
      phones: ['0661000002'],
    });
    const eur = await app.ok('cashier', 'documents.saveDraft', {
      clientId: arabic.id,
      currency: 'EUR',
      lines: [
        { kind: 'item', description: 'Hébergement Pro — 1 an', quantity: 1_000, unitPrice: 120_050, vatRate: 2000 },
      ],
    });
    await app.ok('cashier', 'documents.issue', { id: eur.id });
    const eurText = pdfText(pdfOf(await app.ok('cashier', 'documents.pdf', { id: eur.id })));
    expect(eurText.replace(/\s+/g, ' ')).toContain('mille quatre cent quarante euros et soixante centimes');
    expect(spaced(eurText)).toContain('1 440,60 €');
    expect(eurText).toMatch(/محمد|العلوي/);
  });
});
