import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { CASHIER, MANAGER, openOfficeAsAdmin } from './office';
import { LoginPage } from './pages/auth';
import { callApi, centimesOf, ReportsPage } from './pages/reports';
import { SettingsPage } from './pages/settings';
import { screenshot, type Shell, type Staff } from './pages/shell';
import { StaffPage } from './pages/staff';

// One office (playwright.config.ts): run after the other specs it finds their payments in the month; run alone it
// sets the office up first. Either way it records its own payments, so it knows what the figures must add up to.
test.describe.configure({ mode: 'serial' });

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

/** 3 456,78 DH TTC (2 880,65 DH HT at 20 %), paid by Wafacash. */
const TRANSFER = 345_678;
const CLIENT = 'Riad Tazi Conseil';
const recorded = { receipt: '', paymentId: 0, netBefore: 0, wafacashBefore: 0 };

async function signIn(page: Page, staff: Staff): Promise<Shell> {
  return new LoginPage(page).login(staff);
}

interface Report {
  payments: { totals: { net: number }; byMethod: { method: string; currency: string; net: number }[] };
}

test('the office is ready: a manager, a cashier and the company’s legal mentions', async ({ page }) => {
  const shell = await openOfficeAsAdmin(page);
  const settings = new SettingsPage(page);
  await settings.open();
  if ((await settings.field('Raison sociale').inputValue()) === '') {
    await settings.fill({
      Identité: { 'Raison sociale': 'Atlas Hébergement', Adresse: '12, rue Ibnou Mounir, Maârif', Ville: 'Casablanca' },
      'Mentions légales': { ICE: '001234567000089' },
    });
    await settings.save();
    await shell.expectNotification('Paramètres enregistrés.');
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

test('the cashier takes a Wafacash payment of a proforma (the month already holds the other specs’ payments)', async ({
  page,
}) => {
  const manager = await signIn(page, MANAGER);
  const full = await callApi<Report>(page, 'reports.monthly', await monthInput(page));
  recorded.netBefore = full.payments.totals.net;
  recorded.wafacashBefore =
    full.payments.byMethod.find((m) => m.method === 'wafacash' && m.currency === 'MAD')?.net ?? 0;
  await manager.logout();

  await signIn(page, CASHIER);
  const client = await callApi<{ id: number }>(page, 'clients.create', {
    kind: 'company',
    companyName: 'Riad Tazi Conseil',
    legalForm: 'SARL',
    ice: '002871465000046',
    phones: ['0537 11 22 33'],
  });
  const draft = await callApi<{ id: number }>(page, 'documents.saveDraft', {
    clientId: client.id,
    lines: [{ kind: 'item', description: 'Audit de sécurité', quantity: 1000, unitPrice: 288_065, vatRate: 2000 }],
  });
  const proforma = await callApi<{ id: number; totals: { ttc: number } }>(page, 'documents.issue', { id: draft.id });
  expect(proforma.totals.ttc).toBe(TRANSFER);
  const payment = await callApi<{ id: number; number: string }>(page, 'payments.record', {
    idempotencyKey: `reports-e2e-${Date.now()}`,
    clientId: client.id,
    amount: TRANSFER,
    details: { method: 'wafacash', transferNumber: 'WC-7781-2026', senderName: 'Riad Tazi', originCity: 'Rabat' },
    allocations: [{ documentId: proforma.id, amount: TRANSFER }],
  });
  recorded.receipt = payment.number;
  recorded.paymentId = payment.id;
});

/** The current month as the screen asks for it (Casablanca's calendar, whatever the machine's zone). */
async function monthInput(page: Page): Promise<{ from: string; to: string }> {
  return page.evaluate(() => {
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Casablanca' }).format(new Date()).split('-');
    const [y = '', m = ''] = parts;
    const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
    return { from: `${y}-${m}-01`, to: `${y}-${m}-${String(last).padStart(2, '0')}` };
  });
}

test('a manager opens the month: the figures count the new payment, and a figure opens the payments behind it', async ({
  page,
}) => {
  const shell = await signIn(page, MANAGER);
  await shell.navigate('Rapports');
  const reports = new ReportsPage(page);
  await reports.expectOpen();
  expect(await reports.figure('net')).toBe(recorded.netBefore + TRANSFER);
  const wafacash = reports.methodRow('Wafacash');
  await expect(wafacash).toBeVisible();
  expect(centimesOf((await wafacash.getByRole('cell').nth(2).textContent()) ?? '')).toBe(
    recorded.wafacashBefore + TRANSFER,
  );
  await expect(page.getByTestId('chart-methods').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('chart-days')).toBeVisible();
  await screenshot(page, 'reports-month');

  await wafacash.click();
  await expect(reports.drawer).toContainText('Wafacash — MAD');
  const row = reports.drillRows().filter({ hasText: recorded.receipt });
  await expect(row).toContainText(CLIENT);
  await expect(row).toContainText('3 456,78');
  await screenshot(page, 'reports-drill');
  await row.getByRole('link', { name: recorded.receipt }).click();
  await expect(page).toHaveURL(new RegExp(`#/payments/${recorded.paymentId}$`));
});

test('the manager downloads the XLSX for the accountant, and reads a range in English', async ({ page }) => {
  const shell = await signIn(page, MANAGER);
  await shell.open('/reports');
  const reports = new ReportsPage(page);
  await reports.expectOpen();
  const file = await reports.export('xlsx');
  expect(file.name).toMatch(/^rapport-\d{4}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    file.bytes.buffer.slice(file.bytes.byteOffset, file.bytes.byteOffset + file.bytes.byteLength) as ArrayBuffer,
  );
  const journal = workbook.getWorksheet('Journal des règlements');
  const receipts: string[] = [];
  journal?.getColumn(2).eachCell((cell) => receipts.push(cell.text));
  expect(receipts).toContain(recorded.receipt);
  await shell.expectNotification(/Rapport exporté\s:\srapport-/);

  const { from, to } = await monthInput(page);
  await reports.chooseRange(from.split('-').reverse().join('/'), to.split('-').reverse().join('/'));
  await expect(page.getByTestId('figure-net-value')).toBeVisible();
  expect(await reports.figure('net')).toBe(recorded.netBefore + TRANSFER);
  await shell.switchLanguage('EN');
  await expect(page.getByRole('heading', { name: 'Reports', level: 2 })).toBeVisible();
  await expect(page.getByTestId('report-payments')).toContainText('By payment method');
  await screenshot(page, 'reports-range-en');
  await shell.switchLanguage('FR');
});

test('a cashier does not see the reports, and is refused at their address', async ({ page }) => {
  const shell = await signIn(page, CASHIER);
  await expect(shell.navItem('Rapports')).toHaveCount(0);
  await shell.open('/reports');
  await expect(new ReportsPage(page).denied).toBeVisible();
  await screenshot(page, 'reports-denied');
});
