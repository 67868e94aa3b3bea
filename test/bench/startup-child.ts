// Runs in a fresh process: opens the database the way the app does and serves the first screen's data (the login
// screen: session state and the company's name), then reports
// the time and the process memory. With "--raw", does the same reads with plain better-sqlite3 (the floor).
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { openCore } from '../../electron/core';

const [dataDir = '', mode = ''] = process.argv.slice(2);
const start = performance.now();
if (mode === '--raw') {
  const db = new Sqlite(path.join(dataDir, 'guichet.sqlite'));
  db.pragma('journal_mode = WAL');
  db.prepare('SELECT COUNT(*) FROM users').get();
  db.prepare("SELECT value FROM settings WHERE key = 'company'").get();
} else {
  const core = await openCore({ dataDir });
  await core.registry.dispatch('bench', 'auth.status', {});
  await core.registry.dispatch('bench', 'settings.getCompany', {});
}
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, rssMB: process.memoryUsage().rss / 2 ** 20 }));
