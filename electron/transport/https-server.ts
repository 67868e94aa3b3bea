import https from 'node:https';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isMethodName, type ApiResult, type ErrorCode } from '../../shared/api';
import { CONTRACT_VERSION, pairRequestSchema } from '../../shared/api/desks';
import type { Core } from '../core';
import { AppError } from '../errors';
import type { OfficeCertificate } from '../office/certificate';
import { withDeskName } from '../office/desk-input';
import { OFFICE_HEADERS, OFFICE_PATHS, versionMismatch, type OfficeHello } from '../office/protocol';

/**
 * The office server's transport (issue 18): the same registry as the desktop and web modes, over HTTPS (TLS 1.3 only)
 * on the LAN, for paired desks only. Every contract call carries the desk's credential, checked against the database on
 * each call (a revoked desk is refused at its next one); the desk's name becomes the actor's desk in the audit log and
 * the cash drawer of the call. Browsers never talk to it directly (a request with an Origin is refused): a desk's own
 * local web server or main process does.
 */

const MAX_BODY_BYTES = 4 * 1024 * 1024;
const SESSION_ID = /^[A-Za-z0-9_-]{1,128}$/;

export interface OfficeHost {
  readonly core: Core | null;
  dispatch(channel: string, name: unknown, input: unknown, desk?: string): Promise<ApiResult<unknown>>;
}

export interface OfficeServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const refusal = (code: ErrorCode, message: string): ApiResult<unknown> => ({ ok: false, error: { code, message } });

function answer(res: http.ServerResponse, status: number, body: unknown): 'sent' {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    [OFFICE_HEADERS.contract]: String(CONTRACT_VERSION),
  });
  res.end(JSON.stringify(body));
  return 'sent';
}

async function readJson(req: http.IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return { ok: false };
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return { ok: true, value: text.length === 0 ? undefined : (JSON.parse(text) as unknown) };
  } catch {
    return { ok: false };
  }
}

const header = (req: http.IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

export function startOfficeServer(
  host: OfficeHost,
  options: { host: string; port: number; tls: OfficeCertificate },
): Promise<OfficeServer> {
  async function pair(req: http.IncomingMessage, res: http.ServerResponse): Promise<'sent'> {
    const body = await readJson(req);
    const parsed = pairRequestSchema.safeParse(body.ok ? body.value : null);
    if (!parsed.success) return answer(res, 400, refusal('VALIDATION', "Code d'appairage ou nom de poste invalide."));
    const desks = host.core?.desks;
    if (!desks) return answer(res, 503, refusal('UNAVAILABLE', 'Le serveur du bureau est en cours de restauration.'));
    try {
      return answer(res, 200, { ok: true, value: await desks.pair(parsed.data.code, parsed.data.name) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return answer(res, error.code === 'DESK_REFUSED' ? 403 : 409, { ok: false, error: error.toApiError() });
    }
  }

  async function call(req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<'sent'> {
    const credential = header(req, OFFICE_HEADERS.credential);
    const desks = host.core?.desks;
    // The desk's credential is checked against the database; in recovery (no open database) only a restore can help.
    const desk = credential && desks ? desks.authenticate(credential) : null;
    if (!desk) {
      if (credential && !desks) {
        return answer(res, 503, refusal('UNAVAILABLE', 'Le serveur du bureau est en cours de restauration.'));
      }
      return answer(res, 401, refusal('DESK_REFUSED', "Ce poste n'est pas appairé à ce serveur, ou il a été révoqué."));
    }
    const session = header(req, OFFICE_HEADERS.session) ?? '';
    if (!SESSION_ID.test(session)) return answer(res, 400, refusal('VALIDATION', 'Session du poste invalide.'));
    const body = await readJson(req);
    if (!body.ok) return answer(res, 400, refusal('VALIDATION', 'JSON invalide ou trop volumineux.'));
    const input = isMethodName(name) ? withDeskName(name, body.value, desk.name) : body.value;
    return answer(res, 200, await host.dispatch(`desk:${desk.id}:${session}`, name, input, desk.name));
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<'sent'> {
    const pathname = new URL(req.url ?? '/', 'https://office.invalid').pathname;
    if (req.method === 'GET' && pathname === OFFICE_PATHS.hello) {
      const hello: OfficeHello = { app: 'guichet-office', contractVersion: CONTRACT_VERSION };
      return answer(res, 200, hello);
    }
    if (req.method !== 'POST') return answer(res, 405, refusal('FORBIDDEN', 'Méthode HTTP non permise.'));
    // Only desks call this server, never a page in a browser.
    if (req.headers.origin !== undefined) return answer(res, 403, refusal('FORBIDDEN', 'Origine refusée.'));
    if (!(header(req, 'content-type') ?? '').startsWith('application/json')) {
      return answer(res, 415, refusal('VALIDATION', 'Contenu JSON attendu.'));
    }
    const deskVersion = Number(header(req, OFFICE_HEADERS.contract));
    const mismatch = versionMismatch(deskVersion, CONTRACT_VERSION, 'desk');
    if (mismatch) return answer(res, 409, refusal('INCOMPATIBLE_VERSION', mismatch));
    if (pathname === OFFICE_PATHS.pair) return pair(req, res);
    if (pathname.startsWith(OFFICE_PATHS.api)) return call(req, res, pathname.slice(OFFICE_PATHS.api.length));
    return answer(res, 404, refusal('UNKNOWN_METHOD', 'Adresse inconnue.'));
  }

  const server = https.createServer(
    { key: options.tls.key, cert: options.tls.cert, minVersion: 'TLSv1.3' },
    (req, res) => {
      route(req, res).catch((error: unknown) => {
        console.error('Office server error', error);
        if (!res.headersSent) answer(res, 500, refusal('INTERNAL', 'Erreur interne du serveur du bureau.'));
      });
    },
  );

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const actual = (server.address() as AddressInfo).port;
      const shown = options.host.includes(':') ? `[${options.host}]` : options.host;
      resolve({
        url: `https://${shown}:${actual}`,
        port: actual,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
