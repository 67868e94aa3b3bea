import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { ApiResult } from '../../shared/api';
import { EVENT_CHANNEL, INVOKE_CHANNEL, type AppEvent } from '../../shared/api/bridge';
import type { Registry } from '../api/registry';
import { isAppUrl } from '../protocol';

/** The desktop transport: the registry's one door behind one IPC channel, for our own windows' top frames only. */

const FORBIDDEN: ApiResult<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'Appel refusé : origine non autorisée.' },
};

/** The registry channel of a window: one session per webContents. */
export function ipcChannel(contents: Pick<WebContents, 'id'>): string {
  return `ipc:${contents.id}`;
}

/**
 * A call is served only from the top frame of a window we created, showing one of our app:// pages. A subframe, a
 * navigated-away page, or a frame gone by the time the message is handled (senderFrame null) is refused.
 */
export function isTrustedCall(event: IpcMainInvokeEvent, isOurContents: (contents: WebContents) => boolean): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.detached) return false;
  if (!isAppUrl(frame.url)) return false;
  if (frame.parent !== null) return false;
  if (frame.frameTreeNodeId !== event.sender.mainFrame.frameTreeNodeId) return false;
  return isOurContents(event.sender);
}

export function registerIpcTransport(
  ipcMain: Pick<IpcMain, 'handle'>,
  registry: Pick<Registry, 'dispatch'>,
  isTrustedSender: (contents: WebContents) => boolean,
): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, method: unknown, input: unknown): Promise<ApiResult<unknown>> => {
    if (!isTrustedCall(event, isTrustedSender)) return FORBIDDEN;
    return registry.dispatch(ipcChannel(event.sender), method, input);
  });
}

/** Pushes an event to the given windows' pages (skipping closed ones). */
export function sendAppEvent(targets: Iterable<WebContents>, event: AppEvent): void {
  for (const contents of targets) {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event);
  }
}
