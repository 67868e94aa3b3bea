import { request } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, ERROR_CODES, type MethodName } from '../../shared/api';
import { openTestApp, withStaff, type TestApp } from '../support/core';
import { startHttpTransport } from '../../electron/transport/http';
import { startHttp, type HttpHarness } from '../support/http-client';
import { nativeHandle } from '../../electron/db/data-source';

let app: TestApp;
let http: HttpHarness;

/**
 * Every row a call could write, as one comparable value: the row count of every table and the audit log's last hash
 * (every write leaves an audit entry in its own transaction, so a change anywhere moves it).
 */
function dataSnapshot(opened: TestApp): string {
  const db = nativeHandle(opened.core.db.dataSource);
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const counts = tables.map((t) => `${t}:${String(db.prepare(`SELECT COUNT(*) FROM "${t}"`).pluck().get())}`);
  const head = db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined;
  return `${counts.join(',')}|${head ?? ''}`;
}
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
  // Money: never a float, never NaN or infinite, never negative, never a string.
  { amount: Number.NaN },
  { amount: Number.POSITIVE_INFINITY, clientId: 1 },
  { amount: Number.NEGATIVE_INFINITY, clientId: 1 },
  { amount: -100, clientId: 1 },
  { amount: 100.5, clientId: 1 },
  { amount: 1e300, clientId: 1 },
  { amount: '100', clientId: 1 },
  { float: -1, desk: 'Guichet 1' },
  { float: 0.25, desk: 'Guichet 1' },
  // Odd strings: control characters, a lone surrogate, right-to-left overrides, a megabyte of emoji.
  { name: 'a\u0000b', firstName: '\ud800', lastName: '\u202eسارة' },
  { q: '😀'.repeat(250_000) },
  { file: '../../guichet.sqlite', location: 'primary' },
  { file: 'x.sqlite', location: 'primary', confirmation: 'RESTAURER ' },
  { secondFolder: 'C:'.repeat(300) },
  { __proto__: { admin: true }, constructor: 'x' },
];

/** Field names of the contract, given values no schema should take: the shapes fast-check assembles. */
const FIELDS = [
  'id',
  'clientId',
  'amount',
  'float',
  'quantity',
  'unitPrice',
  'vatRate',
  'page',
  'pageSize',
  'idempotencyKey',
  'username',
  'password',
  'desk',
  'lines',
  'details',
  'file',
  'location',
  'confirmation',
  'secondFolder',
  'from',
  'to',
  'q',
] as const;
const hostileValue = fc.oneof(
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1, -0.01, 0.5, 2 ** 60, -(2 ** 53)),
  fc.double(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', minLength: 5_000, maxLength: 20_000 }),
  fc.constantFrom('', ' ', '\u0000', '\u202e', '../..', '1e3', 'NaN', 'RESTAURER', 'primary', 'cash'),
  fc.constant(null),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.object({ maxDepth: 2 }),
);
const hostileShape = fc.dictionary(fc.constantFrom(...FIELDS), hostileValue, { minKeys: 1, maxKeys: 6 });

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
  // The registry tests before keep the event loop busy with microtasks: one real turn lets the HTTP client see that
  // the server closed its idle keep-alive connection, instead of writing a request into it.
  beforeAll(() => new Promise((resolve) => setTimeout(resolve, 50)));

  it('every method answers hostile inputs with a typed error and writes nothing', async () => {
    let cases = 0;
    for (const method of methods) {
      for (const input of hostile) {
        if (accepts(method, received(input))) continue;
        const before = dataSnapshot(app);
        const result = await call('admin', method, input);
        expect(result, `${method} ${toJson(input)?.slice(0, 80) ?? ''}`).toMatchObject({
          ok: false,
          error: { code: 'VALIDATION' },
        });
        expect(dataSnapshot(app)).toBe(before);
        cases++;
      }
    }
    console.log(
      `bad input over ${_name}: ${cases} hostile cases (${methods.length} methods), each a typed error, no write`,
    );
    // Every method of the contract times some thirty inputs: over HTTP on a busy 2-core machine, past 30 s.
  }, 120_000);

  it('inputs shaped like the contract with hostile values (fast-check) never crash and never write unless valid', async () => {
    let refused = 0;
    let valid = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...methods), hostileShape, async (method, input) => {
        if (accepts(method, received(input)) || method.startsWith('auth.')) {
          valid++;
          return;
        }
        const before = dataSnapshot(app);
        const result = (await call('admin', method, input)) as { ok: boolean; error?: { code: string } };
        expect(result.ok).toBe(false);
        expect(result.error?.code).toBe('VALIDATION');
        expect(dataSnapshot(app)).toBe(before);
        refused++;
      }),
      { numRuns: 300, seed: 20261127 },
    );
    console.log(
      `bad input over ${_name}: ${refused} contract-shaped hostile inputs refused, ${valid} valid ones skipped`,
    );
  });

  it('random inputs (fast-check) never crash and never write unless valid', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...methods),
        fc.anything({ withNullPrototype: true, withObjectString: true }),
        async (method, input) => {
          if (accepts(method, received(input)) || method.startsWith('auth.')) return;
          const before = dataSnapshot(app);
          const result = (await call('admin', method, input)) as { ok: boolean; error?: { code: string } };
          expect(result.ok).toBe(false);
          expect(ERROR_CODES).toContain(result.error?.code);
          expect(dataSnapshot(app)).toBe(before);
        },
      ),
      { numRuns: 150, seed: 20261126 },
    );
    console.log(`bad input over ${_name}: 150 random inputs (fast-check), none crashed or wrote`);
  });
});

