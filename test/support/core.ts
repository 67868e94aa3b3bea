import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiResult, Input, MethodName, Output } from '../../shared/api';
import { ManualClock } from '../../electron/clock';
import { openCore, type Core } from '../../electron/core';
import type { OfficeIdentity } from '../../electron/modules/desks/service';
import type { DeskPrinter } from '../../electron/modules/printing/printer';

export const START = new Date('2026-11-26T09:00:00Z');

export interface TestApp {
  core: Core;
  clock: ManualClock;
  dataDir: string;
  /** Calls a method as the given channel and returns the raw result value. */
  call<M extends MethodName>(channel: string, method: M, input: Input<M>): Promise<ApiResult<Output<M>>>;
  /** Calls and unwraps, failing the test on an error value. */
  ok<M extends MethodName>(channel: string, method: M, input: Input<M>): Promise<Output<M>>;
  close(): Promise<void>;
}

/**
 * A real database in a temp folder, built by the real migrations, with a clock the test controls; `office` makes it an
 * office server's (it then gives pairing codes), `printer` gives it the desk's printers.
 */
export async function openTestApp(
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'guichet-test-')),
  { office, printer }: { office?: OfficeIdentity; printer?: DeskPrinter } = {},
): Promise<TestApp> {
  const clock = new ManualClock(START);
  const core = await openCore({ dataDir, clock, log: () => undefined, office, printer });
  const call = async <M extends MethodName>(channel: string, method: M, input: Input<M>) =>
    (await app.core.registry.dispatch(channel, method, input)) as ApiResult<Output<M>>;
  const app: TestApp = {
    core,
    clock,
    dataDir,
    call,
    async ok(channel, method, input) {
      const result = await call(channel, method, input);
      if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
      return result.value;
    },
    async close() {
      await app.core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return app;
}

/** Creates the first admin on channel "admin" and, if asked, a cashier and a manager logged in on their own channels. */
export async function withStaff(app: TestApp): Promise<void> {
  await app.ok('admin', 'auth.setupAdmin', {
    username: 'admin',
    displayName: 'Amina Admin',
    password: 'admin-secret-1',
  });
  await app.ok('admin', 'staff.create', {
    username: 'caissier',
    displayName: 'Karim Caissier',
    role: 'cashier',
    password: 'cashier-secret-1',
  });
  await app.ok('admin', 'staff.create', {
    username: 'gerant',
    displayName: 'Salma Gérante',
    role: 'manager',
    password: 'manager-secret-1',
  });
  await app.ok('cashier', 'auth.login', { username: 'caissier', password: 'cashier-secret-1' });
  await app.ok('manager', 'auth.login', { username: 'gerant', password: 'manager-secret-1' });
}
