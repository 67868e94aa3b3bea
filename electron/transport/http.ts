import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiResult } from '../../shared/api';
import type { Registry } from '../api/registry';
import { mimeType, resolveInside } from '../static-files';

/** The web mode: the same handlers over HTTP, on 127.0.0.1 only, for development and browser end-to-end tests. */

const COOKIE = 'guichet_token';
const MAX_BODY_BYTES = 4 * 1024 * 1024;
const API_PREFIX = '/api/';

export interface HttpTransport {
  url: string;
  port: number;
  /** How many page tokens are held: bounded, whatever the number of page loads. */
  tokenCount(): number;
  close(): Promise<void>;
}

/** Tokens held at most (the least recently used go first), and how long an unused one lives: a working day. */
export const MAX_TOKENS = 1_000;
const TOKEN_IDLE_MS = 12 * 60 * 60_000;
/** The calls that open a session: they get a fresh token, so that a token planted before the login opens nothing. */
const OPENS_SESSION = new Set(['auth.login', 'auth.setupAdmin']);

/** The page tokens, least recently used first; a token unused for a working day is forgotten with its session. */
class TokenTable {
  private readonly lastUse = new Map<string, number>();

  constructor(private readonly max: number) {}

  get size(): number {
    return this.lastUse.size;
  }

  issue(now: number): string {
    const token = randomBytes(32).toString('hex');
    this.lastUse.set(token, now);
    while (this.lastUse.size > this.max) {
      const oldest = this.lastUse.keys().next().value;
      if (oldest === undefined) break;
      this.lastUse.delete(oldest);
    }
    return token;
  }

  /** Whether the token is live; a live one moves to the most recent end. */
  use(token: string | null, now: number): token is string {
    if (token === null) return false;
    const last = this.lastUse.get(token);
    if (last === undefined) return false;
    this.lastUse.delete(token);
    if (now - last > TOKEN_IDLE_MS) return false;
    this.lastUse.set(token, now);
    return true;
  }

  revoke(token: string): void {
    this.lastUse.delete(token);
  }
}

const tokenCookie = (token: string) => `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;

/** The cookie's value; null when absent or sent twice (a planted second cookie must not pick the session). */
function readCookie(header: string | undefined, name: string): string | null {
  const values: string[] = [];
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) values.push(rest.join('='));
  }
  return values.length === 1 ? (values[0] ?? null) : null;
}

function send(
  res: http.ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  extra: Record<string, string> = {},
): 'sent' {
  res.writeHead(status, {
    'Content-Type': type,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(body);
  return 'sent';
}

function sendResult(res: http.ServerResponse, status: number, result: ApiResult<unknown>): 'sent' {
  return send(res, status, JSON.stringify(result), 'application/json; charset=utf-8');
}

const transportError = (code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'VALIDATION', message: string): ApiResult<unknown> => ({
  ok: false,
  error: { code, message },
});

async function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export function startHttpTransport(
  registry: Pick<Registry, 'dispatch'>,
  staticDir: string,
  port: number,
  maxTokens = MAX_TOKENS,
): Promise<HttpTransport> {
  const tokens = new TokenTable(maxTokens);
  let allowedHosts = new Set<string>();

  async function serveApi(req: http.IncomingMessage, res: http.ServerResponse, methodName: string): Promise<'sent'> {
    if (req.method !== 'POST') return sendResult(res, 405, transportError('FORBIDDEN', 'Méthode HTTP non permise.'));
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
      return sendResult(res, 403, transportError('FORBIDDEN', 'Origine refusée.'));
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendResult(res, 415, transportError('VALIDATION', 'Contenu JSON attendu.'));
    }
    const token = readCookie(req.headers.cookie, COOKIE);
    if (!tokens.use(token, Date.now())) {
      return sendResult(res, 401, transportError('UNAUTHENTICATED', 'Session web inconnue : rechargez la page.'));
    }
    const body = await readBody(req);
    if (!body) return sendResult(res, 413, transportError('VALIDATION', 'Requête trop volumineuse.'));
    let input: unknown;
    try {
      input = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
    } catch {
      return sendResult(res, 400, transportError('VALIDATION', 'JSON invalide.'));
    }
    if (OPENS_SESSION.has(methodName)) {
      // A login gets a token of its own (no fixation): the one the page held is forgotten.
      const fresh = tokens.issue(Date.now());
      const result = await registry.dispatch(`http:${fresh}`, methodName, input);
      if (!result.ok) {
        tokens.revoke(fresh);
        return sendResult(res, 200, result);
      }
      tokens.revoke(token);
      return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8', {
        'Set-Cookie': tokenCookie(fresh),
      });
    }
    return sendResult(res, 200, await registry.dispatch(`http:${token}`, methodName, input));
  }

  async function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<'sent'> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method Not Allowed', 'text/plain');
    const file = resolveInside(staticDir, pathname);
    if (!file) return send(res, 404, 'Not Found', 'text/plain');
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      return send(res, 404, 'Not Found', 'text/plain');
    }
    const extra: Record<string, string> = {};
    if (file.endsWith('index.html')) {
      // The page gets the token that opens the API; HttpOnly and SameSite=Strict keep it from scripts and other sites.
      let token = readCookie(req.headers.cookie, COOKIE);
      if (!tokens.use(token, Date.now())) token = tokens.issue(Date.now());
      extra['Set-Cookie'] = tokenCookie(token);
    }
    return send(res, 200, req.method === 'HEAD' ? Buffer.alloc(0) : content, mimeType(file), extra);
  }

  const server = http.createServer((req, res) => {
    // A page on another site that resolves its name to 127.0.0.1 (DNS rebinding) still sends its own Host: refuse it.
    if (!allowedHosts.has(req.headers.host ?? '')) return send(res, 403, 'Forbidden host', 'text/plain');
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const work = pathname.startsWith(API_PREFIX)
      ? serveApi(req, res, pathname.slice(API_PREFIX.length))
      : serveStatic(req, res, pathname);
    work.catch((error: unknown) => {
      console.error('HTTP transport error', error);
      if (!res.headersSent) send(res, 500, 'Internal error', 'text/plain');
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const actual = (server.address() as AddressInfo).port;
      allowedHosts = new Set([`127.0.0.1:${actual}`, `localhost:${actual}`]);
      resolve({
        url: `http://127.0.0.1:${actual}`,
        port: actual,
        tokenCount: () => tokens.size,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
