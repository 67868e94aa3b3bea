import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiResult, Input, MethodName, Output } from '../../shared/api';
import { ManualClock } from '../../electron/clock';
import type { Core } from '../../electron/core';
import { AppHost } from '../../electron/modules/backup/host';
import { START, type TestApp } from './core';

export interface HostApp extends TestApp {
  host: AppHost;
}

/**
 * The app as the desktop and web entry points run it: through the host that checks the database at start-up and can
 * restore or recover it. A TestApp whose `core` is the one open now (a restore replaces it).
 */
export async function openHostApp(
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'guichet-host-')),
  clock = new ManualClock(START),
): Promise<HostApp> {
  const host = await AppHost.start({ dataDir, clock, log: () => undefined, schedule: false });
  await host.startupCheck;
  const call = async <M extends MethodName>(channel: string, method: M, input: Input<M>) =>
    (await host.dispatch(channel, method, input)) as ApiResult<Output<M>>;
  return {
    host,
    get core(): Core {
      const core = host.core;
      if (!core) throw new Error(`No open core: ${host.runtime.health.problem ?? ''}`);
      return core;
    },
    clock,
    dataDir,
    call,
    async ok(channel, method, input) {
      const result = await call(channel, method, input);
      if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
      return result.value;
    },
    async close() {
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
