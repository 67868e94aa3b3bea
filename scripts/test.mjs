// `npm test`: the preflight (what the suite needs outside npm, installed with apt where it can be), typecheck, lint,
// unit and integration tests (Vitest), then the build and the end-to-end tests (Playwright in Debian's Chromium
// against the web mode). Every step runs even when an earlier one fails, and the last line counts every test run:
// "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { ensureTestNeeds } from './test-needs.mjs';

const problem = ensureTestNeeds();
if (problem) {
  // Stops before any test: a run without its tools would only report their absence as failures.
  console.error(`\n${problem}\n`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

/** A port nobody listens on now, so that two `npm test` on one machine keep out of each other's way. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
process.env.GUICHET_E2E_PORT ??= String(await freePort());

const results = 'test-results';
rmSync(`${results}/vitest.json`, { force: true });
rmSync(`${results}/e2e.json`, { force: true });
mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;
const lines = [];

function run(label, command, args) {
  console.log(`\n━━ ${label}: ${command} ${args.join(' ')}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return status === 0;
}

/** A step that is one check (typecheck, lint, build). */
function check(label, command, args) {
  const ok = run(label, command, args);
  if (ok) passed++;
  else failed++;
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${label}`);
  return ok;
}

/** A step whose runner writes a JSON report: count its tests; a run that crashed before reporting counts as one failure. */
function suite(label, command, args, report, count) {
  const ok = run(label, command, args);
  if (!existsSync(report)) {
    failed++;
    lines.push(`FAIL ${label}: no report (the runner did not finish)`);
    return;
  }
  const [p, f] = count(JSON.parse(readFileSync(report, 'utf8')));
  const extra = !ok && f === 0 ? 1 : 0; // the runner failed for a reason outside any test
  passed += p;
  failed += f + extra;
  lines.push(`${f + extra === 0 ? 'ok  ' : 'FAIL'} ${label}: ${p} passed, ${f + extra} failed`);
}

check('typecheck (main, preload, shared, tests)', 'npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']);
check('typecheck (renderer)', 'npx', ['tsc', '-p', 'tsconfig.web.json', '--noEmit']);
check('lint (eslint)', 'npx', ['eslint', '--max-warnings', '0', '.']);
check('format (prettier)', 'npx', ['prettier', '--check', '.']);
suite(
  'unit and integration (vitest)',
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}/vitest.json`],
  `${results}/vitest.json`,
  // A skipped test is a failure here (no test is skipped on purpose): a suite whose setup failed skips its tests.
  (r) => [r.numPassedTests, r.numFailedTests + (r.numTodoTests ?? 0) + (r.numPendingTests ?? 0)],
);
if (check('build (renderer, main, preload, web)', 'node', ['scripts/build.mjs'])) {
  suite('end-to-end (playwright, chromium)', 'npx', ['playwright', 'test'], `${results}/e2e.json`, (r) => [
    r.stats.expected + r.stats.flaky,
    r.stats.unexpected + r.stats.skipped,
  ]);
}

console.log('\n━━ summary');
for (const line of lines) console.log(line);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
