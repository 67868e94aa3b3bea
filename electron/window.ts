import { BrowserWindow, Menu, type Session, type WebContents, type WebPreferences } from 'electron';
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

/** Only macOS needs a menu (for copy and paste shortcuts); elsewhere none, which also drops reload and devtools keys. */
export function installAppMenu(platform: NodeJS.Platform = process.platform): void {
  Menu.setApplicationMenu(
    platform === 'darwin'
      ? Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }])
      : null,
  );
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
