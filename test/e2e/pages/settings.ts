import { expect, type Locator, type Page } from '@playwright/test';
import { label } from './shell';

export type SettingsTab =
  'Identité' | 'Mentions légales' | 'Banque & paiements' | 'Documents' | 'Droit de timbre' | 'Sécurité' | 'Imprimantes';

/** Company settings: one form in tabs, saved at once; security has its own save. */
export class SettingsPage {
  readonly heading: Locator;
  readonly saveButton: Locator;
  readonly warnings: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Paramètres de la société' });
    this.saveButton = page.getByTestId('save-company');
    this.warnings = page.getByTestId('settings-warnings');
  }

  async open(): Promise<void> {
    await this.page.goto('/#/settings');
    await expect(this.heading).toBeVisible();
  }

  async tab(name: SettingsTab): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  field(name: string): Locator {
    return this.page.getByRole('tabpanel').getByLabel(label(name));
  }

  async fill(values: Partial<Record<SettingsTab, Record<string, string>>>): Promise<void> {
    for (const [tab, fields] of Object.entries(values) as [SettingsTab, Record<string, string>][]) {
      await this.tab(tab);
      for (const [name, value] of Object.entries(fields)) await this.field(name).fill(value);
    }
  }

  /** The message shown under a field (Mantine links it through aria-describedby / the field's error element). */
  fieldError(name: string): Locator {
    return this.page
      .getByRole('tabpanel')
      .locator('.mantine-InputWrapper-root', { has: this.page.getByLabel(label(name)) })
      .locator('.mantine-InputWrapper-error');
  }

  async save(): Promise<void> {
    await this.saveButton.click();
  }
}
