import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { mimeType, resolveInside } from './static-files';

/** The renderer is served from app://guichet/, never from file:// (which grants extra privileges to any local page). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'guichet';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True for URLs of our own pages; everything else is foreign (navigation, IPC senders). */
export function isAppUrl(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`);
}

/**
 * Defence in depth beside the meta CSP of index.html: a page gets the intersection of both. Styles allow inline for
 * Mantine's style attributes; scripts never get 'unsafe-inline' or 'unsafe-eval'.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  // The PDF preview of a document: a blob: URL made by the renderer from the bytes the main process sent.
  'frame-src blob:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const BASE_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

function textResponse(status: number, body: string, extra: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extra },
  });
}

export interface AppRequest {
  method: string;
  url: string;
}

/**
 * The app:// handler without Electron: GET and HEAD only, host `guichet` only, files under root only (resolveInside
 * refuses ../, encoded separators and NUL), and a 404 for anything missing.
 */
export async function serveAppRequest(request: AppRequest, root: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return textResponse(405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
  }
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return textResponse(400, 'Bad Request');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '') {
    return textResponse(404, 'Not Found');
  }
  const file = resolveInside(root, url.pathname);
  if (!file) return textResponse(404, 'Not Found');
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch {
    return textResponse(404, 'Not Found');
  }
  const type = mimeType(file);
  const headers: Record<string, string> = { ...BASE_HEADERS, 'Content-Type': type };
  if (type.startsWith('text/html')) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(content), { status: 200, headers });
}

/** Must run before the app is ready: a standard, secure scheme gets an origin, fetch and a secure context. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** After ready: serves the built renderer (dist/renderer) on app://guichet/. */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, rendererDir));
}
