import { expect, test } from '@playwright/test';
import { openOfficeAsAdmin } from './office';
import { SettingsPage } from './pages/settings';
import { screenshot } from './pages/shell';

// The desk's printers are set in the desktop app; in web mode the tab says the browser's dialog prints, and the
// payment screen keeps working without the desktop printers.
test('the printers tab explains that the browser prints in web mode', async ({ page }) => {
  await openOfficeAsAdmin(page);
  const settings = new SettingsPage(page);
  await settings.open();
  await settings.tab('Imprimantes');
  await expect(page.getByTestId('printing-web-mode')).toContainText('le navigateur imprime avec sa propre boîte');
  await expect(page.getByTestId('printing-receiptPrinter')).toBeDisabled();
  await expect(page.getByTestId('printing-receiptPrinter')).toHaveValue('Demander à chaque fois');
  await expect(page.getByTestId('printing-test-receipt')).toBeDisabled();
  await screenshot(page, 'settings-printers-web');
});
