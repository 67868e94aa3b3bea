import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

/** The e-invoicing section of #/reports and the e-invoice card of a document page. */
export class EinvoicePage {
  readonly section: Locator;
  readonly card: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByTestId('einvoice-section');
    this.card = page.getByTestId('document-einvoice');
  }

  async chooseFolder(folder: string): Promise<void> {
    await this.section.getByTestId('einvoice-adapter').click();
    await this.page.getByRole('option', { name: /^Dossier de dépôt/ }).click();
    await this.section.getByTestId('einvoice-folder').fill(folder);
    await this.section.getByTestId('einvoice-save').click();
  }

  async submitNow(): Promise<void> {
    await this.section.getByTestId('einvoice-flush').click();
  }

  async expectCounts(text: RegExp): Promise<void> {
    await expect(this.section.getByTestId('einvoice-counts')).toHaveText(text);
  }

  /** Clicks the card's UBL download and reads the zip the page hands over. */
  async downloadUbl(): Promise<{ name: string; bytes: Buffer }> {
    const downloading = this.page.waitForEvent('download');
    await this.card.getByTestId('einvoice-download').click();
    const download = await downloading;
    return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
  }
}
