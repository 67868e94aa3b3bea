import { readFile } from 'node:fs/promises';
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { label } from './shell';

/** The message Mantine shows under a field. */
export function fieldError(field: Locator): Locator {
  return field
    .locator('xpath=ancestor::div[contains(@class, "mantine-InputWrapper-root")][1]')
    .locator('.mantine-InputWrapper-error');
}

/** A file the page handed over (<a download>), with its name and text. */
export async function downloaded(download: Download): Promise<{ name: string; text: string }> {
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

/** #/clients: the paged list, its actions and the empty office's first steps. */
export class ClientsListPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly total: Locator;
  readonly empty: Locator;
  readonly newButton: Locator;
  readonly importButton: Locator;
  readonly exportButton: Locator;
  readonly demoButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Clients', level: 2 });
    this.table = page.getByTestId('clients-table');
    this.rows = this.table.getByTestId('client-row');
    this.total = page.getByTestId('clients-total');
    this.empty = page.getByTestId('clients-empty');
    this.newButton = page.getByRole('link', { name: 'Nouveau client' }).first();
    this.importButton = page.getByRole('button', { name: 'Importer', exact: true });
    this.exportButton = page.getByRole('button', { name: 'Exporter CSV' });
    this.demoButton = page.getByRole('button', { name: 'Charger le bureau de démonstration' });
  }

  async open(): Promise<void> {
    await this.page.goto('/#/clients');
    await expect(this.heading).toBeVisible();
  }

  /** The number of clients, read from "1–50 sur 303". */
  async count(): Promise<number> {
    const text = (await this.total.textContent()) ?? '';
    return Number(/sur (\d+)/.exec(text)?.[1] ?? 'NaN');
  }
}

/** The client form (#/clients/new, #/clients/:id/edit). */
export class ClientForm {
  readonly root: Locator;
  readonly saveButton: Locator;
  readonly error: Locator;
  readonly duplicates: Locator;
  readonly contactsError: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('client-form');
    this.saveButton = this.root.getByTestId('client-save');
    this.error = page.getByTestId('client-form-error');
    this.duplicates = page.getByTestId('duplicate-warning');
    this.contactsError = page.getByTestId('contacts-error');
  }

  field(name: string): Locator {
    return this.root.getByLabel(label(name), { exact: true });
  }

  phone(row: number): Locator {
    return this.root.getByRole('textbox', { name: `Téléphone ${row}`, exact: true });
  }

  email(row: number): Locator {
    return this.root.getByRole('textbox', { name: `E-mail ${row}`, exact: true });
  }

  errorOf(field: Locator): Locator {
    return fieldError(field);
  }

  async kind(name: 'Particulier' | 'Entreprise'): Promise<void> {
    await this.root.getByTestId('client-kind').getByText(name, { exact: true }).click();
  }

  async addPhone(): Promise<void> {
    await this.root.getByRole('button', { name: 'Ajouter un téléphone' }).click();
  }

  async addEmail(): Promise<void> {
    await this.root.getByRole('button', { name: 'Ajouter un e-mail' }).click();
  }

  async choose(fieldName: string, option: string): Promise<void> {
    await this.field(fieldName).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async fill(values: Record<string, string>): Promise<void> {
    for (const [name, value] of Object.entries(values)) await this.field(name).fill(value);
  }

  async save(): Promise<void> {
    await this.saveButton.click();
  }
}

/** #/clients/:id */
export class ClientPage {
  readonly name: Locator;
  readonly code: Locator;
  readonly status: Locator;
  readonly history: Locator;
  readonly historyEntries: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByTestId('client-name');
    this.code = page.getByTestId('client-code');
    this.status = page.locator('main').getByTestId('client-status').first();
    this.history = page.getByTestId('client-history');
    this.historyEntries = this.history.getByTestId('history-entry');
  }

  async expectOpen(displayName: string): Promise<string> {
    await expect(this.name).toHaveText(displayName);
    return (await this.code.textContent()) ?? '';
  }

  async tab(name: string): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  async edit(): Promise<ClientForm> {
    await this.page.getByRole('link', { name: 'Modifier' }).click();
    const form = new ClientForm(this.page);
    await expect(form.root).toBeVisible();
    return form;
  }
}

/** The search palette (Ctrl+K). */
export class SearchPalette {
  readonly root: Locator;
  readonly input: Locator;
  readonly hits: Locator;
  readonly empty: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('client-search');
    this.input = page.getByTestId('client-search-input');
    this.hits = this.root.getByTestId('client-hit');
    this.empty = page.getByTestId('client-search-empty');
  }

  async open(): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await expect(this.input).toBeFocused();
  }

  /** Opens the palette, types the query and waits for the results of exactly that query. */
  async search(query: string): Promise<void> {
    if (!(await this.input.isVisible())) await this.open();
    const answered = this.page.waitForResponse(
      (response) =>
        response.url().endsWith('/api/clients.search') &&
        (response.request().postDataJSON() as { q?: string }).q === query.trim(),
    );
    await this.input.fill(query);
    await answered;
    await expect(this.root.getByRole('listbox').or(this.empty)).toBeVisible();
  }

  hit(name: string | RegExp): Locator {
    return this.hits.filter({ has: this.page.getByTestId('client-hit-name').getByText(name, { exact: true }) });
  }

  names(): Promise<string[]> {
    return this.hits.getByTestId('client-hit-name').allTextContents();
  }
}

/** #/clients/import */
export class ImportWizard {
  readonly heading: Locator;
  readonly mapping: Locator;
  readonly valid: Locator;
  readonly invalid: Locator;
  readonly errors: Locator;
  readonly commitButton: Locator;
  readonly blocked: Locator;
  readonly done: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Importer des clients' });
    this.mapping = page.getByTestId('import-mapping');
    this.valid = page.getByTestId('import-valid');
    this.invalid = page.getByTestId('import-invalid');
    this.errors = page.getByTestId('import-errors');
    this.commitButton = page.getByTestId('import-commit');
    this.blocked = page.getByTestId('import-blocked');
    this.done = page.getByTestId('import-done');
  }

  async chooseFile(name: string, content: string): Promise<void> {
    await this.page
      .locator('input[type="file"]')
      .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
    await expect(this.mapping).toBeVisible();
  }

  columnFor(field: string): Locator {
    return this.mapping.getByLabel(field, { exact: true });
  }

  async check(): Promise<void> {
    await this.page.getByTestId('import-check').click();
    await expect(this.valid).toBeVisible();
  }

  errorLine(line: number): Locator {
    return this.page.getByTestId(`import-error-line-${line}`);
  }
}
