import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { fieldError } from './clients';
import { amountOf } from './documents';
import { label } from './shell';

/** The text of a PDF file as poppler's pdftotext reads it: spaces made plain, lines joined. */
function pdfText(path: string): string {
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  return text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');
}

/** Clicks "Enregistrer le PDF" in `scope` and reads the PDF the page hands over: its name, first bytes and text. */
export async function savePdf(page: Page, scope: Locator): Promise<{ name: string; head: string; text: string }> {
  const downloading = page.waitForEvent('download');
  await scope.getByTestId('pdf-save').click();
  const download: Download = await downloading;
  const path = await download.path();
  const head = (await readFile(path)).subarray(0, 5).toString('latin1');
  return { name: download.suggestedFilename(), head, text: pdfText(path) };
}

/**
 * The print dialog cannot show in headless Chromium: every frame's print() is replaced by a counter kept in the app's
 * window, so a test can see that the receipt was sent to the printer. Call before the page loads.
 */
export async function stubPrinting(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const frame = globalThis as unknown as { print: () => void; top: { printed?: number } | null };
    frame.print = () => {
      if (frame.top) frame.top.printed = (frame.top.printed ?? 0) + 1;
    };
  });
}

export function printed(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as { printed?: number }).printed ?? 0);
}

export type MethodName = 'Espèces' | 'Wafacash' | 'CCP' | 'Virement' | 'Carte' | 'PayPal' | 'Autre';

/** #/payments/new: the payment screen. */
export class PaymentScreen {
  readonly root: Locator;
  readonly client: Locator;
  readonly amount: Locator;
  readonly currency: Locator;
  readonly allocationRows: Locator;
  readonly summary: Locator;
  readonly error: Locator;
  readonly submitButton: Locator;
  readonly limit: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('payment-form');
    this.client = this.root.getByTestId('payment-client');
    this.amount = this.root.getByTestId('payment-amount');
    this.currency = this.root.getByTestId('payment-currency');
    this.allocationRows = this.root.getByTestId('allocation-row');
    this.summary = this.root.getByTestId('payment-summary');
    this.error = page.getByTestId('payment-error');
    this.submitButton = this.root.getByTestId('payment-submit');
    this.limit = this.root.getByTestId('cash-limit');
  }

  async expectOpen(client?: string): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Nouvel encaissement', level: 2 })).toBeVisible();
    if (client) await expect(this.client).toHaveValue(new RegExp(`^${client} \\(`));
  }

  async method(name: MethodName): Promise<void> {
    await this.root.getByTestId('payment-method').getByText(name, { exact: true }).click();
  }

  detail(name: string): Locator {
    return this.root.getByLabel(label(name), { exact: true });
  }

  errorOf(field: Locator): Locator {
    return fieldError(field);
  }

  allocation(number: string): Locator {
    return this.allocationRows.filter({
      has: this.page.getByTestId('allocation-number').getByText(number, { exact: true }),
    });
  }

  async summaryAmount(which: 'received' | 'allocated' | 'credit' | 'stamp-duty' | 'total'): Promise<number> {
    return amountOf(this.summary.getByTestId(`summary-${which}`));
  }
}

/** What the payment screen shows once the payment is recorded. */
export class PaymentDonePanel {
  readonly root: Locator;
  readonly receipt: Locator;
  readonly collected: Locator;
  readonly invoices: Locator;
  readonly credit: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('payment-done');
    this.receipt = this.root.getByTestId('payment-number');
    this.collected = this.root.getByTestId('done-collected');
    this.invoices = this.root.getByTestId('done-invoice');
    this.credit = this.root.getByTestId('done-credit');
  }

  async expectShown(): Promise<string> {
    await expect(this.root).toBeVisible();
    await expect(this.root).toContainText('Paiement enregistré');
    return (await this.receipt.textContent()) ?? '';
  }
}

/** #/payments/:id */
export class PaymentView {
  readonly header: Locator;
  readonly number: Locator;
  readonly status: Locator;
  readonly voidButton: Locator;
  readonly allocations: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.header = page.getByTestId('payment-header');
    this.number = this.header.getByTestId('payment-number');
    this.status = this.header.getByTestId('payment-status');
    this.voidButton = this.header.getByTestId('payment-void');
    this.allocations = page.getByTestId('payment-allocations').getByTestId('payment-allocation');
    this.dialog = page.getByRole('dialog');
  }

  async expectOpen(number: string, status: 'Enregistré' | 'Annulé'): Promise<void> {
    await expect(this.number).toHaveText(number);
    await expect(this.status).toHaveText(status);
  }
}

/** #/payments */
export class PaymentsListPage {
  readonly heading: Locator;
  readonly rows: Locator;
  readonly number: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Encaissements', level: 2 });
    this.rows = page.getByTestId('payments-table').getByTestId('payment-row');
    this.number = page.getByTestId('filter-number');
  }

  row(number: string): Locator {
    return this.rows.filter({ has: this.page.getByTestId('payment-number').getByText(number, { exact: true }) });
  }

  async method(name: string): Promise<void> {
    await this.page.getByTestId('filter-method').click();
    await this.page.getByRole('option', { name, exact: true }).click();
  }

  async status(name: string): Promise<void> {
    await this.page.getByTestId('filter-status').click();
    await this.page.getByRole('option', { name, exact: true }).click();
  }
}

/** #/cash and #/cash/:id */
export class CashPage {
  readonly heading: Locator;
  readonly desk: Locator;
  readonly closed: Locator;
  readonly open: Locator;
  readonly movements: Locator;
  readonly count: Locator;
  readonly session: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Caisse', level: 2 });
    this.desk = page.getByTestId('cash-desk');
    this.closed = page.getByTestId('cash-closed');
    this.open = page.getByTestId('cash-open');
    this.movements = page.getByTestId('cash-movements').getByTestId('cash-movement');
    this.count = page.getByTestId('cash-count');
    this.session = page.getByTestId('cash-session');
    this.dialog = page.getByRole('dialog');
  }

  figure(name: 'float' | 'in' | 'out' | 'expected' | 'counted' | 'difference'): Promise<number> {
    return amountOf(this.page.getByTestId(`cash-${name}`));
  }

  countField(centimes: number): Locator {
    return this.count.getByTestId(`count-${centimes}`);
  }
}
