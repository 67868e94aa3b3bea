import { BrowserWindow, dialog, Menu, type Session, type WebContents, type WebPreferences } from 'electron';
import { APP_ENTRY_URL, isAppUrl } from './protocol';

/** The renderer gets no Node, no Electron, and only what the preload exposes through the context bridge. */
export function webPreferences(preload: string, devTools = false): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    // Chromium's built-in PDF viewer, for the preview of proformas and invoices (no other plugin exists any more).
    plugins: true,
    devTools,
  };
}

/**
 * Guards for every webContents (the app also applies them on 'web-contents-created'): no navigation away from
 * app://guichet/, no new windows, no <webview>.
 */
export function hardenWebContents(contents: WebContents): void {
  const denyForeign = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', denyForeign);
  contents.on('will-redirect', denyForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Camera, microphone, notifications, geolocation, clipboard reads…: the back office needs none of them. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * Only macOS needs a menu (for copy and paste shortcuts); elsewhere none, which also drops reload and devtools keys.
 * `development` (not packaged: `npm start`) adds a Développement menu with reload and the DevTools.
 */
export function installAppMenu(platform: NodeJS.Platform = process.platform, development = false): void {
  const template: Electron.MenuItemConstructorOptions[] =
    platform === 'darwin' ? [{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }] : [];
  if (development) {
    template.push({
      label: 'Développement',
      submenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }],
    });
  }
  Menu.setApplicationMenu(template.length > 0 ? Menu.buildFromTemplate(template) : null);
}

/** Reloads after this many crashes in a row without asking; then asks (a page that crashes at once would loop). */
const SILENT_RELOADS = 2;

/**
 * A crashed or hung page never leaves a blank window: a crash reloads the app (its data is in the main process), a
 * hang asks whether to reload or wait.
 */
export function watchRenderer(win: BrowserWindow, load: () => Promise<void>): void {
  let crashes = 0;
  const reload = () => void load().catch((error: unknown) => console.error('Reloading the window failed', error));
  win.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    console.error(`Renderer gone (${details.reason}, exit code ${details.exitCode})`);
    if (++crashes <= SILENT_RELOADS) {
      reload();
      return;
    }
    const choice = dialog.showMessageBoxSync(win, {
      type: 'error',
      title: 'Guichet',
      message: "L'affichage de Guichet s'est arrêté.",
      detail: `Vos données sont enregistrées. Raison : ${details.reason}.`,
      buttons: ['Recharger', 'Quitter'],
      defaultId: 0,
      cancelId: 1,
    });
    if (choice === 0) reload();
    else win.close();
  });
  win.webContents.on('did-finish-load', () => {
    crashes = 0;
  });
  win.on('unresponsive', () => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning',
      title: 'Guichet',
      message: 'Guichet ne répond plus.',
      detail: 'Vous pouvez attendre ou recharger l’affichage (les données enregistrées ne sont pas perdues).',
      buttons: ['Attendre', 'Recharger'],
      defaultId: 0,
      cancelId: 0,
    });
    if (choice === 1) win.webContents.forcefullyCrashRenderer();
  });
}

const appWindows = new WeakSet<WebContents>();

/** True for the webContents of a window made by createMainWindow: the only ones whose IPC calls are served. */
export function isAppWindowContents(contents: WebContents): boolean {
  return appWindows.has(contents);
}

export interface MainWindowOptions {
  /** Absolute path of dist/main/preload.cjs. */
  preload: string;
  devTools?: boolean;
}

/** The one window of the app, hardened; the caller loads APP_ENTRY_URL (or lets loadMainWindow do it). */
export function createMainWindow({ preload, devTools = false }: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: 'Guichet',
    width: 1360,
    height: 860,
    minWidth: 1100,
    minHeight: 700,
    show: false,
    backgroundColor: '#f4f6f8',
    autoHideMenuBar: true,
    webPreferences: webPreferences(preload, devTools),
  });
  appWindows.add(win.webContents);
  hardenWebContents(win.webContents);
  denyAllPermissions(win.webContents.session);
  win.once('ready-to-show', () => win.show());
  return win;
}

export function loadMainWindow(win: BrowserWindow): Promise<void> {
  return win.loadURL(APP_ENTRY_URL);
}
