import { expect, type Page } from '@playwright/test';
import { FirstRunPage, LoginPage } from './pages/auth';
import { label, screenshot, Shell, type Staff } from './pages/shell';

/**
 * The office every spec works in: one fresh database per run (playwright.config.ts), shared by the spec files, which
 * run in file-name order. Whichever spec comes first sets the office up through the first-run screen; the others find
 * it done and sign in.
 */
export const ADMIN: Staff = { username: 'nadia', displayName: 'Nadia Benali', password: 'Admin-2026-guichet' };
export const MANAGER: Staff = { username: 'karim', displayName: 'Karim Alaoui', password: 'Gerant-2026-guichet' };
export const CASHIER: Staff = { username: 'youssef', displayName: 'Youssef Idrissi', password: 'Caisse-2026-guichet' };

/** The first-run screen, checked as a person meets it: focus, a mismatched confirmation, a bad identifier, then done. */
async function runFirstRun(page: Page): Promise<Shell> {
  const firstRun = new FirstRunPage(page);
  await expect(page.getByLabel(label('Identifiant'))).toBeFocused();
  await screenshot(page, 'first-run');

  await firstRun.fill(ADMIN, 'not-the-same-password');
  await firstRun.submit();
  await expect(page.getByText('Les deux mots de passe ne sont pas identiques.')).toBeVisible();

  await firstRun.fill({ ...ADMIN, username: 'x' });
  await firstRun.submit();
  await expect(page.getByText(/L'identifiant doit comporter 3 à 32 caractères/)).toBeVisible();

  await firstRun.fill(ADMIN);
  await firstRun.submit();
  const shell = new Shell(page);
  await shell.expectSignedIn(ADMIN);
  return shell;
}

/** Opens the office as its administrator: sets it up on a fresh database, signs in otherwise. */
export async function openOfficeAsAdmin(page: Page): Promise<Shell> {
  const firstRun = new FirstRunPage(page);
  const login = new LoginPage(page);
  await page.goto('/');
  await expect(firstRun.heading.or(login.heading)).toBeVisible();
  if (await firstRun.heading.isVisible()) return runFirstRun(page);
  return login.login(ADMIN);
}
