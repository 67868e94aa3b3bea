import { readFileSync } from 'node:fs';
import { verifyArchive } from '../modules/einvoice/archive-verify';
import { UsageError } from './args';
import type { CliCommand } from './commands';

/** `archive-verify f.zip`: recomputes every hash of an archive; exit code 1 and the first mismatch's file name. */
export const archiveVerifyCommand: CliCommand = {
  name: 'archive-verify',
  summary: 'Vérifie une archive annuelle et nomme le premier fichier qui ne correspond pas.',
  usage: ['FICHIER.zip               l’archive à vérifier (la base n’est pas ouverte)'],
  options: [],
  run(args, context) {
    const [file, ...extra] = args.positional;
    if (file === undefined || extra.length > 0) throw new UsageError('Donnez le fichier de l’archive, et lui seul.');
    const check = verifyArchive(readFileSync(file));
    if (check.problem) {
      context.err(`Archive altérée : ${check.problem.file} — ${check.problem.message}`);
      return Promise.resolve(1);
    }
    context.out(`Archive intacte : ${check.checked} fichier(s) et ${check.documents} document(s) vérifiés.`);
    return Promise.resolve(0);
  },
};
