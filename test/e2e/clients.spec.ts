import { expect, test } from '@playwright/test';
import { openOfficeAsAdmin } from './office';
import { ClientForm, ClientPage, ClientsListPage, downloaded, ImportWizard, SearchPalette } from './pages/clients';
import { screenshot } from './pages/shell';

// One office, one database shared with the other spec files: each test builds on the previous one.
test.describe.configure({ mode: 'serial' });

const HELENE = 'Hélène Skalli';
const ETOILE = 'Étoile Numérique SARL';
const ETOILE_ICE = '001525874000062';
const IMPORTED_ARABIC = 'يوسف الزرهوني';
const INVALID_PHONE = 'Numéro de téléphone invalide (ex. 0661 23 45 67 ou +212 661 23 45 67).';

/** An export from another billing system: French titles, semicolons, a BOM. Line 4 (the company) is wrong. */
const CSV_HEADER = 'Type;Prénom;Nom;Société;Forme juridique;Téléphone;E-mail;Ville;ICE';
const CSV_INDIVIDUALS = [
  'Particulier;Sanaa;Zerhouni;;;0612 34 56 78;sanaa.zerhouni@example.ma;Fès;',
  'Particulier;يوسف;الزرهوني;;;+212 670 11 22 33;;Tanger;',
];
const BAD_CSV = `\ufeff${[CSV_HEADER, ...CSV_INDIVIDUALS, 'Entreprise;;;Riad Média;SARL;0537 12;contact@riadmedia.ma;Rabat;00223344500001X'].join('\r\n')}\r\n`;
const GOOD_CSV = `\ufeff${[CSV_HEADER, ...CSV_INDIVIDUALS, 'Entreprise;;;Riad Média;SARL;0537 12 12 12;contact@riadmedia.ma;Rabat;002233445000017'].join('\r\n')}\r\n`;
/** The mapping the wizard suggests for these titles, as the contract takes it. */
const CSV_MAPPING = {
  kind: 0,
  firstName: 1,
  lastName: 2,
  companyName: 3,
  legalForm: 4,
  phone: 5,
  email: 6,
  city: 7,
  ice: 8,
};

let consoleErrors: string[] = [];
test.beforeEach(({ page }) => {
  consoleErrors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
});
test.afterEach(() => {
  expect(consoleErrors).toEqual([]);
});

test('an empty office: the list shows the first steps, and the administrator loads the demo office', async ({
  page,
}) => {
  const shell = await openOfficeAsAdmin(page);
  await shell.navigate('Clients');
  const list = new ClientsListPage(page);
  await expect(list.heading).toBeVisible();
  await expect(list.empty).toContainText('Aucun client pour l’instant');
  await expect(list.exportButton).toBeDisabled();
  await screenshot(page, 'clients-empty');

  await list.demoButton.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Les fiches ne peuvent pas être supprimées ensuite');
  await dialog.getByRole('button', { name: 'Charger les clients fictifs' }).click();
  await shell.expectNotification(/^\d+ clients de démonstration chargés\.$/);
  await expect(list.rows).toHaveCount(50);
  expect(await list.count()).toBeGreaterThanOrEqual(200);
  await expect(list.demoButton).toHaveCount(0);
  await expect(shell.nav.getByRole('link', { name: 'Clients' })).toHaveAttribute('data-active', 'true');
  await screenshot(page, 'clients-list');

  await page.getByRole('button', { name: '2', exact: true }).click();
  await expect(list.total).toHaveText(/^51–100 sur \d+$/);
  await page.getByTestId('client-status-filter').getByText('Suspendus').click();
  await expect(page.getByText('Aucun client avec ce statut.')).toBeVisible();
});

