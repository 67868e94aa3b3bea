import { expect, type Locator, type Page } from '@playwright/test';

/** Administration › Sauvegardes (#/backups). */
export class BackupsPage {
  readonly heading: Locator;
  readonly backupNow: Locator;
  readonly rows: Locator;
  readonly lastGood: Locator;
  readonly dialog: Locator;
  readonly confirmation: Locator;
  readonly restoreButton: Locator;
  readonly contents: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Sauvegardes', level: 2 });
    this.backupNow = page.getByTestId('backup-now');
    this.rows = page.getByTestId('backup-table').getByTestId('backup-row');
    this.lastGood = page.getByTestId('backup-last-good');
    this.dialog = page.getByRole('dialog');
    this.confirmation = this.dialog.getByTestId('restore-confirmation');
    this.restoreButton = this.dialog.getByTestId('restore-submit');
    this.contents = this.dialog.getByTestId('restore-contents');
  }

  row(file: string): Locator {
    return this.rows.filter({ hasText: file });
  }

  /** Clicks "Sauvegarder maintenant" and returns the file name of the new manual backup (the newest row). */
  async backUpNow(): Promise<string> {
    const before = await this.rows.filter({ has: this.page.locator('[data-kind="manual"]') }).count();
    await this.backupNow.click();
    await expect(this.page.getByRole('alert').filter({ hasText: 'Sauvegarde faite et vérifiée' })).toBeVisible();
    const manual = this.page.locator('[data-testid="backup-row"][data-kind="manual"]');
    await expect(manual).toHaveCount(before + 1);
    return this.fileOf(manual.first());
  }

  async fileOf(row: Locator): Promise<string> {
    return ((await row.locator('.mono').first().textContent()) ?? '').trim();
  }

  /** Opens the restore dialog of a backup and waits for its check. */
  async openRestore(file: string): Promise<void> {
    await this.row(file).getByTestId('backup-restore').click();
    await expect(this.contents).toBeVisible();
  }

  count(what: 'clients' | 'proformas' | 'invoices' | 'creditNotes' | 'payments'): Locator {
    return this.dialog.getByTestId(`restore-count-${what}`);
  }

  /** Types the confirmation word and restores: the app goes back to the login screen. */
  async confirmRestore(): Promise<void> {
    await expect(this.restoreButton).toBeDisabled();
    await this.confirmation.fill('RESTAURER');
    await this.confirmation.press('Enter');
  }
}
