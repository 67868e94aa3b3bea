export type WebReason = 'asked' | 'unsupported' | 'no-runtime' | 'no-sqlite' | 'sandbox';
export function startMode(
  argv: string[],
  platform: string,
  arch: string,
): { web: boolean; reason: WebReason | null; args: string[] };
export function webModeLine(reason: WebReason, detail?: string): string;
export function sandboxProblem(facts: {
  platform: string;
  restriction: string | null;
  sandbox: { uid: number; mode: number } | null;
  profiles: string[];
  electronBinary: string;
}): string | null;
export function browserOpener(
  platform: string,
  has: (command: string) => boolean,
): { command: string; args: string[] } | null;
export function cacheDir(platform: string, env: Record<string, string | undefined>, home: string): string;
export function electronSqliteDir(
  cache: string,
  build: { sqliteVersion: string; electronVersion: string; platform: string; arch: string },
): string;
