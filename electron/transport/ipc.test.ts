import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../shared/api';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../shared/api/bridge';
import { openTestApp, type TestApp } from '../../test/support/core';
import { ipcChannel, registerIpcTransport, sendAppEvent } from './ipc';

// ipc.ts takes ipcMain and the registry as arguments and imports only Electron's types: no 'electron' at run time, so
// none is mocked here (an accidental runtime import would fail this file under Node).

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  frameTreeNodeId: number;
  detached: boolean;
}
interface FakeContents {
  id: number;
  mainFrame: FakeFrame;
}
type Invoke = (event: unknown, method: unknown, input: unknown) => Promise<ApiResult<unknown>>;

const frame = (url: string, frameTreeNodeId = 1, parent: FakeFrame | null = null): FakeFrame => ({
  url,
  parent,
  frameTreeNodeId,
  detached: false,
});

function ourWindow(id = 7, url = 'app://guichet/index.html'): FakeContents {
  return { id, mainFrame: frame(url) };
}

/** Registers the transport on a fake ipcMain and returns the handler Electron would call. */
function transport(
  registry: { dispatch: (channel: string, method: unknown, input: unknown) => Promise<ApiResult<unknown>> },
  ours: FakeContents[],
) {
  const handle = vi.fn();
  registerIpcTransport({ handle }, registry, (contents) => ours.includes(contents));
  expect(handle).toHaveBeenCalledTimes(1);
  expect(handle.mock.calls[0]?.[0]).toBe(INVOKE_CHANNEL);
  return handle.mock.calls[0]?.[1] as Invoke;
}

const FORBIDDEN = { ok: false, error: { code: 'FORBIDDEN', message: 'Appel refusé : origine non autorisée.' } };

describe('IPC transport with a fake registry', () => {
  const fakeRegistry = () => ({
    dispatch: vi.fn((): Promise<ApiResult<unknown>> => Promise.resolve({ ok: true, value: 'fait' })),
  });

  it("dispatches a trusted call on the window's own channel", async () => {
    const registry = fakeRegistry();
    const win = ourWindow(7);
    const invoke = transport(registry, [win]);
    const result = await invoke({ sender: win, senderFrame: win.mainFrame }, 'staff.list', { a: 1 });
    expect(result).toEqual({ ok: true, value: 'fait' });
    expect(registry.dispatch).toHaveBeenCalledWith('ipc:7', 'staff.list', { a: 1 });
    expect(ipcChannel({ id: 7 })).toBe('ipc:7');
  });

  const untrusted: [string, () => { sender: FakeContents; senderFrame: FakeFrame | null }][] = [
    ['a frame already gone (senderFrame null)', () => ({ sender: ourWindow(), senderFrame: null })],
    [
      'a foreign page in our window',
      () => {
        const win = ourWindow(7, 'https://evil.example/');
        return { sender: win, senderFrame: win.mainFrame };
      },
    ],
    [
      'a look-alike host',
      () => {
        const win = ourWindow(7, 'app://guichet.evil/index.html');
        return { sender: win, senderFrame: win.mainFrame };
      },
    ],
    [
      'a file:// page',
      () => {
        const win = ourWindow(7, 'file:///tmp/index.html');
        return { sender: win, senderFrame: win.mainFrame };
      },
    ],
    [
      'a subframe of our page, even one on app://guichet/',
      () => {
        const win = ourWindow();
        return { sender: win, senderFrame: frame('app://guichet/index.html', 2, win.mainFrame) };
      },
    ],
    [
      'a detached frame',
      () => {
        const win = ourWindow();
        return { sender: win, senderFrame: { ...win.mainFrame, detached: true } };
      },
    ],
    [
      'a webContents we did not create',
      () => {
        const stranger = ourWindow(99);
        return { sender: stranger, senderFrame: stranger.mainFrame };
      },
    ],
  ];

  it.each(untrusted)('refuses %s without dispatching', async (_name, makeEvent) => {
    const registry = fakeRegistry();
    const event = makeEvent();
    // Every case but the stranger is "our" window: the refusal must come from the frame check itself.
    const ours = event.sender.id === 99 ? [ourWindow(7)] : [event.sender];
    const invoke = transport(registry, ours);
    expect(await invoke(event, 'auth.status', {})).toEqual(FORBIDDEN);
    expect(registry.dispatch).not.toHaveBeenCalled();
  });
});

describe('IPC transport with the real core', () => {
  let app: TestApp;
  afterEach(() => app.close());

  async function counts(app: TestApp) {
    const staff = await app.ok('admin-check', 'staff.list', {});
    const audit = await app.ok('admin-check', 'audit.list', {});
    return { staff: staff.length, audit: audit.total };
  }

  it('returns typed VALIDATION errors for bad input, refuses untrusted frames, and writes nothing in either case', async () => {
    app = await openTestApp();
    const win = ourWindow(3);
    const invoke = transport(app.core.registry, [win]);
    const trusted = { sender: win, senderFrame: win.mainFrame };

    const setup = await invoke(trusted, 'auth.setupAdmin', {
      username: 'admin',
      displayName: 'Amina Admin',
      password: 'admin-secret-1',
    });
    expect(setup).toMatchObject({ ok: true });
    // The admin is logged in on the window's channel, as the registry sees it.
    expect(app.core.sessions.current('ipc:3', app.clock.now().getTime())?.username).toBe('admin');
    await app.ok('admin-check', 'auth.login', { username: 'admin', password: 'admin-secret-1' });
    const before = await counts(app);

    const bad = await invoke(trusted, 'staff.create', {
      username: 'x',
      displayName: '',
      role: 'boss',
      password: 'court',
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.code).toBe('VALIDATION');
    expect(Object.keys(bad.error.fields ?? {})).toEqual(
      expect.arrayContaining(['username', 'displayName', 'role', 'password']),
    );

    const notAnObject = await invoke(trusted, 'staff.create', 'DROP TABLE users');
    expect(notAnObject).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await invoke(trusted, 'nope.method', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });

    // A well-formed call from a subframe of the admin's own window is refused before it reaches the registry.
    const valid = { username: 'intrus', displayName: 'Intrus', role: 'admin', password: 'intrus-secret-1' };
    const fromSubframe = await invoke(
      { sender: win, senderFrame: frame('app://guichet/index.html', 5, win.mainFrame) },
      'staff.create',
      valid,
    );
    expect(fromSubframe).toEqual(FORBIDDEN);

    expect(await counts(app)).toEqual(before);

    // The same call from the trusted frame does write: the refusals above were not a broken setup.
    expect(await invoke(trusted, 'staff.create', valid)).toMatchObject({ ok: true, value: { username: 'intrus' } });
    expect((await counts(app)).staff).toBe(before.staff + 1);
  });
});

describe('sendAppEvent', () => {
  it('sends the event on the event channel to live windows only', () => {
    const live = { isDestroyed: () => false, send: vi.fn() };
    const closed = { isDestroyed: () => true, send: vi.fn() };
    sendAppEvent([live, closed] as never, { type: 'session-changed' });
    expect(live.send).toHaveBeenCalledWith(EVENT_CHANNEL, { type: 'session-changed' });
    expect(closed.send).not.toHaveBeenCalled();
  });
});
