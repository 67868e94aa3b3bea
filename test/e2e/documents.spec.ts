import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { openOfficeAsAdmin } from './office';
import { ClientForm, ClientPage } from './pages/clients';
import { amountOf, centimes, DocumentsListPage, DocumentView, ProformaEditor, roundHalfUp } from './pages/documents';
import { casablancaDate, ClientServicesTab, shiftYears, typed } from './pages/services';
import { SettingsPage } from './pages/settings';
import { label, screenshot, type Shell } from './pages/shell';

// One office, one fresh database (made by playwright.config.ts): each test builds on the previous one.
test.describe.configure({ mode: 'serial' });

const CLIENT = 'Salma Tazi';
const DOMAIN = 'riad-tazi.ma';
const HOSTING = 'riad-tazi.ma';
const DOMAIN_PRODUCT = 'Nom de domaine .ma';
const HOSTING_PRODUCT = 'Hébergement Pro (20 Go';
// The hosting plan is paid until 20 days from today: it can be renewed. The domain is new: its first year is due.
const HOSTING_PAID_UNTIL = casablancaDate(20);
const YEAR = casablancaDate().slice(0, 4);
const FIRST_NUMBER = `PF-${YEAR}-000001`;
const MISSION = 'INFOG-MISSION';
const TEXT_LINE = 'Déplacement sur site (Guéliz)';

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

/**
 * Issuing needs the company (its legal mentions go on every document). This spec runs before front-desk.spec.ts, which
 * completes the settings: only what the law makes mandatory to save them is typed here, under a name of its own.
 */
async function companyForDocuments(shell: Shell): Promise<void> {
  const settings = new SettingsPage(shell.page);
  await settings.open();
  if ((await settings.field('Raison sociale').inputValue()) !== '') return;
  await settings.fill({
    Identité: {
      'Raison sociale': 'Atlas Hébergement Maroc',
      Adresse: '12, rue Ibnou Mounir, Maârif',
      Ville: 'Casablanca',
    },
    'Mentions légales': { ICE: '001234567000089' },
  });
  await settings.save();
  await shell.expectNotification('Paramètres enregistrés.');
}

/** The amounts of the proforma as the test expects them, from prices read on the screen: one rate at a time. */
function expected(lines: { quantity: number; unitPrice: number; vatRate: number }[]) {
  const amounts = lines.map((l) => roundHalfUp(l.quantity * l.unitPrice, 1000));
  const bases = new Map<number, number>();
  lines.forEach((l, i) => bases.set(l.vatRate, (bases.get(l.vatRate) ?? 0) + (amounts[i] ?? 0)));
  const vat = new Map([...bases].map(([rate, base]) => [rate, roundHalfUp(base * rate, 10_000)]));
  const ht = amounts.reduce((s, a) => s + a, 0);
  const totalVat = [...vat.values()].reduce((s, v) => s + v, 0);
  return { amounts, bases, vat, ht, ttc: ht + totalVat };
}

let prices = { domain: 0, hosting: 0, mission: 0 };

test('a client with a new .ma domain and a hosting plan to renew', async ({ page }) => {
  const shell = await openOfficeAsAdmin(page);
  await companyForDocuments(shell);

  await shell.open('/clients/new');
  const form = new ClientForm(page);
  await form.fill({ Prénom: 'Salma', Nom: 'Tazi', Ville: 'Marrakech' });
  await form.phone(1).fill('0662 11 22 33');
  await form.save();
  await new ClientPage(page).expectOpen(CLIENT);

  const services = new ClientServicesTab(page);
  await services.addButton.click();
  await services.field('Produit').fill('DOM.MA');
  await page.getByRole('option', { name: /DOM\.MA/ }).click();
  await services.field('Nom de domaine').fill(DOMAIN);
  // Nothing paid yet: the first year is due.
  await services.dialog.getByTestId('service-save').click();
  await expect(services.dialog).toBeHidden();

  await services.addButton.click();
  await services.field('Produit').fill('HEB-PRO');
  await page.getByRole('option', { name: /HEB-PRO/ }).click();
  await services.field('Domaine principal').fill(HOSTING);
  await services.choose('Périodicité', 'Annuel');
  await services.field('Date de début').fill(typed(shiftYears(HOSTING_PAID_UNTIL, -1)));
  await services.field('Déjà payé jusqu’au').fill(typed(HOSTING_PAID_UNTIL));
  await services.dialog.getByTestId('service-save').click();
  await expect(services.dialog).toBeHidden();
  await expect(services.rows).toHaveCount(2);
});

