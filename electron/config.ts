import os from 'node:os';
import path from 'node:path';

/** Where the database, backups and PDFs live unless --data-dir or GUICHET_DATA_DIR says otherwise. */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Guichet');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Guichet');
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'guichet');
}

export function flag(argv: readonly string[], name: string): string | undefined {
  const index = argv.findIndex((arg) => arg === name || arg.startsWith(`${name}=`));
  if (index < 0) return undefined;
  const arg = argv[index] ?? '';
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[index + 1];
}

export interface LaunchConfig {
  dataDir: string;
  /** Web mode only: 0 means any free port. */
  port: number;
}

export function launchConfig(
  argv: readonly string[] = process.argv,
  env: NodeJS.ProcessEnv = process.env,
): LaunchConfig {
  const dataDir = path.resolve(
    flag(argv, '--data-dir') ?? env.GUICHET_DATA_DIR ?? defaultDataDir(process.platform, env),
  );
  const portText = flag(argv, '--port') ?? env.GUICHET_PORT ?? '0';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Port invalide : ${portText}`);
  return { dataDir, port };
}
