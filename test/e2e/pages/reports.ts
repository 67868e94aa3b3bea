import { readFile } from 'node:fs/promises';
import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** "1 234,50 DH" → 123 450 centimes (whatever the spaces), "-10,27 DH" → -1 027. */
export function centimesOf(text: string): number {
  const compact = text.replace(/[\s\u00a0\u202f]|DH|€|\$/g, '');
  const match = /^(-?)(\d+),(\d{2})$/.exec(compact);
  if (!match) throw new Error(`Not an amount: ${text}`);
  const value = Number(match[2]) * 100 + Number(match[3]);
  return match[1] === '-' ? -value : value;
}

/** Calls the app's API as the signed-in page does (same origin, same session cookie), for what a test prepares. */
export async function callApi<T>(page: Page, method: string, input: unknown): Promise<T> {
  const response = await page.request.post(`/api/${method}`, { data: input });
  const result = (await response.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

/** #/reports: the monthly report. */
export class ReportsPage {
  readonly heading: Locator;
  readonly report: Locator;
  readonly drawer: Locator;
  readonly denied: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Rapports', level: 2 });
    this.report = page.getByTestId('report');
    this.drawer = page.getByRole('dialog');
    this.denied = page.getByTestId('access-denied');
  }

  async expectOpen(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await expect(this.report).toBeVisible();
  }

  /** A key figure, in centimes. */
  async figure(name: 'net' | 'vat' | 'sales' | 'stamp' | 'outstanding' | 'cash'): Promise<number> {
    return centimesOf((await this.page.getByTestId(`figure-${name}-value`).textContent()) ?? '');
  }

  methodRow(method: string, currency = 'MAD'): Locator {
    return this.page
      .getByTestId('method-row')
      .filter({ has: this.page.getByRole('cell', { name: method, exact: true }) })
      .filter({ has: this.page.getByRole('cell', { name: currency, exact: true }) });
  }

  drillRows(): Locator {
    return this.drawer.getByTestId('drill-row');
  }

  /** Clicks an export button and reads the file the page hands over. */
  async export(format: 'xlsx' | 'csv' | 'pdf'): Promise<{ name: string; bytes: Buffer }> {
    const downloading = this.page.waitForEvent('download');
    await this.page.getByTestId(`export-${format}`).click();
    const download: Download = await downloading;
    return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
  }

  async chooseRange(from: string, to: string): Promise<void> {
    await this.page.getByTestId('period-mode').getByText('Période libre').click();
    await this.page.getByTestId('range-from').fill(from);
    await this.page.getByTestId('range-to').fill(to);
  }
}
