// A stand-in for the 'electron' module, for running the packaged app's main.cjs under Node (the Electron binary cannot
// run on these machines). Loaded with `node --require` before main.cjs, it answers require('electron') with the few
// APIs the app uses, and lets the parent test drive it over the fork IPC channel: call the IPC handler as the window's
// page (or as a foreign page), fetch app:// URLs through the registered protocol handler, read what the app did
// (windows, dialogs, print calls), and quit.
import { EventEmitter } from 'node:events';
import Module from 'node:module';
import path from 'node:path';
import type { StandInRequest, StandInState } from './stand-in-protocol';

const APP_FRAME = 'app://guichet/index.html';
const state: StandInState = { windows: [], errorBoxes: [], prints: [], registeredSchemes: [], isPackaged: true };
const handlers = new Map<string, (...args: unknown[]) => Promise<unknown>>();
let appProtocol: ((request: Request) => Promise<Response>) | null = null;

let nextContentsId = 1;
class StandInWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly mainFrame = { url: APP_FRAME, parent: null, frameTreeNodeId: this.id, detached: false };
  readonly session = standInSession();
  private destroyed = false;
  setWindowOpenHandler(): void {}
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
  send(): void {}
  forcefullyCrashRenderer(): void {}
  getPrintersAsync(): Promise<{ name: string; displayName: string; description: string; options: object }[]> {
    return Promise.resolve([
      { name: 'EPSON_TM_T20III', displayName: 'EPSON TM-T20III', description: 'Ticket 80 mm', options: {} },
      { name: 'HP_LaserJet_M404', displayName: 'HP LaserJet M404', description: 'A4', options: {} },
    ]);
  }
  print(options: Record<string, unknown>, callback: (success: boolean, reason: string) => void): void {
    state.prints.push(options);
    callback(true, '');
  }
}

function standInSession() {
  return { setPermissionRequestHandler() {}, setPermissionCheckHandler() {}, setDevicePermissionHandler() {} };
}

const windows: StandInBrowserWindow[] = [];
class StandInBrowserWindow extends EventEmitter {
  static getAllWindows(): StandInBrowserWindow[] {
    return windows.filter((w) => !w.isDestroyed());
  }
  readonly webContents = new StandInWebContents();
  private readonly record: StandInState['windows'][number];
  constructor(options: { show?: boolean; webPreferences?: { preload?: unknown; sandbox?: unknown } }) {
    super();
    this.record = {
      url: null,
      file: null,
      preload: options.webPreferences?.preload ?? null,
      sandbox: options.webPreferences?.sandbox ?? null,
      shown: options.show !== false,
    };
    state.windows.push(this.record);
    windows.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.record.url = url;
    setImmediate(() => this.emit('ready-to-show'));
    return Promise.resolve();
  }
  loadFile(file: string): Promise<void> {
    this.record.file = file;
    return Promise.resolve();
  }
  show(): void {
    this.record.shown = true;
  }
  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
  isDestroyed(): boolean {
    return this.webContents.isDestroyed();
  }
  destroy(): void {
    this.webContents.destroy();
  }
  close(): void {
    this.destroy();
  }
}

class StandInApp extends EventEmitter {
  readonly isPackaged = true;
  private ready = false;
  requestSingleInstanceLock(): boolean {
    return true;
  }
  setAppUserModelId(): void {}
  setPath(): void {}
  relaunch(): void {}
  isReady(): boolean {
    return this.ready;
  }
  whenReady(): Promise<void> {
    this.ready = true;
    return Promise.resolve();
  }
  quit(): void {
    const event = {
      prevented: false,
      preventDefault() {
        event.prevented = true;
      },
    };
    this.emit('will-quit', event);
    if (!event.prevented) process.exit(0);
  }
  exit(code = 0): void {
    process.exit(code);
  }
}
const app = new StandInApp();

const electron = {
  app,
  BrowserWindow: StandInBrowserWindow,
  Menu: { setApplicationMenu() {}, buildFromTemplate: (template: unknown) => template },
  dialog: {
    showErrorBox(title: string, message: string) {
      state.errorBoxes.push(`${title}: ${message}`);
      console.error(`[dialog] ${title}: ${message}`);
    },
    showMessageBoxSync: () => 0,
  },
  ipcMain: {
    handle(channel: string, handler: (...args: unknown[]) => Promise<unknown>) {
      handlers.set(channel, handler);
    },
  },
  protocol: {
    registerSchemesAsPrivileged(schemes: unknown[]) {
      state.registeredSchemes.push(...schemes);
    },
    handle(scheme: string, handler: (request: Request) => Promise<Response>) {
      if (scheme === 'app') appProtocol = handler;
    },
  },
  session: { defaultSession: standInSession() },
};

// require('electron') from the packaged bundle gets the stand-in (this module).
const resolve = (Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string })
  ._resolveFilename;
(Module as unknown as { _resolveFilename: typeof resolve })._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? __filename : resolve.call(this, request, ...rest);
};
const self = require.cache[__filename];
if (self) self.exports = electron;
// Electron sets this in the main process; the app finds its fonts there (resources/fonts).
Object.assign(process, { resourcesPath: process.env.STAND_IN_RESOURCES ?? path.dirname(process.cwd()) });

async function answer(request: StandInRequest): Promise<unknown> {
  if (request.op === 'state') return state;
  if (request.op === 'quit') {
    for (const win of StandInBrowserWindow.getAllWindows()) win.destroy();
    app.emit('window-all-closed');
    return true;
  }
  if (request.op === 'fetch') {
    if (!appProtocol) throw new Error('no app:// handler');
    const response = await appProtocol(new Request(request.url));
    const body = Buffer.from(await response.arrayBuffer());
    return { status: response.status, type: response.headers.get('content-type'), bytes: body.length };
  }
  const handler = handlers.get('guichet:invoke');
  const [win] = StandInBrowserWindow.getAllWindows();
  if (!handler || !win) throw new Error('no IPC handler or window yet');
  const frame = request.foreign ? { ...win.webContents.mainFrame, url: 'https://evil.example/' } : undefined;
  const event = { sender: win.webContents, senderFrame: frame ?? win.webContents.mainFrame };
  return handler(event, request.method, request.input);
}

process.on('message', (request: StandInRequest) => {
  answer(request).then(
    (value) => process.send?.({ id: request.id, ok: true, value }),
    (error: unknown) => process.send?.({ id: request.id, ok: false, error: String(error) }),
  );
});
