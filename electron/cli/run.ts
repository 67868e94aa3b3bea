import { DatabaseTooNewError } from '../db/data-source';
import { parseArgs, checkKnown, UsageError } from './args';
import { COMMANDS, type CliCommand } from './commands';
import { cliContext, type CliOutput } from './context';

const COMMON = ['data-dir', 'help'];

function help(command?: CliCommand): string[] {
  if (command) {
    return [
      `Usage : npm run cli -- ${command.name} [options]`,
      command.summary,
      '',
      ...command.usage.map((line) => `  ${line}`),
      '  --data-dir DOSSIER         le dossier des données (par défaut celui de l’application, ou GUICHET_DATA_DIR)',
    ];
  }
  // The names in a column as wide as the longest one, plus two spaces.
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    'Usage : npm run cli -- <commande> [options]   (npm run cli -- help <commande> pour ses options)',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
  ];
}

/**
 * Runs one command line; returns the exit code: 0 done, 1 failed (the message says why), 2 wrong usage. No Electron
 * here: the command line runs under plain Node, built to dist/main/cli.cjs by scripts/build.mjs.
 */
export async function runCli(
  argv: readonly string[],
  io: CliOutput = {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  },
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help') {
    const command = COMMANDS.find((c) => c.name === rest[0]);
    for (const line of help(command)) io.out(line);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`Commande inconnue : « ${name} ».`);
    for (const line of help()) io.err(line);
    return 2;
  }
  let args;
  try {
    args = parseArgs(rest);
    checkKnown(args, [...COMMON, ...command.options]);
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    return 2;
  }
  if (args.options.has('help')) {
    for (const line of help(command)) io.out(line);
    return 0;
  }
  const { context, close } = cliContext(rest, io);
  try {
    return await command.run(args, context);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(error.message);
      return 2;
    }
    io.err(error instanceof DatabaseTooNewError || error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    await close();
  }
}
