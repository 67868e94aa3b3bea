import type { ParsedArgs } from './args';
import type { CliContext } from './context';
import { billingRunCommand } from './billing-run';
import { reportCommand } from './report';
import { auditCheckCommand } from './audit-check';
import { backupCommand } from './backup';
import { desksCommand } from './desks';
import { einvoiceCommand } from './einvoice';
import { archiveCommand } from './archive';
import { archiveVerifyCommand } from './archive-verify';

/**
 * One command of `npm run cli -- <name> …`. A new command is one file exporting a CliCommand and one line in
 * COMMANDS below; the runner (main.ts) parses the options, opens the database on demand and turns errors into French
 * messages and exit codes.
 */
export interface CliCommand {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The options, as printed by `help <name>`. */
  usage: string[];
  /** Options it accepts besides --data-dir and --help. */
  options: readonly string[];
  /** Returns the exit code: 0 when done. */
  run(args: ParsedArgs, context: CliContext): Promise<number>;
}

export const COMMANDS: readonly CliCommand[] = [
  reportCommand,
  billingRunCommand,
  backupCommand,
  auditCheckCommand,
  desksCommand,
  einvoiceCommand,
  archiveCommand,
  archiveVerifyCommand,
];