test('a new individual: an invalid phone and e-mail are refused in French, then corrected', async ({ page }) => {
  const shell = await openOfficeAsAdmin(page);
  const list = new ClientsListPage(page);
  await list.open();
  await list.newButton.click();
  const form = new ClientForm(page);
  await expect(page.getByRole('heading', { name: 'Nouveau client' })).toBeVisible();

  await form.fill({ Prénom: 'Hélène', Nom: 'Skalli' });
  await form.phone(1).fill('0661 23 45 6');
  await form.email(1).fill('helene.skalli@gmail.com');
  await form.addEmail();
  await expect(form.email(2)).toBeFocused();
  await form.email(2).fill('h.skalli@');
  await form.fill({ Ville: 'Rabat', CIN: 'BE123456' });
  await form.save();

  await expect(form.error).toHaveText('Rien n’a été enregistré : corrigez les champs signalés.');
  await expect(form.errorOf(form.phone(1))).toHaveText(INVALID_PHONE);
  await expect(form.errorOf(form.email(2))).toHaveText('Adresse e-mail invalide.');
  await expect(form.errorOf(form.email(1))).toHaveCount(0);
  await expect(form.phone(1)).toBeFocused();
  await screenshot(page, 'client-form-errors');

  await form.phone(1).fill('0661 23 45 67');
  await form.email(2).fill('h.skalli@example.ma');
  await expect(form.errorOf(form.phone(1))).toHaveCount(0);
  await form.save();
  const client = new ClientPage(page);
  const code = await client.expectOpen(HELENE);
  expect(code).toMatch(/^CL-\d{6}$/);
  await shell.expectNotification(`Client ${code} créé.`);
  await expect(page.getByTestId('client-contacts')).toContainText('0661 23 45 67');
  await expect(page.getByTestId('client-contacts')).toContainText('+212661234567');
  await expect(page.getByTestId('client-identity')).toContainText('BE123456');
});

test('a new company: the ICE is required and checked, a shared phone warns of a duplicate, saving stays possible', async ({
  page,
}) => {
  const shell = await openOfficeAsAdmin(page);
  await shell.open('/clients/new');
  const form = new ClientForm(page);
  await form.kind('Entreprise');
  await expect(form.field('Prénom')).toHaveCount(0);
  await form.fill({ 'Raison sociale': 'Étoile Numérique', 'Personne à contacter': 'سكينة الورديغي' });
  await form.choose('Forme juridique', 'SARL');
  await form.phone(1).fill('0522 45 67 89');
  await form.addPhone();
  // Hélène's mobile, typed another way.
  await form.phone(2).fill('+212 6 61 23 45 67');
  await expect(form.duplicates).toContainText(HELENE);
  await expect(form.duplicates).toContainText('même téléphone');
  await form.email(1).fill('contact@etoile-numerique.ma');
  await form.fill({ Adresse: '27, boulevard Zerktouni', Ville: 'Casablanca' });
  await screenshot(page, 'client-duplicate-warning');

  await form.save();
  await expect(form.errorOf(form.field('ICE'))).toHaveText(
    "L'ICE est obligatoire pour une entreprise facturée au Maroc.",
  );
  await form.field('ICE').fill('00152587400006');
  await form.save();
  await expect(form.errorOf(form.field('ICE'))).toHaveText("L'ICE doit comporter 15 chiffres (ici 14).");
  await form.fill({ ICE: ETOILE_ICE, 'Identifiant fiscal (IF)': '40123456', 'Registre de commerce (RC)': '512345' });
  await form.save();

  const client = new ClientPage(page);
  const code = await client.expectOpen(ETOILE);
  await shell.expectNotification(`Client ${code} créé.`);
  await expect(page.getByTestId('client-identity')).toContainText('سكينة الورديغي');
  await expect(page.getByTestId('client-identity')).toContainText(ETOILE_ICE);
  await expect(page.getByTestId('services-empty')).toContainText('Aucun service pour ce client');
  await screenshot(page, 'client-page');
});

