import os from 'node:os';
import { flag } from '../config';

export interface DeskArgs {
  /** https://HOST:PORT of the office server. */
  server: string;
  /** A one-time pairing code: pair first (the first start only). */
  pair?: string;
  /** The name this desk asks for at pairing (its cash drawer's name): the PC's name unless --name says another. */
  name: string;
  /** The server's fingerprint as it showed it: checked at pairing when given. */
  fingerprint?: string;
}

/** `npm run web -- --server https://HOST:PORT [--pair CODE [--name NAME] [--fingerprint FP]]`, or null for standalone. */
export function deskArgs(argv: readonly string[] = process.argv): DeskArgs | null {
  const server = flag(argv, '--server');
  if (server === undefined) return null;
  return {
    server,
    pair: flag(argv, '--pair'),
    name: (flag(argv, '--name') ?? os.hostname()).slice(0, 40),
    fingerprint: flag(argv, '--fingerprint'),
  };
}
