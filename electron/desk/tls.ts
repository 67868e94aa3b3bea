import { X509Certificate } from 'node:crypto';
import https from 'node:https';
import tls from 'node:tls';

/**
 * Connects once without trusting anything, to read the certificate the server presents (at pairing, before any secret
 * is sent). The person pairing compares its fingerprint with the one the server shows (or passes --fingerprint).
 */
export function presentedCertificate(server: string): Promise<{ pem: string; fingerprint: string }> {
  const url = new URL(server);
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host: url.hostname,
      port: Number(url.port || 443),
      rejectUnauthorized: false,
      minVersion: 'TLSv1.3',
    });
    socket.setTimeout(10_000, () => socket.destroy(new Error('Délai dépassé en joignant le serveur.')));
    socket.once('secureConnect', () => {
      const raw = socket.getPeerCertificate().raw;
      socket.end();
      const pem = new X509Certificate(raw).toString();
      resolve({ pem, fingerprint: new X509Certificate(pem).fingerprint256 });
    });
    socket.once('error', reject);
  });
}

export class CertificateMismatchError extends Error {
  readonly code = 'GUICHET_CERT_MISMATCH';
}

/**
 * The desk's only way to the server: TLS 1.3, trusting exactly the certificate recorded at pairing (as its own root)
 * and checking its fingerprint again, so a server presenting any other certificate is refused before a byte of the
 * request (its credential) is sent.
 */
export function pinnedAgent(certificate: string, fingerprint: string): https.Agent {
  return new https.Agent({
    keepAlive: true,
    ca: [certificate],
    minVersion: 'TLSv1.3',
    // The certificate is pinned, not matched to a name: the server's address may change on the LAN.
    checkServerIdentity: (_host, cert) =>
      cert.fingerprint256 === fingerprint
        ? undefined
        : new CertificateMismatchError('Le serveur présente un autre certificat que celui de l’appairage.'),
  });
}

/** The TLS failures that mean "not the server this desk was paired with". */
export function isCertificateRefusal(error: unknown): boolean {
  if (error instanceof CertificateMismatchError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /CERT|SELF_SIGNED|SIGNATURE|UNABLE_TO_VERIFY|ISSUER/.test(code);
}
