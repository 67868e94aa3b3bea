// Runs in a fresh process: opens the database the way the app does and serves the first screens' data (the login
// screen's session state and company name, then the first page of the client list), then reports the time and the
// process memory. With "--raw", does the same reads with plain better-sqlite3 (the floor).
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Sqlite from 'better-sqlite3';
import { openCore } from '../../electron/core';
import { UserEntity } from '../../electron/db/entities';

const [dataDir = '', mode = ''] = process.argv.slice(2);
const start = performance.now();
if (mode === '--raw') {
  const db = new Sqlite(path.join(dataDir, 'guichet.sqlite'));
  db.pragma('journal_mode = WAL');
  db.prepare('SELECT COUNT(*) FROM users').get();
  db.prepare("SELECT value FROM settings WHERE key = 'company'").get();
  db.prepare('SELECT COUNT(*) FROM clients').get();
  db.prepare('SELECT * FROM clients ORDER BY id DESC LIMIT 50').all();
} else {
  const core = await openCore({ dataDir });
  await core.registry.dispatch('bench', 'auth.status', {});
  await core.registry.dispatch('bench', 'settings.getCompany', {});
  // The person's password check (scrypt, ~0.3 s by design) is not start-up: open the session directly.
  const user = await core.db.reader.findOneByOrFail(UserEntity, { username: 'bench' });
  core.sessions.open('bench', user, Date.now());
  const list = await core.registry.dispatch('bench', 'clients.list', { page: 1, pageSize: 50 });
  if (!list.ok) throw new Error(list.error.message);
}
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, rssMB: process.memoryUsage().rss / 2 ** 20 }));
