import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiResult, Input, MethodName, Output } from '../../shared/api';
import type { Clock } from '../../electron/clock';
import { openCore, type Core } from '../../electron/core';
import { DATABASE_FILE } from '../../electron/db/data-source';
import { BENCH_USER, LARGE_OFFICE_END } from '../../seeds/large-office';

/**
 * The large office's "today", walking in real time from an hour after its last payment: renewals, cash sessions and
 * invoice dates are those of the data set's last day, whatever the machine's date.
 */
export function officeClock(): Clock {
  const start = performance.now();
  const base = LARGE_OFFICE_END.getTime() + 3_600_000;
  return { now: () => new Date(base + Math.floor(performance.now() - start)) };
}

/** A writable copy of a generated office in a temp folder: a bench that writes never touches the cache. */
export function copyOffice(dataDir: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'guichet-bench-copy-'));
  for (const suffix of ['', '-wal']) {
    const file = path.join(dataDir, DATABASE_FILE + suffix);
    if (existsSync(file)) copyFileSync(file, path.join(dir, DATABASE_FILE + suffix));
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Calls a method as the renderer does (through the registry), unwrapping the result value. */
export async function call<M extends MethodName>(
  core: Core,
  channel: string,
  method: M,
  input: Input<M>,
): Promise<Output<M>> {
  const result = (await core.registry.dispatch(channel, method, input)) as ApiResult<Output<M>>;
  if (!result.ok) throw new Error(`${method}: ${result.error.message} ${JSON.stringify(result.error.fields ?? {})}`);
  return result.value;
}

/** The app on a copy of the office, logged in as the bench user on `channel`. */
export async function openOfficeCopy(
  dataDir: string,
  channel: string,
): Promise<{ core: Core; clock: Clock; remove: () => void }> {
  const copy = copyOffice(dataDir);
  try {
    const clock = officeClock();
    const core = await openCore({ dataDir: copy.dir, clock, log: () => undefined, backupBeforeMigrating: false });
    await call(core, channel, 'auth.login', { username: BENCH_USER.username, password: BENCH_USER.password });
    return { core, clock, remove: copy.remove };
  } catch (error) {
    copy.remove();
    throw error;
  }
}

/**
 * Lets the bench wait for the work the app does after answering (an invoice's PDF sealed after its payment): each
 * timed call then starts on a quiet process, as the counter's next payment does seconds later.
 */
export function trackBackground(core: Core): () => Promise<void> {
  const pending = new Set<Promise<unknown>>();
  const background = core.db.background.bind(core.db);
  core.db.background = (label, task, log) =>
    background(
      label,
      () => {
        const run = task();
        const done = () => pending.delete(run);
        pending.add(run);
        run.then(done, done);
        return run;
      },
      log,
    );
  return async () => {
    while (pending.size > 0) await Promise.allSettled([...pending]);
  };
}
