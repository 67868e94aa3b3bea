import { z } from 'zod';
import { requiredText } from '../validation';
import { method } from './contract';

/**
 * The desks of an office server (issue 18): each counter PC is paired once and then calls the server with its own
 * credential. The desk's name is its cash-drawer identity.
 */

/** Bumped whenever the contract changes in a way an older desk or server cannot follow. */
export const CONTRACT_VERSION = 1;

export interface DeskDto {
  id: number;
  name: string;
  pairedAt: string;
  /** The last call the server accepted from this desk (ISO instant), or null. */
  lastSeenAt: string | null;
  revokedAt: string | null;
}

/** What an admin reads out to the person pairing a desk. */
export interface PairingCodeDto {
  /** Eight digits, shown as 1234-5678. */
  code: string;
  expiresAt: string;
  /** Where desks reach this server, e.g. https://10.0.0.5:7443 (one per network address). */
  addresses: string[];
  /** SHA-256 of the server's certificate, AB:CD:…: the desk shows it, the person compares. */
  fingerprint: string;
}

export const deskName = requiredText(40);
const id = z.number().int().positive();

export const desksApi = {
  /** A new one-time pairing code (the previous one stops working); only on an office server. */
  'desks.pairingCode': method<PairingCodeDto>()({ input: z.object({}).strict(), access: 'admin', mutates: true }),
  'desks.list': method<DeskDto[]>()({ input: z.object({}).strict(), access: 'admin', mutates: false }),
  'desks.rename': method<DeskDto>()({
    input: z.object({ id, name: deskName }).strict(),
    access: 'admin',
    mutates: true,
  }),
  /** The desk is refused from its next call on; its credential cannot be restored (pair it again). */
  'desks.revoke': method<DeskDto>()({ input: z.object({ id }).strict(), access: 'admin', mutates: true }),
};

/** What a desk posts to /office/pair (not a contract method: the desk has no credential yet). */
export const pairRequestSchema = z
  .object({ code: z.string().regex(/^\d{4}-?\d{4}$/, "Code d'appairage invalide."), name: deskName })
  .strict();
export type PairRequest = z.input<typeof pairRequestSchema>;

export interface PairAnswer {
  deskId: number;
  name: string;
  /** Shown once: the server keeps only its hash. */
  credential: string;
}
