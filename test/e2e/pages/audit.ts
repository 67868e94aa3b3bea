import { expect, type Locator, type Page } from '@playwright/test';

export class AuditPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly actionFilter: Locator;
  readonly total: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: "Journal d'audit" });
    this.table = page.getByTestId('audit-table');
    this.rows = this.table.locator('tbody tr');
    this.actionFilter = page.getByRole('combobox', { name: 'Action', exact: true });
    this.total = page.getByTestId('audit-total');
  }

  async open(): Promise<void> {
    await this.page.goto('/#/audit');
    await expect(this.heading).toBeVisible();
  }

  async filterUser(name: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Utilisateur', exact: true }).click();
    await this.page.getByRole('option', { name, exact: true }).click();
  }
}
