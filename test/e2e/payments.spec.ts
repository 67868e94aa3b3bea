import { expect, test, type Page } from '@playwright/test';
import { ADMIN, CASHIER, MANAGER, openOfficeAsAdmin } from './office';
import { AuditPage } from './pages/audit';
import { LoginPage } from './pages/auth';
import { ClientForm, ClientPage, SearchPalette } from './pages/clients';
import { amountOf, DocumentView, ProformaEditor } from './pages/documents';
import {
  CashPage,
  PaymentDonePanel,
  PaymentScreen,
  PaymentsListPage,
  PaymentView,
  printed,
  savePdf,
  stubPrinting,
} from './pages/payments';
import { casablancaDate, typed } from './pages/services';
import { SettingsPage } from './pages/settings';
import { label, screenshot, type Shell, type Staff } from './pages/shell';
import { StaffPage } from './pages/staff';

// One office, one fresh database (made by playwright.config.ts): each test builds on the previous one. In a full run,
// front-desk.spec.ts has made the cashier and the manager and completed the company settings; run alone, the first
// test makes what this file needs.
test.describe.configure({ mode: 'serial' });

const PERSON = 'Hicham El Mansouri';
const COMPANY = 'Zellige Média SARL';
const DESK = 'Guichet 1';

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

/** What the tests learn on the way: where the clients and proformas are, and the receipts recorded. */
const office = {
  person: '',
  company: '',
  proformas: { hosting: '', euro: '', backup: '', website: '', domain: '', ssl: '' },
  euroUrl: '',
  receipts: { cash: '', wafacash: '', euro: '', twice: '', approved: '' },
  sessionUrl: '',
};

async function signIn(page: Page, staff: Staff): Promise<Shell> {
  await stubPrinting(page);
  return new LoginPage(page).login(staff);
}

