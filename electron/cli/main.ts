import { runCli } from './run';

// The command line's entry (dist/main/cli.cjs, or `tsx electron/cli/main.ts`): `npm run cli -- report --month 2026-10`.
void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
