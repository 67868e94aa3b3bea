import { expect, test } from '@playwright/test';
import { openOfficeAsAdmin } from './office';
import { ClientForm, ClientPage, SearchPalette } from './pages/clients';
import { casablancaDate, ClientServicesTab, ServicesListPage, shiftYears, typed } from './pages/services';
import { label, screenshot } from './pages/shell';

// One office, one fresh database (made by playwright.config.ts): each test builds on the previous one.
test.describe.configure({ mode: 'serial' });

const CLIENT = 'Rachid Bennani';
const HOSTING = 'cafe-zellige.ma';
const DOMAIN = 'souk-argane.ma';
// The hosting plan was signed a year ago and is paid until 20 days from today: a termination asked today is late
// (the terms want it a month before the anniversary). The domain runs 200 days more.
const HOSTING_PAID_UNTIL = casablancaDate(20);
const DOMAIN_EXPIRY = casablancaDate(200);

// A console error (a CSP violation, a React warning, a failed request) is a defect even when the screen looks right.
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

test('a hosting plan and a .ma domain are added to a client, with their due dates', async ({ page }) => {
  const shell = await openOfficeAsAdmin(page);
  await shell.open('/clients/new');
  const form = new ClientForm(page);
  await form.fill({ Prénom: 'Rachid', Nom: 'Bennani', Ville: 'Fès', CIN: 'C123456' });
  await form.phone(1).fill('0661 98 76 54');
  await form.save();
  const client = new ClientPage(page);
  await client.expectOpen(CLIENT);

  const services = new ClientServicesTab(page);
  await expect(page.getByTestId('services-empty')).toContainText('Aucun service pour ce client');
  await services.addButton.click();
  await expect(services.dialog).toContainText('Ajouter un service');
  await services.field('Produit').fill('HEB-PRO');
  await page.getByRole('option', { name: /HEB-PRO/ }).click();
  await services.field('Domaine principal').fill(HOSTING);
  await services.choose('Périodicité', 'Annuel');
  await expect(services.dialog).toContainText('Prix HT : 990,00 DH');
  await services.field('Date de début').fill(typed(shiftYears(HOSTING_PAID_UNTIL, -1)));
  // A paid-until date that is not an anniversary of the start is refused on its field, in French.
  await services.field('Déjà payé jusqu’au').fill(typed(casablancaDate(21)));
  await services.dialog.getByTestId('service-save').click();
  await expect(services.dialog.getByText(/^Échéance attendue à une date anniversaire/)).toBeVisible();
  await services.field('Déjà payé jusqu’au').fill(typed(HOSTING_PAID_UNTIL));
  await screenshot(page, 'service-add');
  await services.dialog.getByTestId('service-save').click();
  await expect(services.dialog).toBeHidden();
  await shell.expectNotification(`Service « ${HOSTING} » ajouté.`);

  await services.addButton.click();
  await services.field('Produit').fill('DOM.MA');
  await page.getByRole('option', { name: /DOM\.MA/ }).click();
  await expect(services.dialog).toContainText('se terminant par .ma');
  // The name must end with the product's extension.
  await services.field('Nom de domaine').fill('souk-argane.com');
  await services.field('Date de début').fill(typed(shiftYears(DOMAIN_EXPIRY, -1)));
  await services.field('Déjà payé jusqu’au').fill(typed(DOMAIN_EXPIRY));
  await services.dialog.getByTestId('service-save').click();
  await expect(
    services.dialog.getByText('Nom de domaine attendu, se terminant par .ma (ex. exemple.ma).'),
  ).toBeVisible();
  await services.field('Nom de domaine').fill(DOMAIN);
  await services.dialog.getByTestId('service-save').click();
  await expect(services.dialog).toBeHidden();

  await expect(services.rows).toHaveCount(2);
  const hosting = services.row(HOSTING);
  await expect(hosting.getByTestId('service-due')).toHaveText(typed(HOSTING_PAID_UNTIL));
  await expect(hosting.getByTestId('service-due-in')).toHaveText('dans 20 jours');
  await expect(hosting).toContainText('Annuel');
  await expect(hosting.getByTestId('service-phase')).toHaveText('Actif');
  const domain = services.row(DOMAIN);
  await expect(domain.getByTestId('service-due')).toHaveText(typed(DOMAIN_EXPIRY));
  await expect(domain.getByTestId('service-due-in')).toHaveText('dans 200 jours');
  await expect(domain).toContainText('Nom de domaine .ma');
});

