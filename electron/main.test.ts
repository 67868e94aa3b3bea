import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../shared/api';
import { INVOKE_CHANNEL } from '../shared/api/bridge';
import { DATABASE_FILE } from './db/data-source';
import { openTestApp } from '../test/support/core';

// The composition root run against a stand-in Electron and a real core in a temp folder: what main.ts wires, in
// which order, and how it fails when the database cannot be opened.

const fake = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  const calls: string[] = [];
  class FakeWebContents extends EventEmitter {
    static nextId = 1;
    id = FakeWebContents.nextId++;
    mainFrame = { url: 'app://guichet/index.html', parent: null, frameTreeNodeId: 1, detached: false };
    session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    setWindowOpenHandler = vi.fn();
  }
  class FakeBrowserWindow extends EventEmitter {
    static created: FakeBrowserWindow[] = [];
    static getAllWindows = () => FakeBrowserWindow.created;
    webContents = new FakeWebContents();
    loadURL = vi.fn(() => Promise.resolve());
    isDestroyed = () => false;
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      super();
      FakeBrowserWindow.created.push(this);
    }
  }
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    isReady: vi.fn(() => true),
    relaunch: vi.fn(),
    setPath: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => true),
    setAppUserModelId: vi.fn(),
    whenReady: vi.fn(() => {
      calls.push('whenReady');
      return Promise.resolve();
    }),
    quit: vi.fn(),
    exit: vi.fn(),
  });
  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn() },
    dialog: { showErrorBox: vi.fn() },
    ipcMain: { handle: vi.fn() },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => calls.push('registerSchemesAsPrivileged')),
      handle: vi.fn(),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
      },
    },
  };
  return { electron, calls, FakeBrowserWindow, FakeWebContents };
});

vi.mock('electron', () => fake.electron);

let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'guichet-main-'));
  vi.stubEnv('GUICHET_DATA_DIR', dataDir);
  vi.clearAllMocks();
  // main.ts logs start-up failures beside the dialog; the tests assert the dialog.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  fake.electron.app.removeAllListeners();
  fake.calls.length = 0;
  fake.FakeBrowserWindow.created.length = 0;
  vi.resetModules();
});

afterEach(async () => {
  // Let main.ts close the core it opened, as on a real quit.
  const preventDefault = vi.fn();
  fake.electron.app.quit.mockClear();
  fake.electron.app.emit('will-quit', { preventDefault });
  if (preventDefault.mock.calls.length > 0) await vi.waitFor(() => expect(fake.electron.app.quit).toHaveBeenCalled());
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  rmSync(dataDir, { recursive: true, force: true });
});

type Invoke = (event: unknown, method: unknown, input: unknown) => Promise<ApiResult<unknown>>;

describe('main.ts', () => {
  it('registers the scheme before ready, then serves the one hardened window over IPC', async () => {
    await import('./main');
    const { electron } = fake;
    await vi.waitFor(() => expect(fake.FakeBrowserWindow.created[0]?.loadURL).toHaveBeenCalled());

    expect(fake.calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(fake.calls.indexOf('whenReady'));
    expect(electron.app.setAppUserModelId).toHaveBeenCalledWith('ma.guichet.app');
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(electron.app.listenerCount('web-contents-created')).toBe(1);

    const [win] = fake.FakeBrowserWindow.created;
    if (!win) throw new Error('no window');
    expect(fake.FakeBrowserWindow.created).toHaveLength(1);
    expect(win.loadURL).toHaveBeenCalledWith('app://guichet/index.html');
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(String(win.options.webPreferences.preload)).toMatch(/preload\.cjs$/);

    const [channel, handler] = electron.ipcMain.handle.mock.calls[0] as [string, Invoke];
    expect(channel).toBe(INVOKE_CHANNEL);
    const trusted = await handler(
      { sender: win.webContents, senderFrame: win.webContents.mainFrame },
      'auth.status',
      {},
    );
    expect(trusted).toMatchObject({ ok: true, value: { setupNeeded: true } });
    const stranger = new fake.FakeWebContents();
    const refused = await handler({ sender: stranger, senderFrame: stranger.mainFrame }, 'auth.status', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    electron.app.emit('window-all-closed');
    expect(electron.app.quit).toHaveBeenCalled();
  });

  it('closes the database before quitting', async () => {
    await import('./main');
    await vi.waitFor(() => expect(fake.FakeBrowserWindow.created[0]?.loadURL).toHaveBeenCalled());
    const preventDefault = vi.fn();
    fake.electron.app.emit('will-quit', { preventDefault });
    expect(preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(fake.electron.app.quit).toHaveBeenCalled());
    // Closed: the next will-quit lets the app go.
    const again = vi.fn();
    fake.electron.app.emit('will-quit', { preventDefault: again });
    expect(again).not.toHaveBeenCalled();
  });

  it('refuses a database written by a newer Guichet with its French message, and exits', async () => {
    const seed = await openTestApp(dataDir);
    await seed.core.close();
    const db = new BetterSqlite3(path.join(dataDir, DATABASE_FILE));
    db.prepare('INSERT INTO migrations (timestamp, name) VALUES (?, ?)').run(9_999_999_999_999, 'Future9999999999999');
    db.close();

    await import('./main');
    await vi.waitFor(() => expect(fake.electron.app.exit).toHaveBeenCalledWith(1));
    const [title, message] = fake.electron.dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(title).toMatch(/Guichet/);
    expect(message).toContain('version plus récente de Guichet');
    expect(message).toContain('Future9999999999999');
  });

  it('explains in French when the data folder cannot be opened', async () => {
    const blocker = path.join(dataDir, 'un-fichier');
    (await import('node:fs')).writeFileSync(blocker, 'pas un dossier');
    vi.stubEnv('GUICHET_DATA_DIR', path.join(blocker, 'donnees'));

    await import('./main');
    await vi.waitFor(() => expect(fake.electron.app.exit).toHaveBeenCalledWith(1));
    const [, message] = fake.electron.dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(message).toContain("n'a pas pu ouvrir sa base de données");
    expect(message).toContain(path.join(blocker, 'donnees'));
  });

  it('says in French that the SQLite addon is missing, never opening the database or the recovery screen', async () => {
    Object.defineProperty(process.versions, 'electron', { value: '45.5.0', configurable: true });
    vi.stubEnv('GUICHET_SQLITE_BINDING', path.join(dataDir, 'absent', 'better_sqlite3.node'));
    try {
      await import('./main');
      await vi.waitFor(() => expect(fake.electron.app.exit).toHaveBeenCalledWith(1));
    } finally {
      delete (process.versions as Record<string, string | undefined>).electron;
      (await import('./db/sqlite-binding')).useSqliteBinding(undefined);
    }
    const [title, message] = fake.electron.dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(title).toBe('Guichet ne peut pas démarrer');
    expect(message).toMatch(/^Le module SQLite de Guichet est introuvable\. Vos données ne sont pas touchées\./);
    expect(message).toContain('npm start');
    expect(fake.FakeBrowserWindow.created).toHaveLength(0);
    expect(fake.electron.ipcMain.handle).not.toHaveBeenCalled();
    expect(existsSync(path.join(dataDir, DATABASE_FILE))).toBe(false);
  });

  it('quits at once when another instance holds the lock', async () => {
    fake.electron.app.requestSingleInstanceLock.mockReturnValueOnce(false);
    await import('./main');
    expect(fake.electron.app.quit).toHaveBeenCalled();
    expect(fake.electron.app.whenReady).not.toHaveBeenCalled();
    expect(fake.electron.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
  });
});
