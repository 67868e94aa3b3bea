import { request } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, ERROR_CODES, type MethodName } from '../../shared/api';
import { openTestApp, withStaff, type TestApp } from '../support/core';
import { startHttp, type HttpHarness } from '../support/http-client';
import { dataSnapshot } from '../support/snapshot';

let app: TestApp;
let http: HttpHarness;
const methods = Object.keys(api) as MethodName[];
const guarded = methods.filter((m) => api[m].access !== 'public');

beforeAll(async () => {
  app = await openTestApp();
  await withStaff(app);
  http = await startHttp(app);
  // The web-mode browser logs in as the admin on its own channel.
  const login = await http.post('auth.login', { username: 'admin', password: 'admin-secret-1' });
  expect(login.result.ok).toBe(true);
});
afterAll(async () => {
  await http.transport.close();
  await app.close();
});

const hostile: unknown[] = [
  undefined,
  null,
  42,
  'text',
  [],
  [{}],
  { unexpected: true },
  { username: 'x'.repeat(1_000_000), password: 'y'.repeat(1_000_000) },
  { id: Number.NaN },
  { id: -1, password: 'long-enough-1' },
  { id: 1.5, displayName: 'A', role: 'cashier', active: true },
  { id: 1, displayName: 'A', role: 'superuser', active: true },
  { ice: '1'.repeat(16), name: 'A', legalForm: 'SARL', address: 'a', city: 'c' },
  { idleLockMinutes: Number.POSITIVE_INFINITY },
  { page: 0 },
  { pageSize: 1e9 },
  { from: '2026-13-45' },
];

/** Whether an input is one the method accepts: only those may write. */
const accepts = (method: MethodName, input: unknown) => api[method].input.safeParse(input).success;

type Caller = (channel: 'admin' | 'cashier' | 'nobody', method: string, input: unknown) => Promise<unknown>;
const viaRegistry: Caller = (channel, method, input) => app.core.registry.dispatch(channel, method, input);
/** JSON.stringify gives undefined for undefined and functions, whatever its declared type says. */
const toJson = (input: unknown) => JSON.stringify(input) as string | undefined;
const viaHttp: Caller = async (_channel, method, input) => (await http.post(method, toJson(input) ?? '')).result;
/** What the server receives: over HTTP the input goes through JSON (NaN becomes null, undefined keys vanish). */
const asSent = (input: unknown): unknown => {
  const json = toJson(input);
  return json === undefined ? undefined : JSON.parse(json);
};

describe.each([
  ['registry (IPC path)', viaRegistry, (input: unknown) => input],
  ['HTTP', viaHttp, asSent],
])('bad input over %s', (_name, call, received) => {
  it('every method answers hostile inputs with a typed error and writes nothing', async () => {
    let cases = 0;
    for (const method of methods) {
      for (const input of hostile) {
        if (accepts(method, received(input))) continue;
        const before = await dataSnapshot(app);
        const result = await call('admin', method, input);
        expect(result, `${method} ${toJson(input)?.slice(0, 80) ?? ''}`).toMatchObject({
          ok: false,
          error: { code: 'VALIDATION' },
        });
        expect(await dataSnapshot(app)).toBe(before);
        cases++;
      }
    }
    console.log(`bad input: ${cases} hostile cases checked`);
  });

  it('random inputs (fast-check) never crash and never write unless valid', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...methods),
        fc.anything({ withNullPrototype: true, withObjectString: true }),
        async (method, input) => {
          if (accepts(method, received(input)) || method.startsWith('auth.')) return;
          const before = await dataSnapshot(app);
          const result = (await call('admin', method, input)) as { ok: boolean; error?: { code: string } };
          expect(result.ok).toBe(false);
          expect(ERROR_CODES).toContain(result.error?.code);
          expect(await dataSnapshot(app)).toBe(before);
        },
      ),
      { numRuns: 150, seed: 20261126 },
    );
  });
});

describe('unknown methods, missing session, wrong role', () => {
  it('refuses unknown method names, including inherited object keys', async () => {
    for (const name of ['nope', 'auth.nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 42, null]) {
      expect(await viaRegistry('admin', name as string, {})).toMatchObject({
        ok: false,
        error: { code: 'UNKNOWN_METHOD' },
      });
    }
    for (const name of ['nope', '__proto__', 'constructor', 'auth.nope']) {
      expect(await viaHttp('admin', name, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it('refuses every guarded method without a session, before reading the input', async () => {
    const before = await dataSnapshot(app);
    for (const method of guarded) {
      expect(await viaRegistry('nobody', method, { id: 1 })).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHENTICATED' },
      });
    }
    expect(await dataSnapshot(app)).toBe(before);
  });

  it('refuses manager and admin methods to a cashier, over both transports', async () => {
    const cashierHttp = await startHttp(app);
    await cashierHttp.post('auth.login', { username: 'caissier', password: 'cashier-secret-1' });
    const before = await dataSnapshot(app);
    for (const method of guarded.filter((m) => api[m].access !== 'cashier')) {
      expect(await viaRegistry('cashier', method, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect((await cashierHttp.post(method, {})).result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await dataSnapshot(app)).toBe(before);
    await cashierHttp.transport.close();
  });
});

/** A GET with the path and headers exactly as given (fetch would normalise them). */
function rawGet(pathname: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: http.transport.port, path: pathname, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('HTTP transport guards', () => {
  it('refuses a request without the page cookie', async () => {
    const response = await fetch(`${http.transport.url}/api/auth.status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses another origin and another host', async () => {
    expect((await http.post('auth.status', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect(await rawGet('/', { host: 'evil.example' })).toBe(403);
    expect(await rawGet('/', { host: `localhost:${http.transport.port}` })).toBe(200);
  });

  it('refuses non-JSON and malformed bodies with a typed error', async () => {
    const notJson = await http.post('auth.status', '{}', { 'content-type': 'text/plain' });
    expect(notJson.status).toBe(415);
    const malformed = await http.post('auth.status', '{"a":');
    expect(malformed).toMatchObject({ status: 400, result: { ok: false, error: { code: 'VALIDATION' } } });
  });

  it('refuses a body over 4 MB', async () => {
    const huge = await http.post('settings.saveCompany', { name: 'x'.repeat(5 * 1024 * 1024) });
    expect(huge.status).toBe(413);
  });

  it('serves only GET for pages and never leaves the static folder', async () => {
    const post = await fetch(`${http.transport.url}/index.html`, { method: 'POST' });
    expect(post.status).toBe(405);
    for (const attempt of [
      '/..%2f..%2fetc%2fpasswd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/../../etc/passwd',
      '/..%5c..%5cetc%5cpasswd',
      '/%00',
    ]) {
      expect(await rawGet(attempt), attempt).toBe(404);
    }
  });
});
