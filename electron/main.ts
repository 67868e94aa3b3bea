// Composition root of the desktop app: lifecycle, the core, the app:// protocol, the IPC transport and the one window.
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import type { ApiResult } from '../shared/api';
import { launchConfig } from './config';
import { AppHost } from './modules/backup/host';
import { startAutomation } from './modules/automation/scheduler';
import { DatabaseTooNewError } from './db/data-source';
import { selectSqliteBinding, sqliteAddonProblem, useSqliteBinding } from './db/sqlite-binding';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { electronPrinter } from './shell/printer';
import { chromiumProfileDir } from './shell/profile';
import { closeWithin, QUIT_DEADLINE_MS } from './shell/quit';
import { ipcChannel, registerIpcTransport } from './transport/ipc';
import {
  createMainWindow,
  denyAllPermissions,
  hardenWebContents,
  installAppMenu,
  isAppWindowContents,
  loadMainWindow,
  watchRenderer,
} from './window';

const APP_ID = 'ma.guichet.app';
const CANNOT_START = 'Guichet ne peut pas démarrer';

function openFailureMessage(error: unknown, dataDir: string | null): string {
  if (error instanceof DatabaseTooNewError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  const where = dataDir ? ` dans le dossier :\n${dataDir}` : '';
  return (
    `Guichet n'a pas pu ouvrir sa base de données${where}\n\n` +
    `Vérifiez que le dossier existe, qu'il est accessible en écriture et qu'aucune autre copie de Guichet ne l'utilise.\n\n` +
    `Détail : ${detail}`
  );
}

/** A damaged database does not end here: the host opens on the recovery screen. Only what cannot run at all does. */
async function startHostOrExplain(dataDir: string): Promise<AppHost | null> {
  try {
    return await AppHost.start({ dataDir, schedule: true, printer: electronPrinter });
  } catch (error) {
    console.error(error);
    dialog.showErrorBox(CANNOT_START, openFailureMessage(error, dataDir));
    return null;
  }
}

const state: { host: AppHost | null; quitting: boolean; relaunch: boolean } = {
  host: null,
  quitting: false,
  relaunch: false,
};

/**
 * Closes the host (once it has opened, if the quit comes while it opens) before quitting, within a deadline: a quit
 * never leaves a windowless process for minutes.
 */
function closeHostBeforeQuit(opening: Promise<AppHost | null>): void {
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    if (state.quitting) return;
    state.quitting = true;
    void closeWithin(async () => (await opening)?.close(), QUIT_DEADLINE_MS).then((outcome) => {
      if (outcome === 'deadline') console.error(`Quit deadline (${QUIT_DEADLINE_MS} ms) passed; exiting.`);
      closed = true;
      // Launched again while closing: the new instance had to give way, this one starts it once it is gone.
      if (state.relaunch) app.relaunch();
      if (outcome === 'deadline') app.exit(0);
      else app.quit();
    });
  });
}

const FAILED_START: ApiResult<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: "Guichet n'a pas pu ouvrir sa base de données." },
};

function openWindow(): BrowserWindow {
  const win = createMainWindow({ preload: path.join(__dirname, 'preload.cjs'), devTools: !app.isPackaged });
  const channel = ipcChannel(win.webContents);
  win.webContents.once('destroyed', () => state.host?.closeChannel(channel));
  watchRenderer(win, () => loadMainWindow(win));
  void loadMainWindow(win).catch((error: unknown) => console.error('Loading the window failed', error));
  return win;
}

async function start(): Promise<void> {
  await app.whenReady();
  const addonProblem = sqliteAddonProblem();
  if (addonProblem) {
    dialog.showErrorBox(CANNOT_START, addonProblem);
    app.exit(1);
    return;
  }
  let dataDir: string;
  try {
    dataDir = launchConfig(process.argv, process.env).dataDir;
  } catch (error) {
    dialog.showErrorBox(CANNOT_START, openFailureMessage(error, null));
    app.exit(1);
    return;
  }
  handleAppProtocol(protocol, path.join(__dirname, '..', 'renderer'));
  denyAllPermissions(session.defaultSession);
  installAppMenu(process.platform, !app.isPackaged);

  // The window shows at once (the page's own loading state) while the database is opened, checked, backed up and
  // migrated behind it: its calls wait for the host.
  const opening = startHostOrExplain(dataDir);
  closeHostBeforeQuit(opening);
  registerIpcTransport(
    ipcMain,
    { dispatch: async (channel, name, input) => (await opening)?.dispatch(channel, name, input) ?? FAILED_START },
    isAppWindowContents,
  );
  openWindow();
  const host = await opening;
  if (!host) {
    app.exit(1);
    return;
  }
  state.host = host;
  // The billing run at start-up and each new day, and the e-mail outbox, in the background (again on a restored base).
  host.attach((core) => startAutomation(core));
}

/** A second launch always shows a window: this one's, a new one if it had none, or a new app once this one is gone. */
function showOnSecondLaunch(): void {
  if (state.quitting) {
    state.relaunch = true;
    return;
  }
  const win = BrowserWindow.getAllWindows()[0];
  if (!win) {
    if (app.isReady() && state.host) openWindow();
    return;
  }
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme(protocol);
  app.setAppUserModelId(APP_ID);
  try {
    const { dataDir } = launchConfig(process.argv, process.env);
    app.setPath('userData', chromiumProfileDir(process.platform, process.env, os.homedir(), dataDir));
  } catch {
    // A bad --port or the like: start() says so once the dialogs can show.
  }
  useSqliteBinding(selectSqliteBinding({ versions: process.versions, env: process.env, packaged: app.isPackaged }));
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('second-instance', showOnSecondLaunch);
  start().catch((error: unknown) => {
    console.error(error);
    dialog.showErrorBox('Guichet', `Erreur au démarrage : ${error instanceof Error ? error.message : String(error)}`);
    app.exit(1);
  });
}
