import { expect, type Locator, type Page } from '@playwright/test';
import { label, type Staff } from './shell';

export class StaffPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly createButton: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Personnel', level: 2 });
    this.table = page.getByTestId('staff-table');
    this.createButton = page.getByRole('button', { name: 'Nouveau membre' });
    this.dialog = page.getByRole('dialog');
  }

  async open(): Promise<void> {
    await this.page.goto('/#/staff');
    await expect(this.heading).toBeVisible();
  }

  row(username: string): Locator {
    return this.page.getByTestId(`staff-row-${username}`);
  }

  async chooseRole(role: string): Promise<void> {
    await this.dialog.getByLabel(label('Rôle')).click();
    await this.page.getByRole('option', { name: role, exact: true }).click();
  }

  async create(member: Staff, role: string): Promise<void> {
    await this.createButton.click();
    await expect(this.dialog).toBeVisible();
    await this.dialog.getByLabel(label('Identifiant')).fill(member.username);
    await this.dialog.getByLabel(label('Nom affiché')).fill(member.displayName);
    await this.chooseRole(role);
    await this.dialog.getByLabel(label('Mot de passe initial')).fill(member.password);
    await this.dialog.getByLabel(label('Confirmation')).fill(member.password);
  }

  async submitDialog(name: string): Promise<void> {
    await this.dialog.getByRole('button', { name, exact: true }).click();
    await expect(this.dialog).toBeHidden();
  }

  async edit(username: string): Promise<void> {
    await this.row(username)
      .getByRole('button', { name: /^Actions/ })
      .click();
    await this.page.getByRole('menuitem', { name: 'Modifier' }).click();
    await expect(this.dialog).toBeVisible();
  }

  async unlock(username: string): Promise<void> {
    await this.row(username).getByRole('button', { name: 'Déverrouiller' }).click();
  }
}
