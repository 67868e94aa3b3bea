import type { ApiResult } from './contract';

/** The IPC channel of the one invoke door, and of the events the main process pushes to the window. */
export const INVOKE_CHANNEL = 'guichet:invoke';
export const EVENT_CHANNEL = 'guichet:event';

/** Events the main process pushes to the renderer (more kinds come with later modules). */
export type AppEvent = { type: 'session-changed' };

/** What the preload exposes as `window.guichet`, and nothing more. */
export interface GuichetBridge {
  invoke(method: string, input: unknown): Promise<ApiResult<unknown>>;
  /** Subscribes to main-process events; returns the unsubscribe function. */
  onEvent(listener: (event: AppEvent) => void): () => void;
}
