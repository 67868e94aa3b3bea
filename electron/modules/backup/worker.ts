import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Sqlite from 'better-sqlite3';
import { sqliteBinding } from '../../db/sqlite-binding';
import { runSqliteTask, type SqliteTask, type SqliteTaskResult } from './sqlite-task';

/** An error raised by the task itself (SQLite or the file system), with its code (SQLITE_FULL, ENOSPC, EROFS…). */
export class SqliteTaskError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'SqliteTaskError';
  }
}

/**
 * `lost`: the worker could not do the task at all (its code lacks a name, or it cannot load the SQLite addon: in the
 * packaged app a worker may not resolve modules inside app.asar), as opposed to the task's own failure.
 */
type Reply = { ok: true; value: SqliteTaskResult } | { ok: false; message: string; code?: string; lost: boolean };

// The worker's whole program: the task function as text, run once on the task it is given, answering one message.
// `__name` is the helper esbuild adds around named functions when it keeps names (tsx does): a no-op here.
const WORKER_SOURCE = `
const __name = (target) => target;
const { parentPort, workerData } = require('node:worker_threads');
const { createRequire } = require('node:module');
const run = (${runSqliteTask.toString()});
let load;
try {
  const resolve = createRequire(workerData.anchor);
  const Sqlite = resolve('better-sqlite3');
  new Sqlite(':memory:', workerData.binding ? { nativeBinding: workerData.binding } : {}).close();
  load = (id) => (id === 'better-sqlite3' ? Sqlite : resolve(id));
} catch (error) {
  parentPort.postMessage({ ok: false, message: 'SQLite addon: ' + String(error && error.message), lost: true });
}
if (load) try {
  parentPort.postMessage({ ok: true, value: run(load, workerData.task, workerData.binding) });
} catch (error) {
  const lost = error instanceof ReferenceError;
  parentPort.postMessage({ ok: false, message: String(error && error.message), code: error && error.code, lost });
}`;

/** A file the worker resolves better-sqlite3 from: this bundle (dist/main/*.cjs, inside app.asar when packaged). */
function resolutionAnchor(): string {
  return typeof __filename === 'string' ? __filename : path.join(process.cwd(), 'package.json');
}

function inProcess(task: SqliteTask): SqliteTaskResult {
  try {
    return runSqliteTask((id) => (id === 'better-sqlite3' ? Sqlite : fs), task, sqliteBinding());
  } catch (error) {
    const e = error as { message?: string; code?: string };
    throw new SqliteTaskError(String(e.message), e.code);
  }
}

/** Anchors whose worker could not work: their tasks run in the main thread from then on. */
const workersUnavailable = new Set<string>();

/**
 * Runs a task in a fresh worker thread. Should the worker itself fail to start (a packaging problem, not the task's
 * failure), the task runs here instead: slower for the counter, but the backup is still made.
 */
export function runInWorker(
  task: SqliteTask,
  log: (message: string) => void = console.error,
  anchor: string = resolutionAnchor(),
): Promise<SqliteTaskResult> {
  if (workersUnavailable.has(anchor)) return Promise.resolve().then(() => inProcess(task));
  return new Promise((resolve, reject) => {
    let answered = false;
    const workerData = { task, anchor, binding: sqliteBinding() };
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData });
    const fallBack = (reason: string) => {
      if (answered) return;
      answered = true;
      workersUnavailable.add(anchor);
      log(`Backup worker unavailable (${reason}); running in the main thread.`);
      try {
        resolve(inProcess(task));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    worker.once('message', (reply: Reply) => {
      if (!reply.ok && reply.lost) {
        fallBack(reply.message);
        return;
      }
      answered = true;
      if (reply.ok) resolve(reply.value);
      else reject(new SqliteTaskError(reply.message, reply.code));
    });
    worker.once('error', (error) => fallBack(error.message));
    worker.once('exit', (code) => fallBack(`exit ${code}`));
  });
}
