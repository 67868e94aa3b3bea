import type { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// A stand-in for the few Electron classes window.ts touches: it records what the window was built with and lets the test
// emit the events Electron would.
const fake = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  type PermissionRequest = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
  class FakeSession {
    requestHandler: PermissionRequest | null = null;
    checkHandler: ((...args: unknown[]) => boolean) | null = null;
    deviceHandler: ((...args: unknown[]) => boolean) | null = null;
    setPermissionRequestHandler(handler: PermissionRequest) {
      this.requestHandler = handler;
    }
    setPermissionCheckHandler(handler: (...args: unknown[]) => boolean) {
      this.checkHandler = handler;
    }
    setDevicePermissionHandler(handler: (...args: unknown[]) => boolean) {
      this.deviceHandler = handler;
    }
  }
  class FakeWebContents extends EventEmitter {
    session = new FakeSession();
    openHandler: ((details: { url: string }) => { action: string }) | null = null;
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.openHandler = handler;
    }
  }
  class FakeBrowserWindow extends EventEmitter {
    static created: FakeBrowserWindow[] = [];
    webContents = new FakeWebContents();
    show = vi.fn();
    loadURL = vi.fn(() => Promise.resolve());
    constructor(readonly options: Record<string, unknown>) {
      super();
      FakeBrowserWindow.created.push(this);
    }
  }
  const Menu = { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((template: unknown[]) => ({ template })) };
  return { FakeBrowserWindow, FakeWebContents, Menu };
});

vi.mock('electron', () => ({ BrowserWindow: fake.FakeBrowserWindow, Menu: fake.Menu }));

const { createMainWindow, hardenWebContents, installAppMenu, isAppWindowContents, loadMainWindow, webPreferences } =
  await import('./window');

type FakeWindow = InstanceType<typeof fake.FakeBrowserWindow>;

function open(): FakeWindow {
  return createMainWindow({ preload: '/app/dist/main/preload.cjs' }) as unknown as FakeWindow;
}

/** Emits a navigation-like event and tells whether a listener prevented it. */
function emitPreventable(contents: EventEmitter, name: string, url?: string): boolean {
  const event = { preventDefault: vi.fn() };
  contents.emit(name, event, url);
  return event.preventDefault.mock.calls.length > 0;
}

beforeEach(() => {
  fake.FakeBrowserWindow.created.length = 0;
  vi.clearAllMocks();
});

describe('webPreferences', () => {
  it('isolates the renderer: context isolation, sandbox, no Node, no webview, the given preload', () => {
    const prefs = webPreferences('/x/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/x/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      devTools: false,
    });
    expect(webPreferences('/x/preload.cjs', true).devTools).toBe(true);
  });
});

describe('createMainWindow', () => {
  it('builds the window with the hardened preferences, its title and minimum size, hidden until ready', () => {
    const win = open();
    expect(win.options).toMatchObject({ title: 'Guichet', minWidth: 1100, minHeight: 700, show: false });
    expect(win.options.webPreferences).toEqual(webPreferences('/app/dist/main/preload.cjs'));
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledTimes(1);
  });

  it('loads the app entry page', async () => {
    const win = open();
    await loadMainWindow(win as never);
    expect(win.loadURL).toHaveBeenCalledWith('app://guichet/index.html');
  });

  it('denies navigation away from app://guichet/, and allows moving inside it', () => {
    const { webContents } = open();
    for (const url of [
      'https://evil.example/',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'app://guichet.evil/index.html',
      'app://evil/index.html',
      'javascript:alert(1)',
    ]) {
      expect(emitPreventable(webContents, 'will-navigate', url), url).toBe(true);
      expect(emitPreventable(webContents, 'will-redirect', url), url).toBe(true);
    }
    expect(emitPreventable(webContents, 'will-navigate', 'app://guichet/index.html')).toBe(false);
  });

  it('denies window.open and <webview>', () => {
    const { webContents } = open();
    expect(webContents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(webContents.openHandler?.({ url: 'app://guichet/index.html' })).toEqual({ action: 'deny' });
    expect(emitPreventable(webContents, 'will-attach-webview')).toBe(true);
  });

  it('denies every permission request and check', () => {
    const { session } = open().webContents;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      session.requestHandler?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(session.checkHandler?.({}, permission, 'app://guichet', {})).toBe(false);
    }
    expect(session.deviceHandler?.({})).toBe(false);
  });

  it('trusts only the webContents of windows it created', () => {
    const win = open();
    expect(isAppWindowContents(win.webContents as never)).toBe(true);
    expect(isAppWindowContents(new fake.FakeWebContents() as never)).toBe(false);
  });
});

describe('hardenWebContents (applied app-wide on web-contents-created)', () => {
  it('guards any webContents, not only the main window', () => {
    const contents = new fake.FakeWebContents();
    hardenWebContents(contents as never);
    expect(emitPreventable(contents, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });
});

describe('installAppMenu', () => {
  it('removes the menu on Windows and Linux, keeps an edit menu on macOS', () => {
    installAppMenu('win32');
    installAppMenu('linux');
    expect(fake.Menu.setApplicationMenu.mock.calls).toEqual([[null], [null]]);
    installAppMenu('darwin');
    expect(fake.Menu.buildFromTemplate).toHaveBeenCalledWith(expect.arrayContaining([{ role: 'editMenu' }]));
  });
});
