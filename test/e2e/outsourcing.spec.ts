import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { addDays, addMonths } from '../../shared/periods';
import { fullCompany } from '../support/documents';
import { openOfficeAsAdmin } from './office';
import { ClientPage } from './pages/clients';
import { api } from './pages/dashboard';
import { DocumentView } from './pages/documents';
import { casablancaDate, ClientServicesTab, typed } from './pages/services';
import { label, screenshot } from './pages/shell';

// One office, one fresh database (made by playwright.config.ts): each test builds on the previous one.
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

const TODAY = casablancaDate();
const CONTRACT = 'srv-infogerance-e2e';
// Paid until 5 days from now: its renewal is due, and carries last month's extra hours.
const PAID_UNTIL = addDays(TODAY, 5);
const LAST_MONTH_DAY = `${addMonths(`${TODAY.slice(0, 7)}-01`, -1).slice(0, 7)}-15`;

interface Client {
  id: number;
  displayName: string;
}

const office = { client: null as Client | null, serviceId: 0 };

test('time spent on a monthly contract: 3 h 30 in a month is "3 h 30 / 2 h", 1 h 30 beyond the included hours', async ({
  page,
}) => {
  const shell = await openOfficeAsAdmin(page);
  let list = await api<{ rows: Client[]; total: number }>(page, 'clients.list', { pageSize: 40 });
  if (list.total === 0) {
    await api(page, 'clients.loadDemo', {});
    list = await api(page, 'clients.list', { pageSize: 40 });
  }
  const client = list.rows[30] ?? list.rows[0];
  if (!client) throw new Error('no client');
  office.client = client;
  // Run alone, this spec finds an office without its company: documents need its legal mentions.
  if (!(await api(page, 'settings.getCompany', {}))) await api(page, 'settings.saveCompany', fullCompany);
  const products = await api<{ id: number; code: string }[]>(page, 'catalog.list', {});
  const contract = await api<{ id: number }>(page, 'services.create', {
    clientId: client.id,
    productId: products.find((p) => p.code === 'INFOG-MENSUEL')?.id ?? 0,
    label: CONTRACT,
    billingCycle: 'monthly',
    startDate: addMonths(PAID_UNTIL, -2),
    paidUntil: PAID_UNTIL,
  });
  office.serviceId = contract.id;

  await shell.open(`/clients/${client.id}`);
  const clientPage = new ClientPage(page);
  await clientPage.expectOpen(client.displayName);
  await clientPage.tab('Services');
  const services = new ClientServicesTab(page);
  const row = services.row(CONTRACT);
  // This month: nothing used yet of the 2 hours included.
  await expect(row.getByTestId('service-hours')).toHaveText('0 h / 2 h');
  await row.getByTestId('service-hours').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Temps passé — ${CONTRACT}`);

  // Bad input is refused on its field, in French, and nothing is recorded.
  const form = dialog.getByTestId('time-entry-form');
  await form.getByLabel(label('Date')).fill(typed(LAST_MONTH_DAY));
  await form.getByTestId('time-entry-duration').fill('0');
  await form.getByTestId('time-entry-description').fill('Mises à jour de sécurité');
  await form.getByTestId('time-entry-submit').click();
  await expect(dialog.getByText('La durée doit être supérieure à zéro.')).toBeVisible();
  await form.getByLabel(label('Date')).fill(typed(addDays(TODAY, 1)));
  await form.getByTestId('time-entry-duration').fill('1 h');
  await form.getByTestId('time-entry-submit').click();
  await expect(dialog.getByText(/ne peut être dans le futur/)).toBeVisible();
  await expect(dialog.getByTestId('time-entry-row')).toHaveCount(0);

  await form.getByLabel(label('Date')).fill(typed(LAST_MONTH_DAY));
  await form.getByTestId('time-entry-duration').fill('3 h 30');
  await form.getByTestId('time-entry-submit').click();
  await shell.expectNotification('Temps passé noté\u00a0: 3 h 30.');
  await expect(dialog.getByTestId('time-entry-row')).toHaveCount(1);
  await expect(dialog.getByTestId('time-entry-row')).toContainText('3 h 30');
  const statement = dialog.getByTestId('hours-statement');
  await expect(statement).toHaveCount(1);
  await expect(statement).toContainText('3 h 30 / 2 h');
  await expect(statement).toContainText('1 h 30');
  await expect(statement).toContainText('À facturer');
  await screenshot(page, 'outsourcing-time-spent');
});

test('the renewal proforma carries the 1 h 30 extra, once, and its PDF shows the hours line', async ({ page }) => {
  const shell = await openOfficeAsAdmin(page);
  const client = office.client;
  if (!client) throw new Error('no client from the first test');
  // The counter's renewal of the contract (the billing run's own path is walked over a year by the integration test;
  // running it here would invoice the other specs' services behind their backs).
  const draft = await api<{ id: number }>(page, 'documents.saveDraft', {
    clientId: client.id,
    currency: 'MAD',
    dueDate: null,
    notes: '',
    lines: [{ kind: 'service', serviceId: office.serviceId, periods: 1 }],
  });
  await api(page, 'documents.issue', { id: draft.id });
  // A second renewal cannot carry the same month: the contract is on an open proforma already.
  const second = await page.request.post('/api/documents.saveDraft', {
    data: { clientId: client.id, currency: 'MAD', lines: [{ kind: 'service', serviceId: office.serviceId }] },
  });
  expect(((await second.json()) as { ok: boolean }).ok).toBe(false);

  await shell.open(`/clients/${client.id}`);
  await new ClientPage(page).tab('Services');
  const services = new ClientServicesTab(page);
  await services.action(CONTRACT, 'Temps passé');
  const statement = services.dialog.getByTestId('hours-statement');
  await expect(statement).toContainText('3 h 30 / 2 h');
  const link = statement.getByRole('link');
  await expect(link).toHaveText(/^PF-/);
  // Once billed, the month is frozen: its entry shows the lock, no pencil.
  await expect(services.dialog.getByTestId('time-entry-row').getByRole('button')).toHaveCount(0);
  await link.click();

  const view = new DocumentView(page);
  await view.expectOpen('Émise');
  await expect(view.lines).toHaveCount(2);
  const hours = view.lines.filter({ hasText: 'heures au-delà du forfait' });
  await expect(hours).toContainText('3 h 30 utilisées, 2 h incluses, 1 h 30 en plus');
  await expect(hours).toContainText('1,5');
  await expect(hours).toContainText('400,00');
  await expect(hours).toContainText('600,00');
  await screenshot(page, 'outsourcing-renewal-proforma');

  const documentId = Number(/billing\/(\d+)/.exec(page.url())?.[1]);
  const pdf = await api<{ pdf: string }>(page, 'documents.pdf', { id: documentId });
  writeFileSync('test-results/outsourcing-renewal.pdf', Buffer.from(pdf.pdf, 'base64'));
  // Exactly one proforma line bills that month, however many runs.
  const lines = await api<{ rows: { id: number }[] }>(page, 'documents.list', {
    clientId: client.id,
    type: 'proforma',
  });
  let hoursLines = 0;
  for (const doc of lines.rows) {
    const full = await api<{ status: string; lines: { kind: string }[] }>(page, 'documents.get', { id: doc.id });
    if (full.status !== 'cancelled') hoursLines += full.lines.filter((l) => l.kind === 'hours').length;
  }
  expect(hoursLines).toBe(1);
});

test('the monthly report has "Infogérance : heures" for the client', async ({ page }) => {
  const shell = await openOfficeAsAdmin(page);
  const report = await api<{ outsourcingHours: { rows: { label: string; used: number; extra: number }[] } }>(
    page,
    'reports.monthly',
    { from: `${LAST_MONTH_DAY.slice(0, 7)}-01`, to: addDays(`${TODAY.slice(0, 7)}-01`, -1) },
  );
  expect(report.outsourcingHours.rows.find((r) => r.label === CONTRACT)).toMatchObject({ used: 210, extra: 90 });
  await shell.open('/reports');
  await expect(page.getByRole('heading', { name: 'Infogérance\u00a0: heures' })).toBeVisible();
});
