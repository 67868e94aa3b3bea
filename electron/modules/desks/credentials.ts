import { createHash, randomBytes } from 'node:crypto';

/** A desk credential: 256 random bits, so a plain SHA-256 is enough to keep it (no password stretching needed). */
export const newDeskCredential = (): string => randomBytes(32).toString('base64url');

export const credentialHash = (credential: string): string =>
  createHash('sha256').update(credential, 'utf8').digest('hex');