test('a proforma from the client’s Documents tab: services, free lines, live totals, refusals in French', async ({
  page,
}) => {
  const shell = await openOfficeAsAdmin(page);
  await shell.navigate('Clients');
  await page.getByTestId('client-row').filter({ hasText: CLIENT }).getByRole('link').click();
  const client = new ClientPage(page);
  await client.expectOpen(CLIENT);
  await client.tab('Documents');
  await expect(page.getByTestId('client-documents-empty')).toContainText('Aucun document pour ce client');
  await page.getByTestId('client-new-proforma').click();

  const editor = new ProformaEditor(page);
  await editor.expectOpen('Nouvelle proforma');
  await expect(editor.client).toHaveValue(new RegExp(`^${CLIENT} \\(`));
  await expect(editor.renewalRows).toHaveCount(2);
  const domain = editor.renewal(DOMAIN, DOMAIN_PRODUCT);
  const hosting = editor.renewal(HOSTING, HOSTING_PRODUCT);
  await expect(domain).toContainText('En attente de paiement');
  await expect(domain).toContainText('Premier paiement');
  await expect(hosting).toContainText(typed(HOSTING_PAID_UNTIL));
  await expect(hosting).toContainText(`Du ${typed(HOSTING_PAID_UNTIL)} au ${typed(shiftYears(HOSTING_PAID_UNTIL, 1))}`);

  // An empty proforma is refused before anything is sent.
  await editor.save();
  await expect(editor.error).toContainText('Rien n’a été enregistré');
  await expect(page.getByTestId('proforma-lines-error')).toHaveText(
    'Ajoutez au moins une ligne : un service à renouveler ou une ligne libre.',
  );

  await editor.tick(domain);
  await domain.getByTestId('renewal-periods').selectOption('2');
  await expect(domain.getByTestId('renewal-periods')).toHaveValue('2');
  await editor.tick(hosting);
  prices = {
    domain: await amountOf(domain.getByTestId('renewal-price')),
    hosting: await amountOf(hosting.getByTestId('renewal-price')),
    mission: 0,
  };
  expect(prices.domain).toBe(25000);
  expect(prices.hosting).toBe(99000);

  // A catalogue line comes with its name, its price in force and its VAT rate.
  const mission = await editor.addProduct(MISSION);
  await expect(mission.getByTestId('item-description')).toHaveValue('Infogérance ponctuelle (mission, au temps passé)');
  await expect(mission.getByTestId('item-vat')).toHaveValue('2000');
  prices.mission = centimes(await mission.getByTestId('item-price').inputValue());
  expect(prices.mission).toBe(40000);
  await editor.fillLine(mission, { quantity: '1,5' });

  // Bad input is refused on its field, in French, and nothing is saved.
  const text = await editor.addText();
  await editor.fillLine(text, { description: TEXT_LINE, quantity: 'abc', unitPrice: '33,333', vatRate: '1400' });
  const blank = await editor.addText();
  await editor.fillLine(blank, { quantity: '1', unitPrice: '' });
  await editor.save();
  await expect(editor.lineErrors(text)).toContainText(
    'Quantité invalide : un nombre avec trois décimales au plus (ex. 1,5).',
  );
  await expect(editor.lineErrors(text)).toContainText(
    'Prix invalide : un montant avec deux décimales au plus (ex. 1 234,50).',
  );
  await expect(text.getByTestId('item-quantity')).toHaveAttribute('aria-invalid', 'true');
  await expect(text.getByTestId('item-description')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(editor.lineErrors(blank)).toContainText('La désignation est obligatoire.');
  await expect(editor.lineErrors(blank)).toContainText(
    'Le prix unitaire HT est obligatoire (0,00 pour une ligne offerte).',
  );
  await expect(blank.getByTestId('item-description')).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.error).toContainText('Rien n’a été enregistré : corrigez les champs signalés.');
  await screenshot(page, 'proforma-editor-errors');
  await blank.getByTestId('item-remove').click();
  await expect(editor.itemRows).toHaveCount(2);

  // What only the main process checks comes back on the line it concerns.
  await editor.fillLine(text, { quantity: '2000000', unitPrice: '33,33' });
  await editor.save();
  await expect(editor.lineErrors(text)).toHaveText('Quantité trop grande.');
  await expect(text.getByTestId('item-quantity')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/#\/billing\/new/);

  await editor.fillLine(text, { quantity: '1' });
  const rows = [
    { quantity: 2000, unitPrice: prices.domain, vatRate: 2000 },
    { quantity: 1000, unitPrice: prices.hosting, vatRate: 2000 },
    { quantity: 1500, unitPrice: prices.mission, vatRate: 2000 },
    { quantity: 1000, unitPrice: 3333, vatRate: 1400 },
  ];
  const want = expected(rows);
  // 2 × 250 + 990 + 1,5 × 400 = 2 090,00 at 20 %; 33,33 at 14 % gives 4,6662 of VAT, shown 4,67.
  expect(want.ht).toBe(212333);
  expect(want.vat.get(1400)).toBe(467);
  await expect(domain.getByTestId('renewal-amount')).toHaveText(/^500,00\sDH$/);
  await expect(mission.getByTestId('item-amount')).toHaveText(/^600,00\sDH$/);
  expect(await editor.total('ht')).toBe(want.ht);
  expect(await amountOf(editor.vatRow(2000).getByTestId('totals-vat-amount'))).toBe(want.vat.get(2000));
  await expect(editor.vatRow(2000)).toContainText(/sur 2\s090,00\sDH/);
  expect(await amountOf(editor.vatRow(1400).getByTestId('totals-vat-amount'))).toBe(want.vat.get(1400));
  expect(await editor.total('ttc')).toBe(want.ttc);
  await screenshot(page, 'proforma-editor');

  await editor.save();
  await shell.expectNotification('Brouillon enregistré.');
  const document = new DocumentView(page);
  await document.expectOpen('Brouillon');
  await expect(document.type).toHaveText('Facture proforma');
  await expect(document.number).toHaveText('Brouillon');
  await expect(document.lines).toHaveCount(4);
  await expect(document.lines.first()).toContainText(`Enregistrement du nom de domaine ${DOMAIN} — 2 ans`);
  await expect(document.lines.nth(3).getByTestId('line-quantity')).toHaveText('1');
  await expect(document.lines.nth(2).getByTestId('line-quantity')).toHaveText('1,5');
  expect(await amountOf(document.ttc)).toBe(want.ttc);
  await screenshot(page, 'document-draft');
  // A draft prints as BROUILLON and does not use up the original.
  const draftPdf = await document.preview();
  expect(draftPdf.head).toBe('%PDF-');
  await expect(document.pdfCopy).toHaveText('BROUILLON');
  await document.closePreview();
});

test('the draft is edited again, then issued: it gets its number', async ({ page }) => {
  const shell = await openOfficeAsAdmin(page);
  await shell.navigate('Proformas & factures');
  const list = new DocumentsListPage(page);
  await expect(list.heading).toBeVisible();
  await expect(list.rows).toHaveCount(1);
  await list.rows.first().click();
  const document = new DocumentView(page);
  await document.expectOpen('Brouillon');
  await document.action('document-edit').click();

  const editor = new ProformaEditor(page);
  await editor.expectOpen('Modifier le brouillon de proforma');
  await expect(editor.renewal(DOMAIN, DOMAIN_PRODUCT).getByTestId('renewal-tick')).toBeChecked();
  await expect(editor.renewal(DOMAIN, DOMAIN_PRODUCT).getByTestId('renewal-periods')).toHaveValue('2');
  await expect(editor.renewal(HOSTING, HOSTING_PRODUCT).getByTestId('renewal-tick')).toBeChecked();
  await expect(editor.itemRows).toHaveCount(2);
  const mission = editor.itemRows.first();
  await expect(mission.getByTestId('item-quantity')).toHaveValue('1,5');
  await expect(editor.itemRows.nth(1).getByTestId('item-vat')).toHaveValue('1400');
  // Two hours instead of one and a half; the domain for one year only.
  await editor.fillLine(mission, { quantity: '2' });
  await editor.renewal(DOMAIN, DOMAIN_PRODUCT).getByTestId('renewal-periods').selectOption('1');
  const want = expected([
    { quantity: 1000, unitPrice: prices.domain, vatRate: 2000 },
    { quantity: 1000, unitPrice: prices.hosting, vatRate: 2000 },
    { quantity: 2000, unitPrice: prices.mission, vatRate: 2000 },
    { quantity: 1000, unitPrice: 3333, vatRate: 1400 },
  ]);
  expect(await editor.total('ttc')).toBe(want.ttc);

  await editor.issueButton.click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('Une proforma émise ne peut plus être modifiée.');
  await confirm.getByTestId('issue-confirm').click();
  await shell.expectNotification(`Proforma ${FIRST_NUMBER} émise.`);
  await document.expectOpen('Émise');
  await expect(document.number).toHaveText(FIRST_NUMBER);
  await expect(page.getByTestId('document-issue-date')).toHaveText(typed(casablancaDate()));
  expect(await amountOf(document.ttc)).toBe(want.ttc);
  expect(await amountOf(page.getByTestId('document-paid-amount'))).toBe(0);
  // Issued: no more editing.
  await expect(document.action('document-edit')).toHaveCount(0);
  await screenshot(page, 'document-issued');

  await shell.open(`/billing/${page.url().split('/').at(-1) ?? ''}/edit`);
  await expect(page.getByTestId('not-draft')).toContainText('ne peut plus être modifié');
});

test('the PDF: the first preview is the original, the next ones say DUPLICATA; its fingerprint checks out', async ({
  page,
}) => {
  const shell = await openOfficeAsAdmin(page);
  await shell.navigate('Proformas & factures');
  const list = new DocumentsListPage(page);
  await list.row(FIRST_NUMBER).getByRole('link').click();
  const document = new DocumentView(page);
  await document.expectOpen('Émise');

  const first = await document.preview();
  expect(first.src).toMatch(/^blob:/);
  expect(first.head).toBe('%PDF-');
  await expect(document.pdfCopy).toHaveText('Original');
  await screenshot(page, 'pdf-preview');
  await document.closePreview();

  const second = await document.preview();
  expect(second.head).toBe('%PDF-');
  await expect(document.pdfCopy).toHaveText('DUPLICATA');
  await expect(document.pdfModal.getByTestId('pdf-copy-hint')).toContainText('mention DUPLICATA');
  await document.closePreview();

  const downloading = page.waitForEvent('download');
  await document.action('pdf-save').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  expect((await readFile(await download.path())).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await shell.expectNotification(/\(DUPLICATA\)$/);

  // Printing loads the same kind of PDF (a duplicate) in a hidden frame and opens the print dialog on it. The dialog is
  // stubbed: headless Chromium cannot show one. The stub counts the calls in the app's window.
  await page.addInitScript(() => {
    const frame = globalThis as unknown as { print: () => void; top: { printed?: number } | null };
    frame.print = () => {
      if (frame.top) frame.top.printed = (frame.top.printed ?? 0) + 1;
    };
  });
  await page.reload();
  await document.expectOpen('Émise');
  await document.action('pdf-print').click();
  await shell.expectNotification(/^Impression de proforma-.*\.pdf \(DUPLICATA\)\.$/);
  await expect(page.getByTestId('print-frame')).toHaveAttribute('src', /^blob:/);
  await expect.poll(() => page.evaluate(() => (globalThis as unknown as { printed?: number }).printed)).toBe(1);

  await expect(page.getByTestId('document-sha')).toHaveText(/^[0-9a-f]{64}$/);
  await expect(page.getByTestId('document-prints')).toHaveText('Imprimé 4 fois');
  await page.getByTestId('document-verify').click();
  await expect(page.getByTestId('verify-result')).toContainText('Intègre');
});

test('an issued proforma holds its services, is cancelled with a reason, then duplicated into a new draft', async ({
  page,
}) => {
  const shell = await openOfficeAsAdmin(page);
  await shell.navigate('Proformas & factures');
  const list = new DocumentsListPage(page);
  await list.row(FIRST_NUMBER).click();
  const document = new DocumentView(page);
  await document.expectOpen('Émise');
  const issuedUrl = page.url();

  // While it is out with the client, its services cannot go on another proforma.
  await page.getByTestId('document-client').click();
  const client = new ClientPage(page);
  await client.expectOpen(CLIENT);
  await client.tab('Documents');
  await page.getByTestId('client-new-proforma').click();
  const editor = new ProformaEditor(page);
  await editor.expectOpen('Nouvelle proforma');
  const held = editor.renewal(DOMAIN, DOMAIN_PRODUCT);
  await expect(held.getByTestId('renewal-tick')).toBeDisabled();
  await expect(held.getByTestId('renewal-blocked')).toContainText(`Déjà sur la proforma ${FIRST_NUMBER}`);
  await held.getByTestId('renewal-tick').hover({ force: true });
  await expect(page.getByRole('tooltip')).toContainText(FIRST_NUMBER);
  await page.goto(issuedUrl);

  await document.action('document-cancel').click();
  await expect(document.dialog).toContainText(`Annuler la proforma ${FIRST_NUMBER}`);
  await document.dialog.getByTestId('cancel-submit').click();
  await expect(document.dialog.getByText('Le motif est obligatoire.')).toBeVisible();
  await document.dialog.getByLabel(label('Motif')).fill('Le client préfère payer le domaine seul.');
  await document.dialog.getByTestId('cancel-submit').click();
  await shell.expectNotification(`Proforma ${FIRST_NUMBER} annulée.`);
  await document.expectOpen('Annulée');
  await expect(page.getByTestId('document-cancelled')).toContainText(
    'Motif : Le client préfère payer le domaine seul.',
  );
  await expect(document.action('document-cancel')).toHaveCount(0);

  await document.action('document-duplicate').click();
  await shell.expectNotification(`Nouveau brouillon créé à partir de ${FIRST_NUMBER}.`);
  await editor.expectOpen('Modifier le brouillon de proforma');
  await expect(editor.renewal(DOMAIN, DOMAIN_PRODUCT).getByTestId('renewal-tick')).toBeChecked();
  await expect(editor.itemRows).toHaveCount(2);
  // The copy is corrected: the hosting plan waits.
  await editor.renewal(HOSTING, HOSTING_PRODUCT).getByTestId('renewal-tick').uncheck();
  await editor.save();
  await document.expectOpen('Brouillon');
  await expect(document.lines).toHaveCount(3);
});

test('the list filters by type, number and status; Enter searches; a row opens its document', async ({ page }) => {
  const shell = await openOfficeAsAdmin(page);
  await shell.navigate('Proformas & factures');
  const list = new DocumentsListPage(page);
  await expect(list.rows).toHaveCount(2);
  await expect(list.row(FIRST_NUMBER).getByTestId('document-status')).toHaveText('Annulée');
  await expect(list.row('Brouillon').getByTestId('document-client')).toHaveText(CLIENT);
  await screenshot(page, 'documents-list');

  await list.number.fill('000001');
  // Typed, not searched yet.
  await expect(list.rows).toHaveCount(2);
  await list.number.press('Enter');
  await expect(list.rows).toHaveCount(1);
  await expect(list.row(FIRST_NUMBER)).toBeVisible();
  await list.number.fill('');
  await expect(list.rows).toHaveCount(2);

  await list.status('Brouillon');
  await expect(list.rows).toHaveCount(1);
  await expect(list.rows.first().getByTestId('document-number')).toHaveText('Brouillon');
  await list.status('Annulée');
  await expect(list.rows).toHaveCount(1);
  await expect(list.row(FIRST_NUMBER)).toBeVisible();
  await list.status('Payée');
  await expect(page.getByText('Aucun document ne correspond à ces filtres.')).toBeVisible();
  await page.getByRole('button', { name: 'Effacer les filtres' }).click();
  await expect(list.rows).toHaveCount(2);

  // Amounts are typed in dirhams; what cannot be read says so.
  await page.getByTestId('filter-minAmount').fill('2 000');
  await page.getByTestId('filter-minAmount').press('Enter');
  await expect(list.rows).toHaveCount(1);
  await page.getByTestId('filter-minAmount').fill('12,345');
  await page.getByTestId('filter-minAmount').press('Enter');
  await expect(page.getByText('Montant invalide (ex. 1 234,50).')).toBeVisible();
  await page.getByRole('button', { name: 'Effacer les filtres' }).click();

  await list.tab('Factures');
  await expect(page.getByText('Aucun document ne correspond à ces filtres.')).toBeVisible();
  await list.tab('Tous');
  await expect(list.rows).toHaveCount(2);
  await list.number.fill(FIRST_NUMBER);
  await list.number.press('Enter');
  await expect(list.rows).toHaveCount(1);
  await list.row(FIRST_NUMBER).getByRole('link').press('Enter');
  await new DocumentView(page).expectOpen('Annulée');

  await page.getByTestId('document-client').click();
  const client = new ClientPage(page);
  await client.expectOpen(CLIENT);
  await client.tab('Documents');
  await expect(page.getByTestId('documents-table').getByTestId('document-row')).toHaveCount(2);
  await screenshot(page, 'client-documents');
});

test('a draft is abandoned with its reason; it stays in the list, cancelled', async ({ page }) => {
  const shell = await openOfficeAsAdmin(page);
  await shell.navigate('Proformas & factures');
  const list = new DocumentsListPage(page);
  await list.row('Brouillon').click();
  const document = new DocumentView(page);
  await document.expectOpen('Brouillon');
  await document.action('document-abandon').click();
  await expect(document.dialog).toContainText('Abandonner ce brouillon');
  await document.dialog.getByLabel(label('Motif')).fill('Le client revient la semaine prochaine.');
  await document.dialog.getByTestId('cancel-submit').click();
  await shell.expectNotification('Brouillon abandonné.');
  await document.expectOpen('Annulée');
  await expect(document.number).toHaveText('Brouillon');
  await expect(document.action('document-edit')).toHaveCount(0);

  await shell.navigate('Proformas & factures');
  await list.status('Annulée');
  await expect(list.rows).toHaveCount(2);
});
