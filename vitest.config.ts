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
    // scrypt with OWASP parameters takes a few hundred milliseconds per hash on these machines.
    testTimeout: 30_000,
    pool: 'forks',
  },
});
