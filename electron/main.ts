// Composition root of the desktop app: lifecycle, the core, the app:// protocol, the IPC transport and the one window.
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { launchConfig } from './config';
import { AppHost } from './modules/backup/host';
import { startAutomation } from './modules/automation/scheduler';
import { DatabaseTooNewError } from './db/data-source';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { ipcChannel, registerIpcTransport } from './transport/ipc';
import {
  createMainWindow,
  denyAllPermissions,
  hardenWebContents,
  installAppMenu,
  isAppWindowContents,
  loadMainWindow,
} from './window';

const APP_ID = 'ma.guichet.app';

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
async function startHostOrExplain(): Promise<AppHost | null> {
  let dataDir: string | null = null;
  try {
    dataDir = launchConfig(process.argv, process.env).dataDir;
    return await AppHost.start({ dataDir, schedule: true });
  } catch (error) {
    console.error(error);
    dialog.showErrorBox('Guichet ne peut pas démarrer', openFailureMessage(error, dataDir));
    return null;
  }
}

function closeHostBeforeQuit(host: AppHost): void {
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void host
      .close()
      .catch((error: unknown) => console.error('Closing the database failed', error))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  const host = await startHostOrExplain();
  if (!host) {
    app.exit(1);
    return;
  }
  // The billing run at start-up and each new day, and the e-mail outbox, in the background (again on a restored base).
  host.attach((core) => startAutomation(core));
  closeHostBeforeQuit(host);
  handleAppProtocol(protocol, path.join(__dirname, '..', 'renderer'));
  registerIpcTransport(ipcMain, host, isAppWindowContents);
  denyAllPermissions(session.defaultSession);
  installAppMenu();

  const win = createMainWindow({ preload: path.join(__dirname, 'preload.cjs'), devTools: !app.isPackaged });
  const channel = ipcChannel(win.webContents);
  win.webContents.once('destroyed', () => host.closeChannel(channel));
  await loadMainWindow(win);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme(protocol);
  app.setAppUserModelId(APP_ID);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  start().catch((error: unknown) => {
    console.error(error);
    dialog.showErrorBox('Guichet', `Erreur au démarrage : ${error instanceof Error ? error.message : String(error)}`);
    app.exit(1);
  });
}