test('a late termination request is flagged; an abuse suspension stays', async ({ page }) => {
  const shell = await openOfficeAsAdmin(page);
  const palette = new SearchPalette(page);
  // The domain name finds its client from anywhere.
  await palette.search(DOMAIN);
  await palette.hit(CLIENT).click();
  const client = new ClientPage(page);
  await client.expectOpen(CLIENT);
  const services = new ClientServicesTab(page);

  await services.action(HOSTING, 'Demande de résiliation');
  await expect(services.dialog).toContainText(`date anniversaire (${typed(HOSTING_PAID_UNTIL)})`);
  await services.choose('Reçue par', 'Lettre recommandée');
  await expect(services.field('Date de réception')).toHaveValue(typed(casablancaDate()));
  await services.field('Note').fill('Le client ferme son café.');
  await services.submit();
  await shell.expectNotification(/^Demande de résiliation enregistrée\s: tardive \(après le \d{2}\/\d{2}\/\d{4}\)\.$/);
  await expect(services.row(HOSTING).getByTestId('service-termination')).toHaveText('Résiliation demandée (tardive)');

  await services.action(DOMAIN, 'Suspendre');
  await services.choose('Motif', 'Abus');
  await expect(services.dialog).toContainText('jamais levée par un paiement');
  await services.field('Note').fill('Hameçonnage signalé par le registre.');
  await services.submit();
  await expect(services.row(DOMAIN).getByTestId('service-suspended')).toHaveText('Suspendu (abus)');

  // Still suspended when the page is read again; the history says who did what, when and why.
  await page.reload();
  await expect(services.row(DOMAIN).getByTestId('service-suspended')).toHaveText('Suspendu (abus)');
  await expect(services.row(HOSTING).getByTestId('service-termination')).toHaveText('Résiliation demandée (tardive)');
  await screenshot(page, 'client-services');
  await services.action(DOMAIN, 'Historique du service');
  const events = services.dialog.getByTestId('service-event');
  await expect(events).toHaveCount(2);
  await expect(events.first()).toContainText('Changement de statut');
  await expect(events.first()).toContainText('Actif → Suspendu');
  await expect(events.first()).toContainText('Motif : Abus');
  await expect(events.first()).toContainText('nadia');
  await page.keyboard.press('Escape');
  await services.action(HOSTING, 'Historique du service');
  await expect(services.dialog.getByTestId('event-late')).toContainText('Tardive');
  await expect(services.dialog).toContainText('Canal : Lettre recommandée');
});

test('the office-wide services list filters by kind and due window and leads to the client', async ({ page }) => {
  const shell = await openOfficeAsAdmin(page);
  const list = new ServicesListPage(page);
  await shell.navigate('Services');
  await expect(list.heading).toBeVisible();
  await expect(list.row(HOSTING)).toBeVisible();
  await expect(list.row(DOMAIN)).toBeVisible();

  await page.getByTestId('services-window-filter').getByText('Dans les 30 jours').click();
  await expect(list.row(HOSTING)).toBeVisible();
  await expect(list.row(DOMAIN)).toHaveCount(0);
  await page.getByTestId('services-window-filter').getByText('Toutes').click();
  await page.getByTestId('services-kind-filter').click();
  await page.getByRole('option', { name: 'Nom de domaine', exact: true }).click();
  // Domains only (documents.spec.ts added one of its own): the hosting plan is gone.
  await expect(list.row(HOSTING)).toHaveCount(0);
  for (const row of await list.rows.all()) await expect(row).toContainText('Nom de domaine');
  await expect(list.row(DOMAIN).getByTestId('service-suspended')).toHaveText('Suspendu (abus)');
  await screenshot(page, 'services-list');

  await list.row(DOMAIN).getByTestId('service-label').click();
  await new ClientPage(page).expectOpen(CLIENT);
});

test('the catalogue: prices in force, a new price with its history, and the lifecycle settings', async ({ page }) => {
  const shell = await openOfficeAsAdmin(page);
  await shell.navigate('Catalogue');
  await expect(page.getByRole('heading', { name: 'Catalogue', level: 2 })).toBeVisible();
  const starter = page.getByTestId('product-row').filter({ hasText: 'HEB-STARTER' });
  await expect(starter).toContainText('490,00 DH / an');
  await expect(page.getByTestId('product-row').filter({ hasText: 'DOM.MA' })).toContainText('Majoration de retard');
  await screenshot(page, 'catalogue');

  await starter.getByTestId('product-price-button').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(label('Durée (mois)'), { exact: true }).click();
  await page.getByRole('option', { name: '12', exact: true }).click();
  await dialog.getByLabel(label('Montant HT'), { exact: true }).fill('520,00');
  await dialog.getByRole('button', { name: 'Appliquer le nouveau prix' }).click();
  await shell.expectNotification('Nouveau prix enregistré pour HEB-STARTER.');
  await expect(starter).toContainText('520,00 DH / an');
  await starter.getByTestId('product-price-button').click();
  await expect(dialog.getByTestId('price-history')).toContainText('520,00 DH / an');
  await expect(dialog.getByTestId('price-history')).toContainText('490,00 DH / an');
  await page.keyboard.press('Escape');

  await page.getByRole('tab', { name: 'Échéances et relances' }).click();
  await expect(page.getByTestId('lifecycle-defaults')).toContainText(
    'Domaines : proforma 30 jours avant l’expiration ; période de grâce de 30 jours avec majoration ; ensuite perdu.',
  );
  const suspend = page.getByLabel('Hébergement mutualisé — Suspension (jours après)');
  await expect(suspend).toHaveValue('7');
  await suspend.fill('10');
  await page.getByRole('button', { name: 'Enregistrer les délais' }).click();
  await shell.expectNotification('Délais enregistrés.');
  await page.reload();
  await page.getByRole('tab', { name: 'Échéances et relances' }).click();
  await expect(page.getByLabel('Hébergement mutualisé — Suspension (jours après)')).toHaveValue('10');
  await screenshot(page, 'lifecycle-settings');
});
