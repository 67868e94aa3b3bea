/** A command line split into its options (`--name value`, `--name=value`, repeatable) and its other words. */
export interface ParsedArgs {
  options: Map<string, string[]>;
  positional: string[];
}

/** Options that take no value. */
const FLAGS = new Set(['help']);

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const options = new Map<string, string[]>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    let value: string;
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (FLAGS.has(name)) value = 'true';
    else {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`L'option --${name} attend une valeur.`);
      value = next;
      i++;
    }
    options.set(name, [...(options.get(name) ?? []), value]);
  }
  return { options, positional };
}

/** The one value of an option, or undefined; given twice, it is an error. */
export function single(args: ParsedArgs, name: string): string | undefined {
  const values = args.options.get(name);
  if (!values) return undefined;
  if (values.length > 1) throw new UsageError(`L'option --${name} est donnée plusieurs fois.`);
  return values[0];
}

/** Refuses options the command does not know (a typo must not be silently ignored by a scheduled job). */
export function checkKnown(args: ParsedArgs, known: readonly string[]): void {
  for (const name of args.options.keys()) {
    if (!known.includes(name)) throw new UsageError(`Option inconnue : --${name}.`);
  }
}
