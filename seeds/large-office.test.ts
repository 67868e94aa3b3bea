import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { ClientHit } from '../shared/api';
import { clientInputSchema } from '../shared/client';
import { nativeHandle } from '../electron/db/data-source';
import { openTestApp } from '../test/support/core';
import { BENCH_USER, ensureLargeOffice, readLargeOfficeInfo } from './large-office';

const root = mkdtempSync(path.join(os.tmpdir(), 'guichet-large-office-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Sample {
  id: number;
  code: string;
  first_name: string;
  last_name: string;
  display: string;
}

it('generates the office once through the real migrations, its clients valid and found like the app’s own', async () => {
  const lines: string[] = [];
  const options = { clients: 400, cacheRoot: root, log: (line: string) => lines.push(line) };
  const dir = await ensureLargeOffice(options);
  expect(readLargeOfficeInfo(dir)?.rows).toMatchObject({ users: 1, clients: 400 });
  expect(await ensureLargeOffice(options)).toBe(dir);
  expect(lines.filter((l) => l.startsWith('Generating'))).toHaveLength(1);

  const app = await openTestApp(dir);
  try {
    await app.ok('bench', 'auth.login', { username: BENCH_USER.username, password: BENCH_USER.password });
    const db = nativeHandle(app.core.db.dataSource);
    const samples = db
      .prepare<[], Sample>(
        `SELECT c.id, c.code, c.first_name, c.last_name, p.display FROM clients c
         JOIN client_phones p ON p.client_id = c.id AND p.position = 0 WHERE c.kind = 'individual' ORDER BY c.id`,
      )
      .all();
    const arabic = samples.find((s) => /[\u0600-\u06ff]/.test(s.last_name));
    expect(arabic).toBeDefined();

    for (const s of [...samples.slice(0, 5), arabic!]) {
      const {
        id: _id,
        code: _c,
        displayName: _d,
        status: _s,
        createdAt: _a,
        updatedAt: _u,
        consentAt: _ca,
        anonymizedAt: _n,
        phones,
        ...fields
      } = await app.ok('bench', 'clients.get', { id: s.id });
      expect(clientInputSchema.safeParse({ ...fields, phones: phones.map((p) => p.display) }).success).toBe(true);
      for (const q of [s.display, `${s.first_name} ${s.last_name}`, s.code]) {
        const hits: ClientHit[] = await app.ok('bench', 'clients.search', { q, limit: 50 });
        expect(
          hits.map((h) => h.id),
          q,
        ).toContain(s.id);
      }
    }
    const next = await app.ok('bench', 'clients.create', {
      kind: 'individual',
      firstName: 'Amal',
      lastName: 'Tazi',
      emails: ['amal.tazi@example.ma'],
    });
    expect(next.code).toBe('CL-000401');
  } finally {
    await app.core.close();
  }
});
