import { expect, test } from '@playwright/test';
import { addDays, addMonths } from '../../shared/periods';
import { openOfficeAsAdmin } from './office';
import { ClientPage } from './pages/clients';
import { api, DashboardPage, type Counts } from './pages/dashboard';
import { casablancaDate } from './pages/services';
import { label, screenshot } from './pages/shell';

// One office, one fresh database (made by playwright.config.ts). In a full run, clients.spec.ts has loaded the demo
// office just before; run alone, this file loads it. The services added here are billed in US dollars, for which the
// catalogue has no renewal price: the billing run records that it could not invoice them and issues no document, so the
// proforma numbers the later files expect are untouched.
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

interface Client {
  id: number;
  displayName: string;
}

const TODAY = casablancaDate();
const DOMAINS = [
  { label: 'dash-atlas.ma', days: 5 },
  { label: 'dash-medina.ma', days: 12 },
  { label: 'dash-souk.ma', days: 25 },
];
const GRACE = { label: 'dash-expire.com', days: -10 };
const HOSTING = { label: 'dash-hebergement.ma', days: -8 };
const VPS = { label: 'vps-dash-fin', days: -2 };

/** What the scenario adds to the office, for whom (demo clients, by position in the list). */
const office = { before: null as Counts | null, clients: [] as Client[] };

test('the dashboard counts what falls due, and the services added to demo clients show in it', async ({ page }) => {
  await openOfficeAsAdmin(page);
  let list = await api<{ rows: Client[]; total: number }>(page, 'clients.list', { pageSize: 20 });
  if (list.total === 0) {
    await api(page, 'clients.loadDemo', {});
    list = await api(page, 'clients.list', { pageSize: 20 });
  }
  office.clients = list.rows.slice(0, 6);
  const client = (i: number) => office.clients[i] ?? { id: 0, displayName: '' };

  const dashboard = new DashboardPage(page);
  await dashboard.open();
  office.before = await dashboard.counts();

  const products = await api<{ id: number; code: string }[]>(page, 'catalog.list', {});
  const product = (code: string) => products.find((p) => p.code === code)?.id ?? 0;
  const add = (i: number, code: string, label: string, paidUntil: string, months: number, extra = {}) =>
    api<{ id: number }>(page, 'services.create', {
      clientId: client(i).id,
      productId: product(code),
      label,
      startDate: addMonths(paidUntil, -months),
      paidUntil,
      currency: 'USD',
      ...extra,
    });
  for (const [i, d] of DOMAINS.entries()) await add(i, 'DOM.MA', d.label, addDays(TODAY, d.days), 12);
  await add(3, 'DOM.COM', GRACE.label, addDays(TODAY, GRACE.days), 12);
  await add(4, 'HEB-STARTER', HOSTING.label, addDays(TODAY, HOSTING.days), 1, { billingCycle: 'monthly' });
  const vps = await add(5, 'VPS-S', VPS.label, addDays(TODAY, VPS.days), 1, {
    billingCycle: 'monthly',
    currency: 'MAD',
  });
  await api(page, 'services.requestTermination', { id: vps.id, channel: 'email', requestedOn: addDays(TODAY, -40) });

  await page.reload();
  const before = office.before;
  // Not run yet for these: three domains to renew (none invoiced), a suspension and a termination to record.
  await dashboard.expectCounts({ ...before, domains: before.domains + 3, toAct: before.toAct + 2 });
  await expect(dashboard.tile('domains')).toContainText('pas encore facturés');
  await expect(dashboard.row('domains', DOMAINS[0]?.label ?? '')).toContainText('dans 5 jours');
  await expect(dashboard.row('domains', DOMAINS[0]?.label ?? '')).toContainText('Sans proforma');
  await expect(dashboard.row('toAct', HOSTING.label)).toContainText('Suspendre');
  await expect(dashboard.row('toAct', HOSTING.label)).toContainText('À enregistrer');
  await expect(dashboard.row('toAct', VPS.label)).toContainText('Résilier');
  await screenshot(page, 'dashboard-before-run');
});

