import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, INVOKE_CHANNEL, type GuichetBridge } from '../shared/api/bridge';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
}));
vi.mock('electron', () => electron);

async function loadBridge(): Promise<GuichetBridge> {
  vi.resetModules();
  await import('./preload');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [key, bridge] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, GuichetBridge];
  expect(key).toBe('guichet');
  return bridge;
}

beforeEach(() => vi.clearAllMocks());

describe('preload', () => {
  it('exposes exactly invoke and onEvent, and neither ipcRenderer nor process', async () => {
    const bridge = await loadBridge();
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onEvent']);
    const exposed = Object.values(bridge) as unknown[];
    expect(exposed).not.toContain(electron.ipcRenderer);
    expect(exposed).not.toContain(process);
  });

  it('invoke goes through the one invoke channel', async () => {
    const bridge = await loadBridge();
    electron.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: 1 });
    await expect(bridge.invoke('auth.status', {})).resolves.toEqual({ ok: true, value: 1 });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(INVOKE_CHANNEL, 'auth.status', {});
  });

  it('onEvent hands the listener the payload only, and unsubscribes the same listener', async () => {
    const bridge = await loadBridge();
    const listener = vi.fn();
    const unsubscribe = bridge.onEvent(listener);
    const [channel, forward] = electron.ipcRenderer.on.mock.calls[0] as [
      string,
      (event: unknown, payload: unknown) => void,
    ];
    expect(channel).toBe(EVENT_CHANNEL);
    forward({ sender: 'ipc-event-with-sender' }, { type: 'session-changed' });
    expect(listener).toHaveBeenCalledWith({ type: 'session-changed' });
    expect(listener.mock.calls[0]).toHaveLength(1);
    unsubscribe();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(EVENT_CHANNEL, forward);
  });
});