describe('amounts', () => {
  it('refuses NaN, infinite, negative, fractional and textual amounts on every money field, writing nothing', async () => {
    const client = await app.ok('cashier', 'clients.create', {
      kind: 'individual',
      firstName: 'Sara',
      lastName: 'Idrissi',
      phones: ['0661000001'],
    });
    const line = { kind: 'item', description: 'Prestation', quantity: 1000, unitPrice: 10_000, vatRate: 2000 };
    const valid: [MethodName, Record<string, unknown>, string][] = [
      [
        'payments.record',
        { idempotencyKey: 'amount-test-1', clientId: client.id, amount: 10_000, details: { method: 'cash' } },
        'amount',
      ],
      ['cash.open', { desk: 'Guichet 9', float: 10_000 }, 'float'],
      ['documents.saveDraft', { clientId: client.id, lines: [line] }, 'lines.0.unitPrice'],
      ['documents.saveDraft', { clientId: client.id, lines: [line] }, 'lines.0.quantity'],
    ];
    const bad = [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      -1,
      -10_000,
      0.5,
      99.99,
      1e300,
      '100',
      null,
    ];
    let cases = 0;
    for (const [method, input, field] of valid) {
      for (const value of bad) {
        const copy = structuredClone(input);
        const keys = field.split('.');
        let target: Record<string, unknown> = copy;
        for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
        target[keys[keys.length - 1] ?? ''] = value;
        const before = dataSnapshot(app);
        const result = await viaRegistry('admin', method, copy);
        expect(result, `${method} ${field}=${String(value)}`).toMatchObject({
          ok: false,
          error: { code: 'VALIDATION' },
        });
        expect(dataSnapshot(app)).toBe(before);
        cases++;
      }
    }
    console.log(`bad input: ${cases} hostile amounts refused on ${valid.length} money fields, no write`);
  });
});

