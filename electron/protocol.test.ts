import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL, handleAppProtocol, registerAppScheme, serveAppRequest } from './protocol';

// A temp tree: <tmp>/renderer is served; <tmp>/secret.txt and <tmp>/renderer-other/secret.txt sit just outside it.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'guichet-protocol-'));
const root = path.join(tmp, 'renderer');
const SECRET = 'mot de passe de la base';

beforeAll(() => {
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Guichet</title>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log("guichet")');
  writeFileSync(path.join(root, 'assets', 'app.css'), 'body{}');
  writeFileSync(path.join(tmp, 'secret.txt'), SECRET);
  mkdirSync(path.join(tmp, 'renderer-other'));
  writeFileSync(path.join(tmp, 'renderer-other', 'secret.txt'), SECRET);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => serveAppRequest({ method, url }, root);

describe('app:// protocol', () => {
  it('serves index.html for / and by name, with its type and security headers', async () => {
    for (const url of ['app://guichet/', APP_ENTRY_URL]) {
      const res = await get(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-eval');
      expect(await res.text()).toContain('<title>Guichet</title>');
    }
  });

  it('serves assets with the right mime type and ignores the query string', async () => {
    const js = await get('app://guichet/assets/app.js?v=3');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log("guichet")');
    expect((await get('app://guichet/assets/app.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers HEAD without a body', async () => {
    const res = await get('app://guichet/assets/app.js', 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe('');
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('refuses %s with 405', async (method) => {
    const res = await get(APP_ENTRY_URL, method);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(await res.text()).not.toContain('Guichet</title>');
  });

  it.each([
    'app://evil/index.html',
    'app://guichet.evil/index.html',
    'app://guichet:8080/index.html',
    'app://user:pass@guichet/index.html',
    'https://guichet/index.html',
    'file:///index.html',
    'not a url',
  ])('refuses a foreign origin: %s', async (url) => {
    const res = await get(url);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await res.text()).not.toContain('Guichet</title>');
  });

  it.each([
    'app://guichet/../secret.txt',
    'app://guichet/%2e%2e/secret.txt',
    'app://guichet/..%2Fsecret.txt',
    'app://guichet/%2e%2e%2fsecret.txt',
    'app://guichet/assets/..%2F..%2Fsecret.txt',
    'app://guichet/..%5Csecret.txt',
    'app://guichet/..%2Frenderer-other%2Fsecret.txt',
    'app://guichet/%2Fsecret.txt',
    `app://guichet/${encodeURIComponent(path.join(tmp, 'secret.txt'))}`,
    'app://guichet/index.html%00.js',
  ])('never leaves the renderer folder: %s', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain(SECRET);
  });

  it('answers 404 for a missing file or a folder', async () => {
    expect((await get('app://guichet/nope.js')).status).toBe(404);
    expect((await get('app://guichet/assets/')).status).toBe(404);
  });

  it('registers a standard, secure scheme with fetch and delegates the handler to the renderer folder', async () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    expect(registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);

    let handler: ((request: Request) => Response | Promise<Response>) | undefined;
    handleAppProtocol(
      {
        handle: (scheme, fn) => {
          expect(scheme).toBe('app');
          handler = fn;
        },
      },
      root,
    );
    const res = await handler?.(new Request('app://guichet/assets/app.js'));
    expect(res?.status).toBe(200);
    expect(await res?.text()).toBe('console.log("guichet")');
    expect((await handler?.(new Request('app://guichet/../secret.txt')))?.status).toBe(404);
  });
});
