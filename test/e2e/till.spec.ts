import { expect, test, type Page } from '@playwright/test';
import { cashRounding, stampDuty } from '../../shared/stamp-duty';
import { openOfficeAsAdmin } from './office';
import { SearchPalette } from './pages/clients';
import { amountOf } from './pages/documents';
import { CashPage, PaymentDonePanel, PaymentScreen, printed, stubPrinting } from './pages/payments';
import { callApi } from './pages/reports';
import { SettingsPage } from './pages/settings';
import { screenshot, type Shell } from './pages/shell';

// The counter at full speed (issue 17): a queue served from the keyboard alone, the money in sight at 1366×768, the
// drawer opened without leaving the payment, the change due, and cash rounded to 0,10 DH that balances to the coin.
// It runs last in a full run (file-name order) on a desk of its own, so the other files' numbers and drawers are
// untouched; run alone, it sets the office up.
test.describe.configure({ mode: 'serial' });

const DESK = 'Guichet T';
/** Two clients of the queue, each with one issued proforma of 1 243,10 HT at 20 % → 1 491,72 TTC (stamp duty makes
 * the cash total end in centimes coins cannot pay). */
const QUEUE = [
  { firstName: 'Ghita', lastName: 'Zerhouni', phone: '0661 20 30 41' },
  { firstName: 'Othmane', lastName: 'Lahlimi', phone: '0662 50 60 71' },
] as const;
const TTC = 149_172;
const RULES = { enabled: true, rate: 25, cashRounding: 10 as const };
const DUTY = stampDuty(TTC, 'cash', RULES);
const ROUNDING = cashRounding(TTC + DUTY, 'cash', RULES);
const COLLECTED = TTC + DUTY + ROUNDING;

let consoleErrors: string[] = [];
test.beforeEach(async ({ page }) => {
  consoleErrors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await stubPrinting(page);
  // This workstation's desk, set in the app's window only (the print frame's PDF has no storage).
  await page.addInitScript((desk) => {
    const frame = globalThis as unknown as { top: unknown; localStorage: { setItem: (k: string, v: string) => void } };
    if (frame.top === frame) frame.localStorage.setItem('guichet.desk', desk);
  }, DESK);
});
test.afterEach(() => {
  expect(consoleErrors).toEqual([]);
});

const clients: { id: number; name: string }[] = [];

async function signIn(page: Page): Promise<Shell> {
  return openOfficeAsAdmin(page);
}

test('the office rounds cash to 0,10 DH; two clients queue with a proforma each', async ({ page }) => {
  const shell = await signIn(page);
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
  await page.getByRole('tab', { name: 'Droit de timbre' }).click();
  await page.getByTestId('cash-rounding').check();
  await page.getByTestId('save-stamp-duty').click();
  await shell.expectNotification('Droit de timbre enregistré.');
  expect(await callApi(page, 'settings.getStampDuty', {})).toEqual(RULES);
  await screenshot(page, 'till-settings-rounding');

  for (const person of QUEUE) {
    const client = await callApi<{ id: number; displayName: string }>(page, 'clients.create', {
      kind: 'individual',
      firstName: person.firstName,
      lastName: person.lastName,
      phones: [person.phone],
    });
    const draft = await callApi<{ id: number }>(page, 'documents.saveDraft', {
      clientId: client.id,
      lines: [
        { kind: 'item', description: 'Hébergement Pro, un an', quantity: 1000, unitPrice: 124_310, vatRate: 2000 },
      ],
    });
    const proforma = await callApi<{ totals: { ttc: number } }>(page, 'documents.issue', { id: draft.id });
    expect(proforma.totals.ttc).toBe(TTC);
    clients.push({ id: client.id, name: client.displayName });
  }
});

test('the amount due is in sight at 1366×768 on the client page and the payment screen', async ({ page }) => {
  await signIn(page);
  const [first] = clients;
  if (!first) throw new Error('no client');
  await page.goto(`/#/clients/${first.id}`);
  const line = page.getByTestId('money-line');
  await expect(line.getByTestId('money-due')).toHaveText(/Reste à payer\s*1\s491,72\sDH/);
  await expect(line.getByTestId('money-due')).toBeInViewport();
  await expect(line.getByTestId('money-next')).toContainText(/PF-\d{4}-\d{6}/);
  await expect(line.getByTestId('money-credit')).toContainText('0,00');
  await screenshot(page, 'till-client-money-line');

  await page.keyboard.press('F2');
  const screen = new PaymentScreen(page);
  await screen.expectOpen(first.name);
  await expect(page.getByTestId('money-line').getByTestId('money-due')).toBeInViewport();
  // The open balance is the amount, selected: the cashier types over it or presses Enter.
  await expect(screen.amount).toHaveValue('1491,72');
  await expect(screen.amount).toBeFocused();
  const selection = await screen.amount.evaluate((input) => {
    const field = input as unknown as { selectionStart: number; selectionEnd: number };
    return [field.selectionStart, field.selectionEnd];
  });
  expect(selection).toEqual([0, '1491,72'.length]);
  await expect(screen.summary.getByTestId('summary-total')).toBeInViewport();
});