test('Ctrl+K finds clients without accents, in Arabic, by phone in another format, by ICE and by code', async ({
  page,
}) => {
  const shell = await openOfficeAsAdmin(page);
  await shell.open('/clients');
  const palette = new SearchPalette(page);
  const client = new ClientPage(page);

  await palette.search('helene skalli');
  await expect(palette.hits.first()).toContainText(HELENE);
  await page.keyboard.press('Enter');
  const heleneCode = await client.expectOpen(HELENE);
  await expect(palette.root).toBeHidden();

  await palette.search('etoile numerique');
  await expect(palette.hits.first()).toContainText(ETOILE);
  await expect(palette.hits.first()).toContainText(`ICE ${ETOILE_ICE}`);
  await expect(palette.hits.first()).toContainText('Actif');

  await palette.search('الورديغي');
  await expect(palette.hit(ETOILE)).toHaveCount(1);

  await palette.search('+212 5 22 45 67 89');
  expect(await palette.names()).toEqual([ETOILE]);

  await palette.search(ETOILE_ICE);
  expect(await palette.names()).toEqual([ETOILE]);

  await palette.search(heleneCode.toLowerCase());
  expect(await palette.names()).toEqual([HELENE]);

  // Hélène's mobile, written the national way, is on both records: ↓ then Enter opens the second one.
  await palette.search('06 61 23 45 67');
  const names = await palette.names();
  expect([...names].sort()).toEqual([ETOILE, HELENE].sort());
  await expect(palette.hits.nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(palette.hits.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await client.expectOpen(names[1] ?? '');

  await palette.search('zzzzqx');
  await expect(palette.empty).toHaveText('Aucun client ne correspond à « zzzzqx ».');
  await page.keyboard.press('Escape');
  await expect(palette.root).toBeHidden();

  // The header's search box opens the same palette; one or two Arabic letters are enough.
  await page.getByTestId('client-search-trigger').click();
  await expect(palette.input).toBeFocused();
  await palette.search('ال');
  const arabic = palette.hits.getByTestId('client-hit-name').filter({ hasText: /[\u0600-\u06ff]/ });
  await expect(arabic.first()).toBeVisible();
  await expect(arabic.first()).toHaveAttribute('dir', 'auto');
  await screenshot(page, 'client-search-arabic');
});

test('an edit appears in the history field by field; a manager changes the status and exports the data', async ({
  page,
}) => {
  const shell = await openOfficeAsAdmin(page);
  const palette = new SearchPalette(page);
  const client = new ClientPage(page);
  await palette.search('helene skalli');
  await page.keyboard.press('Enter');
  const code = await client.expectOpen(HELENE);

  const form = await client.edit();
  await expect(page.getByRole('heading', { name: `Modifier la fiche ${code}` })).toBeVisible();
  await expect(form.field('Ville')).toHaveValue('Rabat');
  await form.field('Ville').fill('Casablanca');
  await form.addPhone();
  await form.phone(2).fill('0700 11 22 33');
  await form.save();
  await client.expectOpen(HELENE);
  await shell.expectNotification(`Fiche ${code} enregistrée.`);

  await client.tab('Historique');
  await expect(client.historyEntries).toHaveCount(2);
  const latest = client.historyEntries.first();
  await expect(latest).toContainText('Modification');
  await expect(latest).toContainText(`par nadia`);
  await expect(latest.getByTestId('history-line').filter({ hasText: 'Ville' })).toHaveText(
    'Ville : Rabat → Casablanca',
  );
  await expect(latest.getByTestId('history-line').filter({ hasText: 'Téléphones' })).toHaveText(
    'Téléphones : 0661 23 45 67 → 0661 23 45 67, 0700 11 22 33',
  );
  await expect(client.historyEntries.last()).toContainText('Création');
  await expect(client.historyEntries.last()).toContainText('Prénom : Hélène');
  await screenshot(page, 'client-history');

  await page.getByRole('button', { name: 'Autres actions' }).click();
  await page.getByRole('menuitem', { name: 'Changer le statut' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel(/^Nouveau statut/)).toHaveValue('Suspendu');
  await dialog.getByLabel(/^Motif/).fill('Demande du client par téléphone');
  await dialog.getByRole('button', { name: 'Changer le statut' }).click();
  await shell.expectNotification(`Statut de ${code} : Suspendu.`);
  await expect(client.status).toHaveText('Suspendu');
  await expect(client.historyEntries.first()).toContainText('Changement de statut');
  await expect(client.historyEntries.first()).toContainText('Statut : Actif → Suspendu');
  await expect(client.historyEntries.first()).toContainText('Motif : Demande du client par téléphone');

  await page.getByRole('button', { name: 'Autres actions' }).click();
  await page.getByRole('menuitem', { name: 'Exporter les données' }).click();
  const exported = page.getByTestId('export-data');
  await expect(exported).toContainText('inscrit au journal d’audit');
  const [jsonDownload] = await Promise.all([
    page.waitForEvent('download'),
    exported.getByTestId('download-json').click(),
  ]);
  const json = await downloaded(jsonDownload);
  expect(json.name).toMatch(new RegExp(`^donnees-${code}-\\d{4}-\\d{2}-\\d{2}-\\d{4}\\.json$`));
  const data = JSON.parse(json.text) as { client: { lastName: string; city: string } };
  expect(data.client).toMatchObject({ lastName: 'Skalli', city: 'Casablanca' });
  const [pdfDownload] = await Promise.all([
    page.waitForEvent('download'),
    exported.getByTestId('download-pdf').click(),
  ]);
  const pdf = await downloaded(pdfDownload);
  expect(pdf.name).toBe(json.name.replace(/\.json$/, '.pdf'));
  expect(pdf.text.startsWith('%PDF-')).toBe(true);
  await page.keyboard.press('Escape');
  await expect(client.historyEntries.first()).toContainText('Export des données : JSON, PDF');
});

test('the administrator anonymises a client after a confirmation', async ({ page }) => {
  const shell = await openOfficeAsAdmin(page);
  const list = new ClientsListPage(page);
  await list.open();
  await list.rows.last().click();
  const client = new ClientPage(page);
  await expect(client.code).toBeVisible();
  const code = (await client.code.textContent()) ?? '';

  await page.getByRole('button', { name: 'Autres actions' }).click();
  await page.getByRole('menuitem', { name: 'Anonymiser' }).click();
  const dialog = page.getByRole('dialog');
  const submit = dialog.getByRole('button', { name: 'Anonymiser définitivement' });
  await dialog.getByLabel(/^Motif/).fill('Demande d’effacement du client');
  await expect(submit).toBeDisabled();
  await dialog.getByLabel('Je confirme l’effacement définitif des données personnelles de ce client.').check();
  await submit.click();
  await shell.expectNotification(`Client ${code} anonymisé.`);
  await expect(page.getByTestId('client-anonymized')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Modifier' })).toHaveCount(0);
});

test('a CSV import with a bad row is refused whole, the report shows the row; the corrected file is imported', async ({
  page,
}) => {
  const shell = await openOfficeAsAdmin(page);
  const list = new ClientsListPage(page);
  await list.open();
  const before = await list.count();

  await list.importButton.click();
  const wizard = new ImportWizard(page);
  await expect(wizard.heading).toBeVisible();
  await wizard.chooseFile('export-ancien-logiciel.csv', BAD_CSV);
  await expect(page.getByTestId('import-file')).toContainText(
    'export-ancien-logiciel.csv · 3 lignes de client · 9 colonnes',
  );
  await expect(wizard.columnFor('Téléphone(s)')).toHaveValue('Téléphone');
  await expect(wizard.columnFor('Raison sociale')).toHaveValue('Société');
  await expect(wizard.columnFor('E-mail(s)')).toHaveValue('E-mail');
  await expect(wizard.columnFor('Notes')).toHaveValue('— Ignorer —');
  await screenshot(page, 'client-import-mapping');

  await wizard.check();
  await expect(wizard.valid).toHaveText('2 lignes valides');
  await expect(wizard.invalid).toHaveText('1 ligne en erreur');
  const badRow = wizard.errorLine(4);
  await expect(badRow).toContainText('Riad Média SARL');
  await expect(badRow).toContainText(`Téléphone 1 : ${INVALID_PHONE}`);
  await expect(badRow).toContainText("ICE : L'ICE ne doit contenir que des chiffres.");
  await expect(wizard.errors.locator('tbody tr')).toHaveCount(1);
  await expect(wizard.blocked).toBeVisible();
  await expect(wizard.commitButton).toBeDisabled();
  await screenshot(page, 'client-import-errors');

  // The main process refuses the same file too, whole: nothing is written.
  const refusal = await page.evaluate(
    async ({ csv, mapping }) => {
      const response = await fetch('./api/clients.importCommit', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ csv, mapping }),
      });
      return ((await response.json()) as { error?: { message: string } }).error?.message;
    },
    { csv: BAD_CSV, mapping: CSV_MAPPING },
  );
  expect(refusal).toBe("1 ligne invalide (4) : rien n'a été importé.");
  await shell.navigate('Clients');
  await expect(list.total).toHaveText(new RegExp(`sur ${before}$`));

  await list.importButton.click();
  await wizard.chooseFile('export-corrige.csv', GOOD_CSV);
  await wizard.check();
  await expect(wizard.valid).toHaveText('3 lignes valides');
  await expect(page.getByTestId('import-all-valid')).toBeVisible();
  await expect(wizard.commitButton).toHaveText('Importer 3 clients');
  await wizard.commitButton.click();
  await expect(wizard.done).toHaveText('3 clients importés.');

  await page.getByRole('link', { name: 'Voir la liste des clients' }).click();
  await expect(list.total).toHaveText(new RegExp(`sur ${before + 3}$`));
  const palette = new SearchPalette(page);
  await palette.search('الزرهوني');
  await expect(palette.hit(IMPORTED_ARABIC)).toHaveCount(1);
  await palette.hit(IMPORTED_ARABIC).click();
  const client = new ClientPage(page);
  await client.expectOpen(IMPORTED_ARABIC);
  await client.tab('Historique');
  await expect(client.historyEntries.first()).toContainText('Importé depuis la ligne 3 du fichier');
});

test('the client list is exported as CSV for a spreadsheet', async ({ page }) => {
  const shell = await openOfficeAsAdmin(page);
  const list = new ClientsListPage(page);
  await list.open();
  const count = await list.count();
  const [download] = await Promise.all([page.waitForEvent('download'), list.exportButton.click()]);
  const csv = await downloaded(download);
  expect(csv.name).toMatch(/^clients-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/);
  await shell.expectNotification(`Liste exportée : ${csv.name}`);
  expect(csv.text.startsWith('\ufeffCode;Type;Prénom;Nom;Raison sociale;')).toBe(true);
  const lines = csv.text.trimEnd().split('\r\n');
  expect(lines).toHaveLength(count + 1);
  expect(lines.find((line) => line.includes('Skalli'))).toContain(';Hélène;Skalli;');
  expect(lines.find((line) => line.includes('Étoile Numérique'))).toContain(ETOILE_ICE);
  expect(csv.text).toContain('الزرهوني');
});

test('the client screens speak English too', async ({ page }) => {
  const shell = await openOfficeAsAdmin(page);
  await shell.switchLanguage('EN');
  await shell.navigate('Clients');
  await expect(page.getByRole('link', { name: 'New client' }).first()).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Phone' })).toBeVisible();

  const palette = new SearchPalette(page);
  await palette.open();
  await expect(palette.input).toHaveAttribute('placeholder', 'Name, phone, e-mail, ICE, ID number or client code');
  await palette.search('etoile');
  await expect(palette.hits.first()).toContainText('Active');
  await page.keyboard.press('Enter');
  const client = new ClientPage(page);
  await client.expectOpen(ETOILE);
  await expect(page.getByTestId('client-identity')).toContainText('Company name');
  await client.tab('History');
  await expect(client.historyEntries.last()).toContainText('Creation');
  await expect(client.historyEntries.last()).toContainText('Contact person: سكينة الورديغي');
  await screenshot(page, 'client-page-en');
  await shell.switchLanguage('FR');
  await expect(page.getByRole('tab', { name: 'Historique' })).toBeVisible();
});
