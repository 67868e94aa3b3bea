/** What the packaged-layout test asks the stand-in Electron (stand-in-electron.ts) over the fork IPC channel. */
export type StandInRequest =
  | { id: number; op: 'invoke'; method: string; input: unknown; foreign?: boolean }
  | { id: number; op: 'fetch'; url: string }
  | { id: number; op: 'state' }
  | { id: number; op: 'quit' };

/** A request without its id (send() numbers it). */
export type StandInCall = StandInRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

export interface StandInState {
  windows: { url: string | null; file: string | null; preload: unknown; sandbox: unknown; shown: boolean }[];
  errorBoxes: string[];
  prints: Record<string, unknown>[];
  registeredSchemes: unknown[];
  isPackaged: boolean;
}
