import { expect, type Locator, type Page } from '@playwright/test';
import { label } from './shell';

/**
 * "1 234,50 DH" (thin and no-break spaces) → 123450 centimes: the test reads amounts off the screen and does its own
 * arithmetic on them, never the app's.
 */
export function centimes(text: string): number {
  const match = /^(-?)([\d\s\u00a0\u202f]+),(\d{2})\s*(DH|€|\$)?$/.exec(text.trim());
  if (!match) throw new Error(`Not an amount: ${JSON.stringify(text)}`);
  const [, sign = '', units = '', cents = ''] = match;
  const value = Number(units.replace(/\D/g, '')) * 100 + Number(cents);
  return sign ? -value : value;
}

/** Round half up to the centime: what a person does on paper for a line or a VAT amount. */
export function roundHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

export async function amountOf(locator: Locator): Promise<number> {
  return centimes((await locator.textContent()) ?? '');
}

/** The proforma editor (#/billing/new, #/billing/:id/edit). */
export class ProformaEditor {
  readonly root: Locator;
  readonly client: Locator;
  readonly renewalRows: Locator;
  readonly itemRows: Locator;
  readonly totals: Locator;
  readonly error: Locator;
  readonly saveButton: Locator;
  readonly issueButton: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('proforma-form');
    this.client = this.root.getByTestId('proforma-client');
    this.renewalRows = this.root.getByTestId('renewal-row');
    this.itemRows = this.root.getByTestId('item-row');
    this.totals = this.root.getByTestId('totals');
    this.error = page.getByTestId('proforma-error');
    this.saveButton = this.root.getByTestId('proforma-save');
    this.issueButton = this.root.getByTestId('proforma-issue');
  }

  async expectOpen(title: 'Nouvelle proforma' | 'Modifier le brouillon de proforma'): Promise<void> {
    await expect(this.page.getByRole('heading', { name: title, level: 2 })).toBeVisible();
    await expect(this.root).toBeVisible();
  }

  renewal(serviceLabel: string, productName: string | RegExp): Locator {
    return this.renewalRows.filter({ hasText: productName }).filter({
      has: this.page.getByTestId('renewal-label').getByText(serviceLabel, { exact: true }),
    });
  }

  async tick(row: Locator): Promise<void> {
    await row.getByTestId('renewal-tick').check();
  }

  async addProduct(code: string): Promise<Locator> {
    const before = await this.itemRows.count();
    await this.root.getByTestId('item-add-product').fill(code);
    await this.page
      .getByRole('option', { name: new RegExp(`\\(${code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)$`) })
      .click();
    await expect(this.itemRows).toHaveCount(before + 1);
    return this.itemRows.nth(before);
  }

  async addText(): Promise<Locator> {
    const before = await this.itemRows.count();
    await this.root.getByTestId('item-add-text').click();
    await expect(this.itemRows).toHaveCount(before + 1);
    return this.itemRows.nth(before);
  }

  async fillLine(
    row: Locator,
    values: { description?: string; quantity?: string; unitPrice?: string; vatRate?: string },
  ): Promise<void> {
    if (values.description !== undefined) await row.getByTestId('item-description').fill(values.description);
    if (values.quantity !== undefined) await row.getByTestId('item-quantity').fill(values.quantity);
    if (values.unitPrice !== undefined) await row.getByTestId('item-price').fill(values.unitPrice);
    if (values.vatRate !== undefined) await row.getByTestId('item-vat').selectOption(values.vatRate);
  }

  /** The messages listed under a free line (its wrong fields are marked invalid and point to them). */
  lineErrors(row: Locator): Locator {
    return row.locator('xpath=following-sibling::tr[1]').getByTestId('item-errors');
  }

  field(name: string): Locator {
    return this.root.getByLabel(label(name), { exact: true });
  }

  async total(which: 'ht' | 'ttc'): Promise<number> {
    return amountOf(this.totals.getByTestId(`totals-${which}`));
  }

  /** The VAT of one rate (basis points) and its base, as shown. */
  vatRow(rate: number): Locator {
    return this.totals.getByTestId(`totals-vat-${rate}`);
  }

  async save(): Promise<void> {
    await this.saveButton.click();
  }
}

/** #/billing/:id */
export class DocumentView {
  readonly header: Locator;
  readonly number: Locator;
  readonly status: Locator;
  readonly type: Locator;
  readonly lines: Locator;
  readonly ttc: Locator;
  readonly dialog: Locator;
  readonly pdfModal: Locator;
  readonly pdfFrame: Locator;
  readonly pdfCopy: Locator;

  constructor(readonly page: Page) {
    this.header = page.getByTestId('document-header');
    this.number = this.header.getByTestId('document-number');
    this.status = this.header.getByTestId('document-status');
    this.type = this.header.getByTestId('document-type');
    this.lines = page.getByTestId('document-lines').getByTestId('line-row');
    this.ttc = page.getByTestId('document-ttc');
    this.dialog = page.getByRole('dialog');
    this.pdfModal = page.getByRole('dialog').filter({ has: page.getByTestId('pdf-frame') });
    this.pdfFrame = page.getByTestId('pdf-frame');
    this.pdfCopy = this.pdfModal.getByTestId('pdf-copy');
  }

  async expectOpen(status: string): Promise<void> {
    await expect(this.header).toBeVisible();
    await expect(this.status).toHaveText(status);
  }

  action(testId: string): Locator {
    return this.header.getByTestId(testId);
  }

  /** Opens the PDF preview; returns the blob: URL the frame shows and the first bytes read back from it. */
  async preview(): Promise<{ src: string; head: string }> {
    await this.action('pdf-preview').click();
    await expect(this.pdfFrame).toBeVisible();
    const src = (await this.pdfFrame.getAttribute('src')) ?? '';
    return { src, head: await this.blobHead(src) };
  }

  /**
   * The first bytes behind a blob: URL of the app. The app's pages may not fetch blob: URLs (their CSP allows them
   * only as frames), so they are read from a second tab of the same origin, on a static file that has no CSP.
   */
  private async blobHead(url: string): Promise<string> {
    const icon = (await this.page.locator('link[rel="icon"]').getAttribute('href')) ?? '';
    const reader = await this.page.context().newPage();
    try {
      await reader.goto(new URL(icon, this.page.url()).href);
      return await reader.evaluate(async (blobUrl) => {
        const bytes = new Uint8Array(await (await fetch(blobUrl)).arrayBuffer());
        return String.fromCharCode(...bytes.slice(0, 5));
      }, url);
    } finally {
      await reader.close();
    }
  }

  async closePreview(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.pdfModal).toBeHidden();
  }
}

/** #/billing */
export class DocumentsListPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly total: Locator;
  readonly number: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Proformas & factures', level: 2 });
    this.table = page.getByTestId('documents-table');
    this.rows = this.table.getByTestId('document-row');
    this.total = page.getByTestId('documents-total');
    this.number = page.getByTestId('filter-number');
  }

  async tab(name: 'Proformas' | 'Factures' | 'Avoirs' | 'Tous'): Promise<void> {
    await this.page.getByTestId('documents-type').getByText(name, { exact: true }).click();
  }

  async status(name: string | null): Promise<void> {
    const field = this.page.getByTestId('filter-status');
    if (name === null) {
      await field.fill('');
      await field.press('Escape');
      return;
    }
    await field.click();
    await this.page.getByRole('option', { name, exact: true }).click();
  }

  row(number: string): Locator {
    return this.rows.filter({ has: this.page.getByTestId('document-number').getByText(number, { exact: true }) });
  }
}
