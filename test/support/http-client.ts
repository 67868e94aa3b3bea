import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiResult } from '../../shared/api';
import { startHttpTransport, type HttpTransport } from '../../electron/transport/http';
import type { TestApp } from './core';

export interface HttpHarness {
  transport: HttpTransport;
  /** The static folder served (one index.html), for a second transport in a test. */
  staticDir: string;
  /** The web-mode cookie a browser gets by loading the page, renewed by a login. */
  readonly cookie: string;
  post(
    method: string,
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; result: ApiResult<unknown> }>;
}

/** Serves the app's handlers over the real HTTP transport, with a one-file static folder, and loads the page once. */
export async function startHttp(app: TestApp): Promise<HttpHarness> {
  const staticDir = mkdtempSync(path.join(os.tmpdir(), 'guichet-static-'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Guichet</title>');
  const transport = await startHttpTransport(app.core.registry, staticDir, 0);
  const page = await fetch(`${transport.url}/`);
  const cookieOf = (response: Response) => (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  let cookie = cookieOf(page);
  return {
    transport,
    staticDir,
    get cookie() {
      return cookie;
    },
    async post(method, body, headers = {}) {
      const response = await fetch(`${transport.url}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, origin: transport.url, ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      // Like a browser: a login answers with a new token.
      if (response.headers.get('set-cookie')) cookie = cookieOf(response);
      return { status: response.status, result: (await response.json()) as ApiResult<unknown> };
    },
  };
}
