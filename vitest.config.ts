import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'seeds/**/*.test.ts',
      'electron/**/*.test.ts',
      'test/integration/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
    ],
    environment: 'node',
    // A limit for a test that hangs, not a measure of speed: scrypt with OWASP parameters takes a few hundred
    // milliseconds per hash, and the suite must pass on a 2-core machine busy with a second `npm test`.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
