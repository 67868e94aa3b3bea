import { rmSync } from 'node:fs';

/** The run's data directory (made by playwright.config.ts) is thrown away with the run. */
export default function globalTeardown(): void {
  const dir = process.env.GUICHET_E2E_DATA_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
}