test('the drawer opens in a dialog from the payment screen, and the typed amount stays', async ({ page }) => {
  const shell = await signIn(page);
  const [first] = clients;
  if (!first) throw new Error('no client');
  await page.goto(`/#/payments/new?client=${first.id}`);
  const screen = new PaymentScreen(page);
  await screen.expectOpen(first.name);
  await expect(screen.amount).toHaveValue('1491,72');
  await page.keyboard.type('1000');
  await expect(screen.amount).toHaveValue('1000');
  // One message, and the button says why it cannot record.
  await expect(page.getByTestId('drawer-closed')).toBeVisible();
  await expect(page.getByTestId('payment-error')).toHaveCount(0);
  await expect(screen.submitButton).toBeDisabled();
  await expect(page.getByTestId('payment-blocked')).toHaveText('Caisse fermée');
  await screenshot(page, 'till-drawer-closed');

  await page.getByTestId('open-drawer').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Ouvrir la caisse du poste « ${DESK} »`);
  await expect(dialog.getByTestId('open-float')).toBeFocused();
  await screenshot(page, 'till-drawer-dialog');
  await dialog.getByTestId('open-float').fill('200');
  await dialog.getByTestId('open-float').press('Enter');
  await shell.expectNotification(new RegExp(`Caisse du poste «\\s${DESK}\\s» ouverte`));
  await expect(dialog).toBeHidden();
  await expect(screen.amount).toHaveValue('1000');
  await expect(page.getByTestId('drawer-closed')).toHaveCount(0);
  await expect(page.getByTestId('payment-blocked')).toHaveCount(0);
  await expect(screen.submitButton).toBeEnabled();

  // The change due from what the client hands over: 1 000,00 + 2,50 duty = 1 002,50 to collect.
  await screen.amount.fill('1491,72');
  expect(await screen.summaryAmount('stamp-duty')).toBe(DUTY);
  expect(await amountOf(screen.summary.getByTestId('summary-rounding'))).toBe(ROUNDING);
  expect(await screen.summaryAmount('total')).toBe(COLLECTED);
  await screen.root.getByTestId('payment-handed').fill('1500');
  await expect(screen.summary.getByTestId('summary-change')).toContainText('À rendre');
  expect(await amountOf(screen.summary.getByTestId('change-due'))).toBe(150_000 - COLLECTED);
  await screenshot(page, 'till-change-due');
});

test('keyboard only: two clients served one after the other, receipts printed, never a Tab or a click', async ({
  page,
}) => {
  await signIn(page);
  const palette = new SearchPalette(page);
  const screen = new PaymentScreen(page);
  const done = new PaymentDonePanel(page);
  for (const [index, person] of QUEUE.entries()) {
    await palette.search(`${person.firstName} ${person.lastName}`);
    await expect(palette.hits.first()).toContainText(person.lastName);
    // F2 on the hit: the payment screen for this client, the open balance as the amount.
    await page.keyboard.press('F2');
    await screen.expectOpen(`${person.firstName} ${person.lastName}`);
    await expect(screen.amount).toBeFocused();
    await expect(screen.amount).toHaveValue('1491,72');
    await page.keyboard.type('1491,72');
    expect(await screen.summaryAmount('total')).toBe(COLLECTED);
    await page.keyboard.press('Enter');
    await done.expectShown();
    expect(await amountOf(done.collected)).toBe(COLLECTED);
    await expect.poll(() => printed(page)).toBe(index + 1);
    // The print frame did not keep the keyboard: the page still has it.
    await expect(page.getByTestId('print-frame')).toHaveCount(index + 1);
    const focused = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { activeElement: { tagName: string } | null } }).document.activeElement
          ?.tagName,
    );
    // The done panel keeps the focus it took (a DIV), not the print frame (an IFRAME).
    expect(focused).toBe('DIV');
    if (index === 0) await screenshot(page, 'till-done');
  }
  // After the second receipt F2 opens the next payment at once.
  await page.keyboard.press('F2');
  await screen.expectOpen();
  await expect(screen.client).toBeFocused();
});

test('the drawer of rounded cash payments closes at 0,00 DH difference when the count is right', async ({ page }) => {
  await signIn(page);
  await page.goto('/#/cash');
  const cash = new CashPage(page);
  await expect(cash.open).toBeVisible();
  const expected = 20_000 + 2 * COLLECTED;
  expect(expected % 10).toBe(0);
  expect(await cash.figure('expected')).toBe(expected);

  await page.getByTestId('cash-close-button').click();
  // 200,00 + 2 × 1 495,50 = 3 191,00: 15 × 200, 1 × 100, 1 × 50, 2 × 20, 1 × 1.
  const count: [number, string][] = [
    [20_000, '15'],
    [10_000, '1'],
    [5_000, '1'],
    [2_000, '2'],
    [100, '1'],
  ];
  let counted = 0;
  for (const [value, pieces] of count) {
    await cash.countField(value).fill(pieces);
    counted += value * Number(pieces);
  }
  const rest = expected - counted;
  if (rest > 0) await cash.countField(10).fill(String(rest / 10));
  expect(await amountOf(cash.count.getByTestId('count-difference'))).toBe(0);
  await page.getByTestId('count-submit').click();
  await cash.dialog.getByTestId('count-confirm').click();
  await expect(cash.session.getByTestId('cash-status')).toHaveText('Clôturée');
  expect(await cash.figure('difference')).toBe(0);
  await screenshot(page, 'till-session-closed');

  // The other files of a full run count cash to the centime.
  await callApi(page, 'settings.saveStampDuty', { ...RULES, cashRounding: 0 });
});
