// The sandboxed preload: exposes `window.guichet` (invoke + onEvent) and nothing else; never ipcRenderer, never process.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiResult } from '../shared/api/contract';
import { EVENT_CHANNEL, INVOKE_CHANNEL, type AppEvent, type GuichetBridge } from '../shared/api/bridge';

const bridge = {
  invoke(method: string, input: unknown): Promise<ApiResult<unknown>> {
    return ipcRenderer.invoke(INVOKE_CHANNEL, method, input) as Promise<ApiResult<unknown>>;
  },
  onEvent(listener: (event: AppEvent) => void): () => void {
    // The IPC event object (with its sender) stays here: the page only sees the payload.
    const forward = (_event: IpcRendererEvent, payload: AppEvent) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
} satisfies GuichetBridge;

contextBridge.exposeInMainWorld('guichet', bridge);