/** An issued proforma of one free line at 20 % VAT, made from the client's Documents tab; returns its number. */
async function issueProforma(
  page: Page,
  clientUrl: string,
  line: { description: string; unitPrice: string },
  currency?: 'EUR',
): Promise<string> {
  await page.goto(clientUrl);
  await new ClientPage(page).tab('Documents');
  await page.getByTestId('client-new-proforma').click();
  const editor = new ProformaEditor(page);
  await editor.expectOpen('Nouvelle proforma');
  if (currency) {
    await editor.root.getByTestId('proforma-currency').click();
    await page.getByRole('option', { name: currency, exact: true }).click();
  }
  const row = await editor.addText();
  await editor.fillLine(row, { ...line, quantity: '1', vatRate: '2000' });
  await editor.issueButton.click();
  await page.getByRole('dialog').getByTestId('issue-confirm').click();
  const document = new DocumentView(page);
  await document.expectOpen('Émise');
  return (await document.number.textContent()) ?? '';
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
  await expect(staff.row(ADMIN.username)).toBeVisible();
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

test('the cashier opens the drawer of the desk with the float', async ({ page }) => {
  const shell = await signIn(page, CASHIER);
  await shell.navigate('Caisse');
  const cash = new CashPage(page);
  await expect(cash.heading).toBeVisible();
  await expect(cash.desk).toHaveText(`Poste : ${DESK}`);
  await expect(cash.closed).toContainText('Caisse fermée');

  // The desk's name is this workstation's, kept in the browser: renamed, then back.
  await page.getByTestId('desk-rename').click();
  await cash.dialog.getByTestId('desk-name').fill('Guichet 2');
  await cash.dialog.getByTestId('desk-name').press('Enter');
  await expect(cash.desk).toHaveText('Poste : Guichet 2');
  await page.reload();
  await expect(cash.desk).toHaveText('Poste : Guichet 2');
  await page.getByTestId('desk-rename').click();
  await cash.dialog.getByTestId('desk-name').fill(`  ${DESK} `);
  await cash.dialog.getByTestId('desk-save').click();
  await expect(cash.desk).toHaveText(`Poste : ${DESK}`);

  const float = page.getByTestId('open-float');
  await expect(float).toBeFocused();
  await float.fill('5OO');
  await float.press('Enter');
  await expect(page.getByText('Montant invalide (ex. 500 ou 1 234,50).')).toBeVisible();
  await float.fill('500');
  await float.press('Enter');
  await shell.expectNotification(/Caisse du poste «\sGuichet 1\s» ouverte avec un fond de 500,00\sDH\./);
  await expect(cash.open).toBeVisible();
  expect(await cash.figure('float')).toBe(50_000);
  expect(await cash.figure('expected')).toBe(50_000);
  await expect(page.getByTestId('cash-movements')).toContainText('Aucun mouvement');
});

test('a person and a company come to pay', async ({ page }) => {
  const shell = await signIn(page, CASHIER);
  await shell.open('/clients/new');
  const form = new ClientForm(page);
  await form.fill({ Prénom: 'Hicham', Nom: 'El Mansouri', Ville: 'Tanger' });
  await form.phone(1).fill('0661 45 78 12');
  await form.save();
  await new ClientPage(page).expectOpen(PERSON);
  office.person = page.url();

  await shell.open('/clients/new');
  await form.kind('Entreprise');
  await form.fill({ 'Raison sociale': 'Zellige Média', Ville: 'Fès' });
  await form.choose('Forme juridique', 'SARL');
  await form.phone(1).fill('0535 62 41 10');
  await form.field('ICE').fill('002871465000038');
  await form.save();
  await new ClientPage(page).expectOpen(COMPANY);
  office.company = page.url();
});

test('the person’s proformas, one in euros', async ({ page }) => {
  await signIn(page, CASHIER);
  const { proformas } = office;
  // 990,00 HT → 1 188,00 TTC; 100,00 € HT → 120,00 €; 100,00 HT → 120,00 TTC.
  proformas.hosting = await issueProforma(page, office.person, {
    description: 'Hébergement Pro, un an',
    unitPrice: '990',
  });
  proformas.euro = await issueProforma(
    page,
    office.person,
    { description: 'Hébergement Europe, un an', unitPrice: '100' },
    'EUR',
  );
  office.euroUrl = page.url();
  proformas.backup = await issueProforma(page, office.person, {
    description: 'Restauration de sauvegarde',
    unitPrice: '100',
  });
});

test('the company’s proformas', async ({ page }) => {
  await signIn(page, CASHIER);
  const { proformas } = office;
  // 1 000,00 HT → 1 200,00 TTC; 500,00 HT → 600,00 TTC.
  proformas.website = await issueProforma(page, office.company, {
    description: 'Création du site vitrine',
    unitPrice: '1000',
  });
  proformas.domain = await issueProforma(page, office.company, {
    description: 'Nom de domaine zellige-media.ma, un an',
    unitPrice: '500',
  });
});

test('a proforma paid in cash from the client’s page (F2): stamp duty on top, receipt printed at once', async ({
  page,
}) => {
  await signIn(page, CASHIER);
  await page.goto(office.person);
  await new ClientPage(page).expectOpen(PERSON);
  await page.keyboard.press('F2');

  const screen = new PaymentScreen(page);
  await screen.expectOpen(PERSON);
  await expect(screen.amount).toBeFocused();
  await expect(page.getByTestId('payment-desk')).toHaveText(`Poste « ${DESK} »`);
  const { hosting, euro, backup } = office.proformas;
  await expect(screen.allocationRows).toHaveCount(3);
  await screen.amount.fill('1188');
  // Oldest first, in the payment's currency: the EUR proforma waits for a rate.
  await expect(screen.allocation(hosting).getByTestId('allocation-amount')).toHaveValue('1188,00');
  await expect(screen.allocation(hosting).getByTestId('allocation-after')).toHaveText('Soldée');
  await expect(screen.allocation(euro).getByTestId('allocation-amount')).toHaveValue('');
  await expect(screen.allocation(euro).getByTestId('allocation-rate')).toBeVisible();
  await expect(screen.allocation(backup).getByTestId('allocation-amount')).toHaveValue('');
  // 0,25 % of 1 188,00 = 2,97.
  expect(await screen.summaryAmount('allocated')).toBe(118_800);
  expect(await screen.summaryAmount('credit')).toBe(0);
  expect(await screen.summaryAmount('stamp-duty')).toBe(297);
  expect(await screen.summaryAmount('total')).toBe(118_800 + 297);
  await expect(screen.summary).toContainText('Droit de timbre (0,25 %)');
  await screenshot(page, 'payment-screen-cash');

  await screen.amount.press('Enter');
  const done = new PaymentDonePanel(page);
  office.receipts.cash = await done.expectShown();
  expect(office.receipts.cash).toMatch(/^RE-\d{4}-\d{6}$/);
  expect(await amountOf(done.collected)).toBe(119_097);
  await expect(done.invoices).toHaveCount(1);
  await expect(done.invoices.first()).toHaveText(/^FA-\d{4}-\d{6}$/);
  await expect.poll(() => printed(page)).toBe(1);
  await screenshot(page, 'payment-done');

  await page.getByTestId('done-view').click();
  const view = new PaymentView(page);
  await view.expectOpen(office.receipts.cash, 'Enregistré');
  await expect(view.allocations).toHaveCount(1);
  expect(await amountOf(page.getByTestId('payment-stamp-duty'))).toBe(297);
  await screenshot(page, 'payment-page');

  // The receipt previews as the PDF the main process made: printed once already, it is now a DUPLICATA.
  await view.header.getByTestId('pdf-preview').click();
  const frame = page.getByTestId('pdf-frame');
  await expect(frame).toHaveAttribute('src', /^blob:/);
  await expect(page.getByTestId('pdf-file-name')).toHaveText(`recu-${office.receipts.cash}-80mm-duplicata.pdf`);
  await expect(page.getByTestId('pdf-copy')).toHaveText('DUPLICATA');
  await screenshot(page, 'receipt-preview');
  await page.keyboard.press('Escape');
  await expect(frame).toBeHidden();

  // The receipt as printed: the 80 mm roll by default, A5 on demand; both carry the duty as a line of its own.
  const thermal = await savePdf(page, view.header);
  expect(thermal.head).toBe('%PDF-');
  expect(thermal.name).toBe(`recu-${office.receipts.cash}-80mm-duplicata.pdf`);
  for (const text of [
    `N° ${office.receipts.cash}`,
    'DUPLICATA',
    `Reçu par ${CASHIER.displayName}`,
    `Proforma ${hosting} 1 188,00 DH`,
    'Droit de timbre (0,25 %) 2,97 DH',
    'Total encaissé 1 190,97 DH',
  ]) {
    expect(thermal.text).toContain(text);
  }
  await view.header.getByTestId('receipt-format').getByText('A5', { exact: true }).click();
  const a5 = await savePdf(page, view.header);
  expect(a5.name).toBe(`recu-${office.receipts.cash}-duplicata.pdf`);
  expect(a5.text).toContain('Droit de timbre (0,25 %) 2,97 DH');
});

test('two proformas paid with one Wafacash transfer: its fields are required, the rest is credit', async ({ page }) => {
  await signIn(page, CASHIER);
  // From the search palette: F2 on a result opens the payment screen for that client.
  const palette = new SearchPalette(page);
  await palette.search('Zellige');
  await expect(palette.hit(COMPANY)).toBeVisible();
  await palette.input.press('F2');
  const screen = new PaymentScreen(page);
  await screen.expectOpen(COMPANY);

  const { website, domain } = office.proformas;
  await screen.method('Wafacash');
  await screen.amount.fill('2 000');
  await expect(screen.allocation(website).getByTestId('allocation-amount')).toHaveValue('1200,00');
  await expect(screen.allocation(domain).getByTestId('allocation-amount')).toHaveValue('600,00');
  expect(await screen.summaryAmount('credit')).toBe(20_000);
  expect(await screen.summaryAmount('total')).toBe(200_000);
  await expect(screen.summary.getByTestId('summary-stamp-duty')).toHaveCount(0);

  await screen.detail('N° de transfert').fill('WC-2611-4471');
  await screen.detail('Nom de l’expéditeur').fill('Karim Bennis');
  await screen.detail('N° de transfert').press('Enter');
  await expect(screen.error).toHaveText('Rien n’a été encaissé : corrigez les champs signalés.');
  const city = screen.detail('Ville d’envoi');
  await expect(screen.errorOf(city)).toHaveText('Ce champ est obligatoire.');
  await expect(city).toBeFocused();
  await screenshot(page, 'payment-screen-wafacash-error');
  // Nothing was recorded.
  await page.goto(office.company);
  await new ClientPage(page).tab('Paiements');
  await expect(page.getByTestId('client-payments-empty')).toContainText('Aucun paiement pour ce client');

  await page.keyboard.press('F2');
  await screen.expectOpen(COMPANY);
  await screen.method('Wafacash');
  await screen.amount.fill('2 000');
  await screen.detail('N° de transfert').fill('WC-2611-4471');
  await screen.detail('Nom de l’expéditeur').fill('Karim Bennis');
  await city.fill('Fès');
  await screenshot(page, 'payment-screen-wafacash');
  // A double click records one payment.
  await screen.submitButton.dblclick();
  const done = new PaymentDonePanel(page);
  office.receipts.wafacash = await done.expectShown();
  await expect(done.invoices).toHaveCount(2);
  await expect(done.credit).toHaveText(/^Crédit au compte du client\s:\s200,00\sDH$/);

  await page.goto(office.company);
  await new ClientPage(page).tab('Paiements');
  await expect(page.getByTestId('payment-row')).toHaveCount(1);
  await expect(page.getByTestId('payment-row')).toContainText('WC-2611-4471 · Karim Bennis · Fès');
});

test('the credit left pays a later proforma, from the client’s Balance tab', async ({ page }) => {
  const shell = await signIn(page, CASHIER);
  // 150,00 HT → 180,00 TTC.
  const ssl = await issueProforma(page, office.company, { description: 'Certificat SSL, un an', unitPrice: '150' });
  office.proformas.ssl = ssl;
  await page.getByTestId('document-client').click();
  const client = new ClientPage(page);
  await client.expectOpen(COMPANY);
  await client.tab('Solde');
  await expect(page.getByTestId('balance-credit-amount')).toHaveText(/^200,00\sDH$/);
  const row = page.getByTestId('balance-proforma').filter({ hasText: ssl });
  expect(await amountOf(row.getByTestId('balance-proforma-due'))).toBe(18_000);
  await screenshot(page, 'client-balance');

  await row.getByTestId('balance-use-credit').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Utiliser le crédit sur ${ssl}`);
  await expect(dialog.getByTestId('use-credit-amount')).toHaveValue('180,00');
  await dialog.getByTestId('use-credit-amount').fill('190');
  await dialog.getByTestId('use-credit-submit').click();
  await expect(dialog.getByText(/^Au plus 180,00\sDH\.$/)).toBeVisible();
  await dialog.getByTestId('use-credit-amount').fill('180');
  await dialog.getByTestId('use-credit-submit').click();
  await shell.expectNotification(`Proforma ${ssl} soldée par le crédit : facture émise.`);
  await expect(page.getByTestId('balance-credit-amount')).toHaveText(/^20,00\sDH$/);
  await expect(page.getByTestId('balance-no-open')).toHaveText('Aucune proforma à régler.');

  // The same tab prints the client's statement of the year so far (relevé de compte).
  const statement = page.getByTestId('client-statement');
  await statement.getByTestId('pdf-preview').click();
  const modal = page.getByTestId('pdf-modal');
  await expect(modal.getByTestId('pdf-file-name')).toContainText(/^releve-CL-\d+-\d{4}-01-01-\d{4}-\d{2}-\d{2}\.pdf$/);
  await screenshot(page, 'client-statement');
  await page.keyboard.press('Escape');
});

test('a EUR proforma paid in dirhams, at the rate typed at the counter, within the band of the reference rate', async ({
  page,
}) => {
  // A manager sets the reference rate of the euro, ±10 %, in the catalogue's payment rules.
  const shell = await signIn(page, MANAGER);
  await shell.navigate('Catalogue');
  await page.getByTestId('tab-payment-rules').click();
  const euroRate = page.getByTestId('reference-EUR');
  await expect(euroRate.getByTestId('reference-rate')).toHaveValue('');
  await euroRate.getByTestId('reference-rate').fill('10,85');
  await expect(euroRate.getByTestId('reference-band')).toHaveValue('10');
  await page.getByTestId('save-payment-rules').click();
  await shell.expectNotification('Règles d’encaissement enregistrées.');
  await screenshot(page, 'payment-rules');
  await shell.logout();

  await signIn(page, CASHIER);
  await page.goto(office.euroUrl);
  const document = new DocumentView(page);
  await document.expectOpen('Émise');
  await document.action('document-pay').click();

  const screen = new PaymentScreen(page);
  await screen.expectOpen(PERSON);
  const { euro, backup } = office.proformas;
  const row = screen.allocation(euro);
  // Pre-allocated to the proforma it came from; cash is in dirhams, so the rate is needed.
  await expect(row.getByTestId('allocation-amount')).toHaveValue('120,00');
  await expect(screen.allocation(backup).getByTestId('allocation-amount')).toHaveValue('');
  await expect(row.getByTestId('allocation-taken')).toHaveText('Taux à saisir');
  await screen.method('Virement');
  await expect(screen.currency).toHaveValue('MAD');
  await screen.detail('Banque').fill('Attijariwafa bank');
  await screen.detail('Référence du virement').fill('VIR-2611-0042');
  await screen.detail('Date de valeur').fill(typed(casablancaDate(-1)));
  await screen.detail('Banque').press('Enter');
  await expect(screen.errorOf(row.getByTestId('allocation-rate'))).toHaveText('Indiquez le taux de change.');
  await expect(screen.errorOf(screen.amount)).toHaveText('Saisissez le montant reçu.');

  // 12 DH for 1 € lies more than 10 % above the reference: a manager would have to sign.
  await row.getByTestId('allocation-rate').fill('12');
  await expect(row.getByTestId('allocation-conversion')).toHaveText(/^120,00\s€ au taux 12 = 1\s440,00\sDH$/);
  await expect(screen.limit.getByTestId('rate-approval')).toBeVisible();
  await row.getByTestId('allocation-rate').fill('10,855');
  // 120,00 € × 10,855 = 1 302,60 DH, both sides shown before recording.
  await expect(row.getByTestId('allocation-taken')).toHaveText(/^1\s302,60\sDH$/);
  await expect(row.getByTestId('allocation-conversion')).toHaveText(/^120,00\s€ au taux 10,855 = 1\s302,60\sDH$/);
  await expect(screen.limit).toHaveCount(0);
  await page.getByTestId('match-amount').click();
  await expect(screen.amount).toHaveValue('1302,60');
  expect(await screen.summaryAmount('credit')).toBe(0);
  expect(await screen.summaryAmount('total')).toBe(130_260);
  await screenshot(page, 'payment-screen-eur');
  await screen.amount.press('Enter');

  const done = new PaymentDonePanel(page);
  office.receipts.euro = await done.expectShown();
  await expect(done.invoices).toHaveCount(1);
  await page.getByTestId('done-view').click();
  const view = new PaymentView(page);
  await view.expectOpen(office.receipts.euro, 'Enregistré');
  await expect(view.allocations.getByTestId('payment-allocation-amount')).toHaveText(/^120,00\s€$/);
  await expect(view.allocations.getByTestId('payment-allocation-rate')).toHaveText('10,855');
  await expect(page.getByTestId('payment-details')).toContainText('VIR-2611-0042');
});

test('Enter pressed twice at once records one payment', async ({ page }) => {
  await signIn(page, CASHIER);
  await page.goto(office.person);
  await new ClientPage(page).expectOpen(PERSON);
  await page.getByTestId('new-payment').click();
  const screen = new PaymentScreen(page);
  await screen.expectOpen(PERSON);
  await expect(screen.allocationRows).toHaveCount(1);
  await screen.amount.fill('120');
  let sent = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/api/payments.record')) sent += 1;
  });
  await screen.amount.press('Enter');
  await page.keyboard.press('Enter');
  const done = new PaymentDonePanel(page);
  office.receipts.twice = await done.expectShown();
  expect(sent).toBeGreaterThanOrEqual(1);
  // 120,00 + 0,30 of stamp duty.
  expect(await amountOf(done.collected)).toBe(12_030);

  await page.goto(office.person);
  const client = new ClientPage(page);
  await client.tab('Paiements');
  await expect(page.getByTestId('client-payments-count')).toHaveText('3 encaissements');
  await expect(page.getByTestId('payment-row').filter({ hasText: office.receipts.twice })).toHaveCount(1);
  await screenshot(page, 'client-payments');
});

test('a manager voids a payment with a reason; a cashier cannot', async ({ page }) => {
  let shell = await signIn(page, CASHIER);
  await shell.navigate('Encaissements');
  const list = new PaymentsListPage(page);
  await list.row(office.receipts.twice).getByRole('link').click();
  const view = new PaymentView(page);
  await view.expectOpen(office.receipts.twice, 'Enregistré');
  const url = page.url();
  await expect(view.voidButton).toBeDisabled();
  await view.voidButton.hover({ force: true });
  await expect(page.getByRole('tooltip')).toHaveText('Réservé au responsable');
  await shell.logout();

  shell = await signIn(page, MANAGER);
  await page.goto(url);
  await view.expectOpen(office.receipts.twice, 'Enregistré');
  await view.voidButton.click();
  await expect(view.dialog).toContainText(`Annuler le paiement ${office.receipts.twice}`);
  await view.dialog.getByTestId('void-submit').click();
  await expect(view.dialog.getByText('Le motif est obligatoire.')).toBeVisible();
  await view.dialog.getByLabel(label('Motif')).fill('Billet de 100 DH refusé');
  await view.dialog.getByTestId('void-submit').click();
  await shell.expectNotification(`Paiement ${office.receipts.twice} annulé.`);
  await view.expectOpen(office.receipts.twice, 'Annulé');
  await expect(page.getByTestId('payment-voided')).toContainText('Motif : Billet de 100 DH refusé');
  await expect(view.allocations).toContainText('Annulée');
  await expect(view.voidButton).toHaveCount(0);
});

test('cash of 20 000 DH or more needs a manager’s approval, the reason among the DGI’s exceptions (CGI art. 193)', async ({
  page,
}) => {
  await signIn(page, CASHIER);
  await page.goto(office.company);
  await new ClientPage(page).expectOpen(COMPANY);
  await page.keyboard.press('F2');
  const screen = new PaymentScreen(page);
  await screen.expectOpen(COMPANY);
  await expect(page.getByTestId('allocations-none')).toBeVisible();
  // The limit is on the amount, stamp duty excluded: 19 950,00 + 49,88 stays under it; 20 000,00 does not.
  await screen.amount.fill('19 950');
  expect(await screen.summaryAmount('total')).toBe(1_999_988);
  await expect(screen.limit).toHaveCount(0);
  await screen.amount.fill('20 000');
  await expect(screen.limit).toContainText('Espèces de 20 000 DH ou plus');
  await screen.amount.press('Enter');
  await expect(screen.errorOf(screen.limit.getByTestId('approval-username'))).toHaveText('Ce champ est obligatoire.');

  await screen.limit.getByTestId('approval-username').fill(MANAGER.username);
  await screen.limit.getByTestId('approval-password').fill('not-the-password');
  await screen.limit.getByTestId('approval-reason').click();
  await page.getByRole('option', { name: 'Client sans compte bancaire' }).click();
  await expect(screen.limit.getByTestId('approval-reason')).toHaveValue('Client sans compte bancaire');
  await screen.amount.press('Enter');
  await expect(page.getByTestId('approval-error')).toHaveText('Identifiant ou mot de passe incorrect.');
  await screenshot(page, 'payment-screen-approval');
  await screen.limit.getByTestId('approval-password').fill(MANAGER.password);
  await screen.amount.press('Enter');
  const done = new PaymentDonePanel(page);
  office.receipts.approved = await done.expectShown();
  expect(await amountOf(done.collected)).toBe(2_005_000);
  await expect(done.credit).toHaveText(/^Crédit au compte du client\s:\s20\s000,00\sDH$/);
  await page.getByTestId('done-view').click();
  await expect(page.getByTestId('payment-approval')).toContainText(`Autorisé par ${MANAGER.displayName}`);
});

test('cash taken out, the drawer counted and closed with a difference, validated, and its Z report', async ({
  page,
}) => {
  let shell = await signIn(page, CASHIER);
  await shell.navigate('Caisse');
  const cash = new CashPage(page);
  await expect(cash.open).toBeVisible();
  // In: 1 190,97 + 120,30 + 20 050,00; out: the voided 120,30.
  expect(await cash.figure('float')).toBe(50_000);
  expect(await cash.figure('in')).toBe(119_097 + 12_030 + 2_005_000);
  expect(await cash.figure('out')).toBe(12_030);
  expect(await cash.figure('expected')).toBe(50_000 + 119_097 + 12_030 + 2_005_000 - 12_030);
  await expect(cash.movements).toHaveCount(4);
  await expect(cash.movements.filter({ hasText: 'Annulation' })).toContainText('Billet de 100 DH refusé');
  await screenshot(page, 'cash-open');

  await page.getByTestId('cash-out-button').click();
  await cash.dialog.getByTestId('movement-amount').fill('20 000');
  await cash.dialog.getByTestId('movement-reason').fill('Dépôt en banque BMCE');
  await cash.dialog.getByTestId('movement-submit').click();
  await shell.expectNotification(/^Sortie de 20\s000,00\sDH enregistrée\.$/);
  const expected = 50_000 + 119_097 + 12_030 + 2_005_000 - 12_030 - 2_000_000;
  expect(await cash.figure('expected')).toBe(expected);
  expect(expected).toBe(174_097);

  // 8 × 200 + 1 × 100 + 2 × 20 = 1 740,00: 0,97 DH short.
  await page.getByTestId('cash-close-button').click();
  await expect(cash.countField(20_000)).toBeFocused();
  await cash.countField(20_000).fill('8');
  await cash.countField(20_000).press('Enter');
  await expect(cash.countField(10_000)).toBeFocused();
  await cash.countField(10_000).fill('1');
  await cash.countField(2_000).fill('2');
  await cash.countField(50).fill('deux');
  await expect(cash.count.getByTestId('count-line-total').first()).toHaveText(/^1\s600,00\sDH$/);
  expect(await amountOf(cash.count.getByTestId('count-counted'))).toBe(174_000);
  await page.getByTestId('count-submit').click();
  await expect(cash.count.getByText('Nombre entier attendu.')).toBeVisible();
  await cash.countField(50).fill('0');
  expect(await amountOf(cash.count.getByTestId('count-expected'))).toBe(expected);
  expect(await amountOf(cash.count.getByTestId('count-difference'))).toBe(-97);
  await expect(cash.count).toContainText('Manque');
  await cash.count.getByTestId('count-note').fill('Manque 0,97 DH, rendu de monnaie');
  await screenshot(page, 'cash-count');
  await page.getByTestId('count-submit').click();
  await expect(cash.dialog).toContainText('Clôturer la caisse ?');
  await cash.dialog.getByTestId('count-confirm').click();

  await expect(cash.session).toBeVisible();
  await expect(cash.session.getByTestId('cash-status')).toHaveText('Clôturée');
  office.sessionUrl = page.url();
  expect(await cash.figure('counted')).toBe(174_000);
  expect(await cash.figure('difference')).toBe(-97);
  await expect(cash.session.getByTestId('cash-difference-label')).toHaveText('Manque');
  await expect(page.getByTestId('cash-close-note')).toHaveText('Manque 0,97 DH, rendu de monnaie');
  await expect(page.getByTestId('cash-validate')).toBeDisabled();
  await screenshot(page, 'cash-closed');

  const z = await savePdf(page, cash.session);
  expect(z.head).toBe('%PDF-');
  expect(z.name).toMatch(/^rapport-z-Guichet-1-\d+\.pdf$/);
  for (const text of ['Rapport Z — Guichet 1', 'Dépôt en banque BMCE', office.receipts.cash, 'Écart', '-0,97 DH']) {
    expect(z.text).toContain(text);
  }

  // The drawer is closed: the next cash payment at this desk is refused until it is opened again.
  await shell.navigate('Caisse');
  await expect(cash.closed).toBeVisible();
  await expect(page.getByTestId('cash-history-row').first().getByTestId('cash-history-difference')).toHaveText(
    /^-0,97\sDH$/,
  );
  await shell.logout();

  shell = await signIn(page, MANAGER);
  await page.goto(office.sessionUrl);
  await page.getByTestId('cash-validate').click();
  await shell.expectNotification(/^Clôture de la session n° \d+ validée\.$/);
  await expect(cash.session.getByTestId('cash-status')).toHaveText('Validée');
  await expect(cash.session).toContainText(`Validée par ${MANAGER.displayName}`);
  await screenshot(page, 'cash-validated');
});

test('the payments list filters by method, status and receipt number; the audit log names the actions', async ({
  page,
}) => {
  const shell = await signIn(page, MANAGER);
  await shell.navigate('Encaissements');
  const list = new PaymentsListPage(page);
  await expect(list.heading).toBeVisible();
  await expect(list.row(office.receipts.cash)).toBeVisible();
  await expect(list.row(office.receipts.twice).getByTestId('payment-status')).toHaveText('Annulé');
  await screenshot(page, 'payments-list');
  await list.method('Wafacash');
  await expect(list.rows).toHaveCount(1);
  await expect(list.row(office.receipts.wafacash)).toBeVisible();
  await page.getByRole('button', { name: 'Effacer les filtres' }).click();
  // The voided payments at a glance, as a manager checks them at the end of the day.
  await list.status('Annulé');
  await expect(list.rows).toHaveCount(1);
  await expect(list.row(office.receipts.twice)).toBeVisible();
  await page.getByRole('button', { name: 'Effacer les filtres' }).click();
  await list.number.fill(office.receipts.euro);
  await list.number.press('Enter');
  await expect(list.rows).toHaveCount(1);
  await list.row(office.receipts.euro).getByRole('link').press('Enter');
  await new PaymentView(page).expectOpen(office.receipts.euro, 'Enregistré');

  await shell.navigate("Journal d'audit");
  const audit = new AuditPage(page);
  await audit.actionFilter.fill('payments.void');
  await expect(audit.rows).toHaveCount(1);
  await expect(audit.rows.first()).toContainText('Paiement annulé');
  await expect(audit.rows.first()).toContainText(`Paiement · `);
  await audit.actionFilter.fill('cash.close');
  await expect(audit.rows.first()).toContainText('Caisse clôturée');
  await expect(audit.rows.first()).toContainText(/écart\s:\s-0,97\sDH/);
});

test('the administrator sees the stamp duty setting, explained', async ({ page }) => {
  const shell = await signIn(page, ADMIN);
  const settings = new SettingsPage(page);
  await settings.open();
  await settings.tab('Droit de timbre');
  await expect(page.getByRole('tabpanel')).toContainText('0,25 %');
  await expect(page.getByTestId('stamp-duty-enabled')).toBeChecked();
  await expect(page.getByTestId('stamp-duty-rate')).toHaveValue('0,25');
  await expect(page.getByTestId('stamp-duty-example')).toHaveText(
    /^Exemple\s:\spour 1\s000,00\sDH reçus en espèces, droit de timbre de 2,50\sDH, total à encaisser 1\s002,50\sDH\.$/,
  );
  await page.getByTestId('stamp-duty-rate').fill('0,255');
  await page.getByTestId('save-stamp-duty').click();
  await expect(page.getByText('Taux invalide (ex. 0,25).')).toBeVisible();
  await page.getByTestId('stamp-duty-rate').fill('0,25');
  await page.getByTestId('save-stamp-duty').click();
  await shell.expectNotification('Droit de timbre enregistré.');
  await screenshot(page, 'settings-stamp-duty');
});
