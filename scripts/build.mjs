// Builds the renderer with Vite and the main process, preload and web entry with esbuild (CommonJS: the sandboxed
// preload must be one CommonJS file, and native modules stay outside the bundle).
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';

const onlyMain = process.argv.includes('--main');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  packages: 'external',
  logLevel: 'warning',
};

await Promise.all([
  esbuild({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/main/main.cjs', external: ['electron'] }),
  esbuild({ ...common, entryPoints: ['electron/web.ts'], outfile: 'dist/main/web.cjs' }),
  // The office server (issue 18): headless, plain Node.
  esbuild({ ...common, entryPoints: ['electron/server.ts'], outfile: 'dist/main/server.cjs', external: ['electron'] }),
  // The command line (scheduled exports, backups…): plain Node, no Electron.
  esbuild({ ...common, entryPoints: ['electron/cli/main.ts'], outfile: 'dist/main/cli.cjs', external: ['electron'] }),
  esbuild({
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist/main/preload.cjs',
    external: ['electron'],
  }),
]);
if (!onlyMain) await vite({ configFile: 'vite.config.ts', logLevel: 'warn' });
