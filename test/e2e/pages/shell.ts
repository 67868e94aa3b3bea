import { expect, type Locator, type Page } from '@playwright/test';

const SCREENSHOT_DIR = 'test-results/screenshots';

/** Every screen of the scenario is saved for review, full page. */
export async function screenshot(page: Page, name: string): Promise<void> {
  // Let transitions (modals, notifications) settle so the picture shows the screen as a person sees it.
  await page.waitForTimeout(350);
  // The shell's header and navbar are fixed: stretch the window to the page so they span the whole picture.
  const viewport = page.viewportSize();
  const height = await page.evaluate<number>('document.documentElement.scrollHeight');
  if (viewport && height > viewport.height) {
    await page.setViewportSize({ width: viewport.width, height });
    await page.waitForTimeout(200);
  }
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
  if (viewport && height > viewport.height) await page.setViewportSize(viewport);
}

export interface Staff {
  username: string;
  displayName: string;
  password: string;
}

/** The application frame once signed in: header (user, language, lock, account menu) and navigation. */
export class Shell {
  readonly header: Locator;
  readonly nav: Locator;
  readonly userMenu: Locator;
  readonly lockButton: Locator;
  readonly main: Locator;

  constructor(readonly page: Page) {
    this.header = page.locator('header');
    this.nav = page.getByRole('navigation');
    this.userMenu = page.getByTestId('user-menu');
    this.lockButton = page.getByTestId('lock-button');
    this.main = page.locator('main');
  }

  async open(route = '/'): Promise<void> {
    await this.page.goto(`/#${route}`);
  }

  navItem(name: string): Locator {
    return this.nav.getByText(name, { exact: true });
  }

  async navigate(name: string): Promise<void> {
    await this.nav.getByRole('link', { name, exact: true }).click();
  }

  async expectSignedIn(user: Pick<Staff, 'displayName'>): Promise<void> {
    await expect(this.userMenu).toContainText(user.displayName);
  }

  async logout(): Promise<void> {
    await this.userMenu.click();
    await this.page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
  }

  async switchLanguage(code: 'FR' | 'EN'): Promise<void> {
    await this.header.getByText(code, { exact: true }).click();
  }

  /**
   * Sees the notification, then closes it as a person would: a toast stays while the pointer rests on it, and at the
   * bottom right it can cover the next form's save button (Playwright's pointer would then hold it open for ever).
   */
  async expectNotification(text: string | RegExp): Promise<void> {
    await expect(this.page.getByRole('alert').filter({ hasText: text }).first()).toBeVisible();
    const toast = this.page.locator('.mantine-Notifications-notification').filter({ hasText: text });
    for (const close of await toast.locator('.mantine-Notification-closeButton').all()) {
      await close.click().catch(() => undefined); // it may have closed by itself meanwhile
    }
    await expect(toast).toHaveCount(0);
  }
}

/** A field's label, exactly, whether or not it carries the required-field asterisk. */
export function label(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s*\\*)?$`);
}