test('“Lancer maintenant” runs the billing: statuses recorded, what could not be invoiced logged, counts updated', async ({
  page,
}) => {
  const shell = await openOfficeAsAdmin(page);
  const dashboard = new DashboardPage(page);
  await dashboard.open();
  await dashboard.runButton.click();
  await shell.expectNotification(/^Facturation passée\u00a0: .*Suspendu\u00a0: 1/);
  await expect(dashboard.runState).toContainText('Passée aujourd’hui');

  const before = office.before ?? { domains: 0, due: 0, overdue: 0, toAct: 0, grace: 0 };
  // The expired domain is now in its grace period; no proforma was issued (no US dollar price): nothing due.
  await dashboard.expectCounts({
    ...before,
    domains: before.domains + 3,
    toAct: before.toAct + 2,
    grace: before.grace + 1,
  });
  await expect(dashboard.row('toAct', HOSTING.label)).toContainText('Enregistré');
  await expect(dashboard.row('toAct', VPS.label)).toContainText('Enregistré');
  await expect(dashboard.row('grace', GRACE.label)).toContainText('expiré depuis 10 jours');
  await screenshot(page, 'dashboard');

  // Each line leads to its client.
  const suspended = office.clients[4]?.displayName ?? '';
  await dashboard.row('toAct', HOSTING.label).getByTestId('dashboard-client').click();
  await new ClientPage(page).expectOpen(suspended);
  await page.goBack();
  await dashboard.row('grace', GRACE.label).getByTestId('dashboard-client').click();
  await new ClientPage(page).expectOpen(office.clients[3]?.displayName ?? '');
});

test('the billing run’s log says what it did for whom, and why a proforma was not issued', async ({ page }) => {
  const shell = await openOfficeAsAdmin(page);
  await shell.navigate('Facturation auto.');
  await expect(page.getByRole('heading', { name: 'Facturation automatique', level: 2 })).toBeVisible();
  await expect(page.getByTestId('billing-rules')).toContainText('Nom de domaine');
  const latest = page.getByTestId('run-row').first();
  await expect(latest).toContainText('Manuel');
  await expect(latest.getByTestId('run-status')).toHaveText('Terminé');
  const items = page.getByTestId('items-table');
  const rows = items.getByTestId('item-row');
  await expect(rows.filter({ hasText: HOSTING.label }).filter({ hasText: 'suspendu pour non-paiement' })).toBeVisible();
  await expect(rows.filter({ hasText: DOMAINS[0]?.label ?? '' })).toContainText('Aucun prix au catalogue');
  await screenshot(page, 'billing-runs');
  await rows.filter({ hasText: VPS.label }).getByRole('link').first().click();
  await new ClientPage(page).expectOpen(office.clients[5]?.displayName ?? '');
});

test('the outbox says sending is not set up; the SMTP settings test a server and report its failure', async ({
  page,
}) => {
  const shell = await openOfficeAsAdmin(page);
  await shell.navigate('Courriels');
  await expect(page.getByRole('heading', { name: 'Courriels', level: 2 })).toBeVisible();
  await expect(page.getByTestId('outbox-off')).toContainText('n’est pas configuré');
  await screenshot(page, 'outbox');
  await page.getByTestId('outbox-off').getByRole('link').click();
  await page.getByRole('tab', { name: 'E-mails' }).click();
  const form = page.getByTestId('smtp-form');
  await form.getByLabel(label('Serveur SMTP')).fill('127.0.0.1');
  await form.getByLabel(label('Sécurité')).click();
  await page.getByRole('option', { name: 'Aucune (réseau local seulement)' }).click();
  await form.getByLabel(label('Port')).fill('1');
  await form.getByLabel(label('Adresse d’expédition')).fill('facturation@heberdomaine.ma');
  await screenshot(page, 'settings-smtp');
  await page.getByTestId('smtp-test').click();
  await page.getByTestId('smtp-test-to').fill('nadia@heberdomaine.ma');
  await page.getByTestId('smtp-test-send').click();
  await expect(page.getByTestId('smtp-test-error')).toContainText("L'e-mail de test n'a pas pu partir");
  await screenshot(page, 'settings-smtp-test');
  await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click();

  // The attempt is kept in the outbox with the reason it failed.
  await shell.navigate('Courriels');
  const row = page.getByTestId('mail-row').filter({ hasText: 'Test SMTP' }).first();
  await expect(row.getByTestId('mail-status')).toHaveText('Échec');
  await expect(row).toContainText('ECONNREFUSED');
  await row.click();
  await expect(page.getByTestId('mail-detail')).toContainText('nadia@heberdomaine.ma');
  await expect(page.getByTestId('mail-body')).toContainText('Ce message de test confirme');
  await screenshot(page, 'outbox-detail');
  await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click();
  await page.getByRole('tab', { name: 'Modèles' }).click();
  await expect(page.getByTestId('template-subject')).toHaveValue(
    'Renouvellement de vos services — proforma {{number}}',
  );
  await screenshot(page, 'mail-templates');
});
