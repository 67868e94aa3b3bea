import { expect, type Locator, type Page } from '@playwright/test';
import { label } from './shell';

/** A calendar date in Casablanca, `days` from today, as ISO (YYYY-MM-DD). */
export function casablancaDate(days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Casablanca' }).format(new Date());
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The same day `years` earlier or later (never a 29 February: callers pick their days). */
export function shiftYears(iso: string, years: number): string {
  return `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;
}

/** "2026-11-26" → "26/11/2026", as typed at the counter. */
export function typed(iso: string): string {
  return iso.split('-').reverse().join('/');
}

/** The client page's "Services" tab: the table, its row actions and the dialogs they open. */
export class ClientServicesTab {
  readonly table: Locator;
  readonly rows: Locator;
  readonly addButton: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('client-services');
    this.rows = this.table.getByTestId('service-row');
    this.addButton = page.getByTestId('service-add').first();
    this.dialog = page.getByRole('dialog');
  }

  row(serviceLabel: string): Locator {
    return this.rows.filter({ has: this.page.getByTestId('service-label').getByText(serviceLabel, { exact: true }) });
  }

  field(name: string): Locator {
    return this.dialog.getByLabel(label(name), { exact: true });
  }

  async choose(fieldName: string, option: string | RegExp): Promise<void> {
    await this.field(fieldName).click();
    await this.page.getByRole('option', { name: option }).click();
  }

  /** Opens a row's menu and picks an action. */
  async action(serviceLabel: string, name: string): Promise<void> {
    await this.row(serviceLabel).getByTestId('service-menu').click();
    await this.page.getByRole('menuitem', { name }).click();
    await expect(this.dialog).toBeVisible();
  }

  async submit(): Promise<void> {
    await this.dialog.getByTestId('service-dialog-submit').click();
    await expect(this.dialog).toBeHidden();
  }
}

/** #/services */
export class ServicesListPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Services', level: 2 });
    this.table = page.getByTestId('services-table');
    this.rows = this.table.getByTestId('service-row');
  }

  async open(): Promise<void> {
    await this.page.goto('/#/services');
    await expect(this.heading).toBeVisible();
  }

  row(serviceLabel: string): Locator {
    return this.rows.filter({ has: this.page.getByTestId('service-label').getByText(serviceLabel, { exact: true }) });
  }
}
