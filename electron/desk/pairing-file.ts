import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** What a desk keeps of its pairing, in its data folder (desk.json, readable by its user only). */
export const deskPairingSchema = z
  .object({
    /** https://HOST:PORT */
    server: z.url(),
    /** The server's certificate as seen at pairing, and its SHA-256: the only certificate this desk accepts. */
    certificate: z.string().min(1),
    fingerprint: z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/),
    /** The desk's credential (shown once by the server, which keeps only its hash). */
    credential: z.string().min(20),
    deskId: z.number().int().positive(),
    name: z.string().min(1),
    pairedAt: z.string(),
  })
  .strict();
export type DeskPairing = z.infer<typeof deskPairingSchema>;

export const PAIRING_FILE = 'desk.json';

export function readDeskPairing(dataDir: string): DeskPairing | null {
  const file = path.join(dataDir, PAIRING_FILE);
  if (!existsSync(file)) return null;
  const parsed = deskPairingSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} est illisible : appairez ce poste à nouveau.`);
  return parsed.data;
}

/**
 * Written with mode 0600 under a temporary name, then renamed: the credential is never readable by other users, and
 * a crash leaves the old file or the new one. (Electron's safeStorage can wrap the credential in the desktop desk.)
 */
export function writeDeskPairing(dataDir: string, pairing: DeskPairing): void {
  const file = path.join(dataDir, PAIRING_FILE);
  const partial = `${file}.partial`;
  writeFileSync(partial, `${JSON.stringify(pairing, null, 2)}\n`, { mode: 0o600 });
  chmodSync(partial, 0o600);
  renameSync(partial, file);
}
