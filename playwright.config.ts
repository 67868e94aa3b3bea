import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// GUICHET_E2E_PORT lets two runs on one machine (a developer and CI) keep out of each other's way.
const PORT = Number(process.env.GUICHET_E2E_PORT ?? 4317);
const BASE_URL = `http://127.0.0.1:${PORT}`;

// A fresh, empty data directory per run: the scenario starts at the first-run screen. Workers load this file again;
// the environment variable makes them reuse the runner's directory instead of creating one each.
process.env.GUICHET_E2E_DATA_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'guichet-e2e-'));
const dataDir = process.env.GUICHET_E2E_DATA_DIR;

/** Browser end-to-end tests against the web mode; `npm run test:e2e` builds dist/ first. */
export default defineConfig({
  testDir: 'test/e2e',
  globalTeardown: './test/e2e/global-teardown.ts',
  outputDir: 'test-results/artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  // Limits for a page that never comes, not measures of speed: the suite must pass on a 2-core machine busy with a
  // second `npm test`.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: BASE_URL,
    locale: 'fr-FR',
    timezoneId: 'Africa/Casablanca',
    viewport: { width: 1366, height: 768 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Debian's Chromium: browsers cannot be downloaded on these machines (never `npx playwright install`).
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `node dist/main/web.cjs --port ${PORT} --data-dir "${dataDir}"`,
    url: BASE_URL,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
