import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { periodProblem } from '../../shared/report-period';
import { exportUbl } from '../modules/einvoice/export';
import { single, UsageError } from './args';
import type { CliCommand } from './commands';

/** `einvoice`: the UBL 2.1 file of every invoice and credit note issued in a period, into a folder. */
export const einvoiceCommand: CliCommand = {
  name: 'einvoice',
  summary: 'Exporte en UBL 2.1 les factures et avoirs émis sur une période.',
  usage: [
    '--from AAAA-MM-JJ --to AAAA-MM-JJ   la période (un an au plus)',
    '--out DOSSIER              créé au besoin',
  ],
  options: ['from', 'to', 'out'],
  async run(args, context) {
    const from = single(args, 'from');
    const to = single(args, 'to');
    const out = single(args, 'out');
    if (from === undefined || to === undefined || out === undefined) {
      throw new UsageError('Donnez --from, --to et --out.');
    }
    const problem = periodProblem({ from, to });
    if (problem) throw new UsageError(problem);
    const db = await context.database();
    const files = await exportUbl(db, { userId: null, username: null }, { from, to }, 'cli');
    const folder = path.resolve(out);
    mkdirSync(folder, { recursive: true });
    for (const f of files) writeFileSync(path.join(folder, f.fileName), f.xml);
    context.out(`${files.length} fichier(s) UBL écrit(s) dans ${folder}.`);
    return 0;
  },
};
