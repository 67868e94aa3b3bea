import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from 'selfsigned';

export interface OfficeCertificate {
  key: string;
  cert: string;
  /** SHA-256 of the DER certificate, AB:CD:… (what desks pin). */
  fingerprint: string;
}

const YEARS = 20;

/** The SHA-256 fingerprint Node reports for a PEM certificate. */
export const fingerprintOf = (certPem: string): string => new X509Certificate(certPem).fingerprint256;

function localAddresses(): string[] {
  const found = new Set(['127.0.0.1']);
  for (const list of Object.values(os.networkInterfaces())) {
    for (const item of list ?? []) if (item.family === 'IPv4') found.add(item.address);
  }
  return [...found];
}

/**
 * The office server's certificate, made at its first start and kept in the data folder (office-tls/): an ECDSA P-256
 * key and a self-signed certificate built by `selfsigned` (no hand-written ASN.1). Desks do not trust it by name: they
 * pin its fingerprint at pairing, so a new address or name for the server needs no new certificate, and a new
 * certificate means pairing the desks again.
 */
export async function loadOrCreateCertificate(dataDir: string): Promise<OfficeCertificate> {
  const dir = path.join(dataDir, 'office-tls');
  const keyFile = path.join(dir, 'server-key.pem');
  const certFile = path.join(dir, 'server-cert.pem');
  if (existsSync(keyFile) && existsSync(certFile)) {
    const cert = readFileSync(certFile, 'utf8');
    return { key: readFileSync(keyFile, 'utf8'), cert, fingerprint: fingerprintOf(cert) };
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const now = new Date();
  const made = await generate([{ name: 'commonName', value: `Guichet – serveur du bureau (${os.hostname()})` }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 86_400_000),
    notAfterDate: new Date(now.getFullYear() + YEARS, now.getMonth(), now.getDate()),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: os.hostname() },
          { type: 2, value: 'localhost' },
          ...localAddresses().map((ip) => ({ type: 7 as const, ip })),
        ],
      },
    ],
  });
  // The key first, private from the start; each file under a temporary name, renamed when whole.
  writeFileSync(`${keyFile}.partial`, made.private, { mode: 0o600 });
  chmodSync(`${keyFile}.partial`, 0o600);
  renameSync(`${keyFile}.partial`, keyFile);
  writeFileSync(`${certFile}.partial`, made.cert);
  renameSync(`${certFile}.partial`, certFile);
  return { key: made.private, cert: made.cert, fingerprint: fingerprintOf(made.cert) };
}
