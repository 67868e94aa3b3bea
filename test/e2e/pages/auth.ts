import { expect, type Locator, type Page } from '@playwright/test';
import { label, Shell, type Staff } from './shell';

export class FirstRunPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Bienvenue dans Guichet' });
  }

  async fill(admin: Staff, confirm = admin.password): Promise<void> {
    await this.page.getByLabel(label('Identifiant')).fill(admin.username);
    await this.page.getByLabel(label('Nom affiché')).fill(admin.displayName);
    await this.page.getByLabel(label('Mot de passe')).fill(admin.password);
    await this.page.getByLabel(label('Confirmation du mot de passe')).fill(confirm);
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Créer le compte administrateur' }).click();
  }
}

export class LoginPage {
  readonly heading: Locator;
  readonly username: Locator;
  readonly password: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Connexion' });
    this.username = page.getByLabel(label('Identifiant'));
    this.password = page.getByLabel(label('Mot de passe'));
    this.error = page.getByTestId('login-error');
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.heading).toBeVisible();
  }

  /** Types the credentials and presses Enter, as people do at the counter. */
  async attempt(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.password.press('Enter');
  }

  async login(user: Staff): Promise<Shell> {
    await this.open();
    await this.attempt(user.username, user.password);
    const shell = new Shell(this.page);
    await shell.expectSignedIn(user);
    return shell;
  }
}

export class LockScreen {
  readonly root: Locator;
  readonly password: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('lock-screen');
    this.password = this.root.getByLabel(label('Mot de passe'));
  }

  async unlock(password: string): Promise<void> {
    await this.password.fill(password);
    await this.root.getByRole('button', { name: 'Déverrouiller' }).click();
  }
}
