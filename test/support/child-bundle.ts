import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles a child program (a counter the crash tests SIGKILL) into one CommonJS file, once per test file, so that each
 * of the many children starts in a fraction of a second. Returns the bundle's path.
 */
export async function bundleChild(entry: string, name: string): Promise<string> {
  const outfile = path.resolve('test-results/children', `${name}.cjs`);
  mkdirSync(path.dirname(outfile), { recursive: true });
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}
