import { flag } from '../config';

export const DEFAULT_OFFICE_PORT = 7443;

export interface OfficeServerArgs {
  host: string;
  port: number;
}

/** `npm run server -- --data-dir D [--port P] [--host ADDR]`: every address of the PC unless --host says one. */
export function officeServerArgs(argv: readonly string[] = process.argv): OfficeServerArgs {
  const portText = flag(argv, '--port') ?? String(DEFAULT_OFFICE_PORT);
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`Port invalide : ${portText}`);
  return { host: flag(argv, '--host') ?? '0.0.0.0', port };
}