describe('odd characters and exchange rates', () => {
  it('strips control characters and bidi overrides from free text before it is stored, over both transports', async () => {
    const hostileText = 'Sa\u0000ra\u0001\u007f \u202eIdrissi\u2066';
    const created = await app.ok('cashier', 'clients.create', {
      kind: 'individual',
      firstName: hostileText,
      lastName: '\u202bالعلوي\u202c',
      address: 'Rue 1\u0000\nAppartement 2',
      phones: ['0661000002'],
    });
    expect(created).toMatchObject({ firstName: 'Sara Idrissi', lastName: 'العلوي', address: 'Rue 1\nAppartement 2' });
    const overHttp = await http.post('clients.create', {
      kind: 'individual',
      firstName: '\u2067Nadia\u0008',
      lastName: 'Bennani\u202d',
      phones: ['0661000003'],
    });
    expect(overHttp.result).toMatchObject({ ok: true, value: { firstName: 'Nadia', lastName: 'Bennani' } });
    // Nothing but control characters is an empty field, refused like one.
    const before = dataSnapshot(app);
    expect(
      await viaRegistry('cashier', 'clients.create', {
        kind: 'individual',
        firstName: '\u0000\u202e',
        lastName: '\u0001',
        phones: ['0661000004'],
      }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(dataSnapshot(app)).toBe(before);
  });

  it('imports a CSV whose text carries NULs (UTF-16 read as bytes) and bidi overrides without them', async () => {
    const csv = 'Prénom;Nom;Téléphone\r\nM\u0000ehdi\u0000;\u202eAlaoui\u202c;0661000009\r\n';
    const mapping = { firstName: 0, lastName: 1, phone: 2 };
    expect(await app.ok('admin', 'clients.importCommit', { csv, mapping })).toEqual({ created: 1 });
    const [hit] = await app.ok('admin', 'clients.search', { q: 'Mehdi Alaoui' });
    expect(hit).toBeDefined();
    const imported = await app.ok('admin', 'clients.get', { id: hit?.id ?? 0 });
    expect(imported).toMatchObject({ firstName: 'Mehdi', lastName: 'Alaoui' });
  });

  it('refuses hostile exchange rates and reference rates, writing nothing', async () => {
    const client = await app.ok('cashier', 'clients.create', {
      kind: 'individual',
      firstName: 'Omar',
      lastName: 'Tazi',
      phones: ['0661000005'],
    });
    const transfer = { method: 'transfer', bank: 'Banque', reference: 'VIR-1', valueDate: '2026-11-25' };
    for (const rate of [0, -1, 0.5, Number.NaN, 1e12, '10,85', null]) {
      const before = dataSnapshot(app);
      const result = await viaRegistry('admin', 'payments.record', {
        idempotencyKey: 'rate-test-0001',
        clientId: client.id,
        amount: 100,
        details: transfer,
        allocations: [{ documentId: 1, amount: 100, rate }],
      });
      expect(result, `rate=${String(rate)}`).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(dataSnapshot(app)).toBe(before);
    }
    // A value date before 2000 or more than a year ahead is a slip of the keyboard.
    for (const valueDate of ['1926-11-25', '1999-12-31', '2062-11-25', '2026-02-30']) {
      const before = dataSnapshot(app);
      const result = await viaRegistry('admin', 'payments.record', {
        idempotencyKey: 'date-test-0001',
        clientId: client.id,
        amount: 100,
        details: { ...transfer, valueDate },
      });
      expect(result, valueDate).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { 'details.valueDate': expect.any(String) } },
      });
      expect(dataSnapshot(app)).toBe(before);
    }
    for (const reference of [
      { rate: 0 },
      { rate: 10_850_000, band: 5_000 },
      { rate: 10_850_000, band: -1 },
      { rate: 1.5 },
    ]) {
      const before = dataSnapshot(app);
      const result = await viaRegistry('admin', 'settings.savePaymentRules', { referenceRates: { EUR: reference } });
      expect(result, JSON.stringify(reference)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(dataSnapshot(app)).toBe(before);
    }
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
    console.log('bad input: 12 unknown method names refused (8 over the registry, 4 over HTTP)');
  });

  it('refuses every guarded method without a session, before reading the input', async () => {
    const before = dataSnapshot(app);
    for (const method of guarded) {
      expect(await viaRegistry('nobody', method, { id: 1 })).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHENTICATED' },
      });
    }
    expect(dataSnapshot(app)).toBe(before);
    console.log(`bad input: ${guarded.length} guarded methods refused without a session`);
  });

  it('refuses manager and admin methods to a cashier, over both transports', async () => {
    const cashierHttp = await startHttp(app);
    await cashierHttp.post('auth.login', { username: 'caissier', password: 'cashier-secret-1' });
    const before = dataSnapshot(app);
    for (const method of guarded.filter((m) => api[m].access !== 'cashier')) {
      expect(await viaRegistry('cashier', method, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect((await cashierHttp.post(method, {})).result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(dataSnapshot(app)).toBe(before);
    await cashierHttp.transport.close();
    const refused = guarded.filter((m) => api[m].access !== 'cashier').length;
    console.log(`bad input: ${refused} manager and admin methods refused to a cashier, over both transports`);
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

  it('gives a new token at login (no fixation), ignores a doubled cookie, and bounds the token table', async () => {
    const other = await startHttpTransport(app.core.registry, http.staticDir, 0, 50);
    try {
      const pageLoad = async (cookie = '') => {
        const response = await fetch(`${other.url}/`, { headers: cookie ? { cookie } : {} });
        return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      };
      const call = (cookie: string, method: string, body: unknown) =>
        fetch(`${other.url}/api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie, origin: other.url },
          body: JSON.stringify(body),
        });
      // A token the attacker got from the page and planted: the victim's login answers with another one.
      const planted = await pageLoad();
      const login = await call(planted, 'auth.login', { username: 'caissier', password: 'cashier-secret-1' });
      const fresh = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      expect(fresh).toMatch(/^guichet_token=[0-9a-f]{64}$/);
      expect(fresh).not.toBe(planted);
      expect((await call(planted, 'auth.status', {})).status).toBe(401);
      const status = (await (await call(fresh, 'auth.status', {})).json()) as { value: { session: unknown } };
      expect(status.value.session).toMatchObject({ user: { username: 'caissier' } });
      // Two cookies of the same name: neither is trusted.
      expect((await call(`${fresh}; ${planted}`, 'auth.status', {})).status).toBe(401);
      // Cookie-less page loads do not grow the table past its bound; the oldest tokens go first.
      const first = await pageLoad();
      for (let i = 0; i < 120; i++) await pageLoad();
      expect(other.tokenCount()).toBeLessThanOrEqual(50);
      expect((await call(first, 'auth.status', {})).status).toBe(401);
    } finally {
      await other.close();
    }
  });
});
