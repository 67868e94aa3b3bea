import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { CASHIER, MANAGER, openOfficeAsAdmin } from './office';
import { LoginPage } from './pages/auth';
import { EinvoicePage } from './pages/einvoice';
import { callApi } from './pages/reports';
import { SettingsPage } from './pages/settings';
import { screenshot, type Shell, type Staff } from './pages/shell';
import { StaffPage } from './pages/staff';

// A manager chooses the folder adapter on Rapports; an invoice paid at the counter is written to the folder and shows
// "Transmise" with its history on its page and in the documents list's filter; its UBL downloads from its page.
test.describe.configure({ mode: 'serial' });

const folder = mkdtempSync(path.join(os.tmpdir(), 'guichet-e2e-ubl-'));
const made = { invoiceId: 0, number: '' };

let consoleErrors: string[] = [];
test.beforeEach(({ page }) => {
  consoleErrors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
});
test.afterEach(() => {
  expect(consoleErrors).toEqual([]);
});
test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

const signIn = (page: Page, staff: Staff): Promise<Shell> => new LoginPage(page).login(staff);

test('the office is ready: a manager, a cashier and the company’s legal mentions', async ({ page }) => {
  await openOfficeAsAdmin(page);
  const settings = new SettingsPage(page);
  await settings.open();
  if ((await settings.field('Raison sociale').inputValue()) === '') {
    await settings.fill({
      Identité: { 'Raison sociale': 'Atlas Hébergement', Adresse: '12, rue Ibnou Mounir, Maârif', Ville: 'Casablanca' },
      'Mentions légales': { ICE: '001234567000089' },
    });
    await settings.save();
  }
  const staff = new StaffPage(page);
  await staff.open();
  for (const [member, role] of [
    [MANAGER, 'Responsable'],
    [CASHIER, 'Caissier'],
  ] as const) {
    if ((await staff.row(member.username).count()) > 0) continue;
    await staff.create(member, role);
    await staff.submitDialog('Créer');
    await expect(staff.row(member.username)).toBeVisible();
  }
});

test('a manager chooses the folder adapter on Rapports', async ({ page }) => {
  const shell = await signIn(page, MANAGER);
  await shell.navigate('Rapports');
  const einvoice = new EinvoicePage(page);
  await expect(einvoice.section).toBeVisible();
  await einvoice.chooseFolder(folder);
  await shell.expectNotification('Réglages de la facturation électronique enregistrés.');
});

test('an invoice paid at the counter is submitted to the folder and shows its state', async ({ page }) => {
  const cashier = await signIn(page, CASHIER);
  const client = await callApi<{ id: number }>(page, 'clients.create', {
    kind: 'company',
    companyName: 'Souss Numérique',
    legalForm: 'SARL',
    ice: '002871465000046',
    phones: ['0528 11 22 33'],
  });
  const draft = await callApi<{ id: number }>(page, 'documents.saveDraft', {
    clientId: client.id,
    lines: [{ kind: 'item', description: 'Hébergement Pro', quantity: 1000, unitPrice: 100_000, vatRate: 2000 }],
  });
  const proforma = await callApi<{ id: number }>(page, 'documents.issue', { id: draft.id });
  const payment = await callApi<{ invoices: { id: number; number: string }[] }>(page, 'payments.record', {
    idempotencyKey: `einvoice-e2e-${Date.now()}`,
    clientId: client.id,
    amount: 120_000,
    details: { method: 'transfer', bank: 'CIH Bank', reference: 'VIR-2026-5521', valueDate: '2026-01-05' },
    allocations: [{ documentId: proforma.id, amount: 120_000 }],
  });
  const invoice = payment.invoices[0];
  expect(invoice).toBeDefined();
  made.invoiceId = invoice?.id ?? 0;
  made.number = invoice?.number ?? '';
  await cashier.logout();

  const shell = await signIn(page, MANAGER);
  await shell.navigate('Rapports');
  const einvoice = new EinvoicePage(page);
  await einvoice.submitNow();
  await einvoice.expectCounts(/Transmises\u00a0: [1-9]/);
  expect(readdirSync(folder)).toContain(`${made.number}.xml`);
  expect(readFileSync(path.join(folder, `${made.number}.xml`), 'utf8')).toContain('schemeID="MA:ICE"');
  await einvoice.section.scrollIntoViewIfNeeded();
  await screenshot(page, 'einvoice-reports');

  await shell.open(`/billing/${made.invoiceId}`);
  await expect(einvoice.card.getByTestId('einvoice-state')).toHaveText('Transmise');
  await expect(einvoice.card.getByTestId('einvoice-history')).toContainText('En attente');
  await screenshot(page, 'einvoice-document');
  const file = await einvoice.downloadUbl();
  expect(file.name).toMatch(/^ubl-1-documents\.zip$/);
  const xml = strFromU8(unzipSync(new Uint8Array(file.bytes))[`${made.number}.xml`] ?? new Uint8Array());
  expect(xml).toContain(`<cbc:ID>${made.number}</cbc:ID>`);
  expect(xml).toContain('<cbc:PaymentMeansCode listID="UNCL4461" name="transfer">30</cbc:PaymentMeansCode>');
});

test('the documents list filters invoices by e-invoice state', async ({ page }) => {
  const shell = await signIn(page, MANAGER);
  await shell.open('/billing');
  await page.getByTestId('documents-type').getByText('Factures', { exact: true }).click();
  await page.getByTestId('filter-einvoice').click();
  await page.getByRole('option', { name: 'Transmise' }).click();
  await expect(page.getByRole('row').filter({ hasText: made.number })).toBeVisible();
  await page.getByTestId('filter-einvoice').click();
  await page.getByRole('option', { name: 'Rejetée' }).click();
  await expect(page.getByRole('row').filter({ hasText: made.number })).toHaveCount(0);
});
