import { expect, test, type Page } from '@playwright/test';
import { ADMIN, openOfficeAsAdmin } from './office';
import { LoginPage } from './pages/auth';
import { BackupsPage } from './pages/backup';
import { ClientForm, ClientPage } from './pages/clients';
import { PaymentDonePanel, PaymentScreen, stubPrinting } from './pages/payments';
import { SettingsPage } from './pages/settings';
import { screenshot, type Shell } from './pages/shell';

// Backups and restore, against the office the earlier specs built (or a fresh one when run alone). It ends where the
// office was plus one client and its payment: restored away, then brought back by restoring the pre-restore copy.
test.describe.configure({ mode: 'serial' });

const CLIENT = 'Nawal Bensaïd';

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

const office = { backup: '', preRestore: '', client: '', payments: 0 };

async function paymentsOf(page: Page, shell: Shell): Promise<number> {
  await page.goto(office.client);
  await new ClientPage(page).tab('Paiements');
  await expect(
    shell.main.getByTestId('client-payments-empty').or(page.getByTestId('payment-row').first()),
  ).toBeVisible();
  return page.getByTestId('payment-row').count();
}

async function signInAgain(page: Page): Promise<Shell> {
  // The restore ended every session: the login screen says why.
  await expect(page.getByTestId('login-notice')).toContainText('restaurée');
  return new LoginPage(page).login(ADMIN);
}

test('the administrator backs up by hand: the backup is listed, verified, with its size', async ({ page }) => {
  const shell = await openOfficeAsAdmin(page);
  // Run alone, the office has no company yet: payments need its legal mentions.
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
  // The client exists before the backup; the payment will come after it.
  await shell.open('/clients/new');
  const form = new ClientForm(page);
  await form.fill({ Prénom: 'Nawal', Nom: 'Bensaïd', Ville: 'Rabat' });
  await form.phone(1).fill('0662 10 20 30');
  // Enter saves the form (a notification may still cover the button).
  await form.phone(1).press('Enter');
  await new ClientPage(page).expectOpen(CLIENT);
  office.client = page.url();
  office.payments = await paymentsOf(page, shell);

  await shell.navigate('Sauvegardes');
  const backups = new BackupsPage(page);
  await expect(backups.heading).toBeVisible();
  office.backup = await backups.backUpNow();
  const row = backups.row(office.backup);
  await expect(row).toContainText('Manuelle');
  await expect(row).toContainText('Vérifiée');
  await expect(row).toContainText(/\d+(,\d+)?\s(Ko|Mo)/);
  await expect(backups.lastGood).toContainText("aujourd'hui");
  await screenshot(page, 'backups');
});

test('a payment recorded after the backup', async ({ page }) => {
  // The receipt is printed at once: headless Chromium has no print dialog.
  await stubPrinting(page);
  const shell = await new LoginPage(page).login(ADMIN);
  await page.goto(office.client);
  await new ClientPage(page).expectOpen(CLIENT);
  await page.keyboard.press('F2');
  const screen = new PaymentScreen(page);
  await screen.expectOpen(CLIENT);
  await screen.method('Autre');
  await screen.amount.fill('150');
  await screen.detail('Description').fill('Versement à valoir');
  await screen.submitButton.click();
  await new PaymentDonePanel(page).expectShown();
  expect(await paymentsOf(page, shell)).toBe(office.payments + 1);
});

test('restoring the backup takes the payment away and keeps the database of before as a pre-restore copy', async ({
  page,
}) => {
  const shell = await new LoginPage(page).login(ADMIN);
  await shell.navigate('Sauvegardes');
  const backups = new BackupsPage(page);
  await backups.openRestore(office.backup);
  await expect(backups.count('clients')).not.toHaveText('0');
  await expect(backups.dialog).toContainText('Avant restauration');
  await screenshot(page, 'restore-preview');
  await backups.confirmRestore();

  const again = await signInAgain(page);
  expect(await paymentsOf(page, again)).toBe(office.payments);
  await again.navigate('Sauvegardes');
  const preRestore = page.locator('[data-testid="backup-row"][data-kind="pre-restore"]').first();
  await expect(preRestore).toContainText('Vérifiée');
  office.preRestore = await backups.fileOf(preRestore);
  await screenshot(page, 'backups-after-restore');
});

test('restoring the pre-restore copy brings the payment back', async ({ page }) => {
  const shell = await new LoginPage(page).login(ADMIN);
  await shell.navigate('Sauvegardes');
  const backups = new BackupsPage(page);
  await backups.openRestore(office.preRestore);
  await backups.confirmRestore();
  const again = await signInAgain(page);
  expect(await paymentsOf(page, again)).toBe(office.payments + 1);

  // The audit log's chain is whole across both restores.
  await again.navigate("Journal d'audit");
  await page.getByTestId('audit-chain-check').click();
  await expect(page.getByTestId('audit-chain-ok')).toContainText('Journal intact');
  await screenshot(page, 'audit-chain');
});
