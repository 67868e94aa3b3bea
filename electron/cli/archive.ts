import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildYearArchive } from '../modules/einvoice/archive';
import { single, UsageError } from './args';
import type { CliCommand } from './commands';

/** `archive`: the year's invoices and credit notes (PDF and UBL), their hashes and the audit chain head, in one zip. */
export const archiveCommand: CliCommand = {
  name: 'archive',
  summary: "Crée l'archive vérifiable d'une année (PDF, UBL, empreintes, tête du journal d'audit).",
  usage: ['--year AAAA                l’année', '--out FICHIER.zip          par défaut : archive-AAAA.zip'],
  options: ['year', 'out'],
  async run(args, context) {
    const yearText = single(args, 'year');
    if (yearText === undefined || !/^\d{4}$/.test(yearText)) throw new UsageError('Donnez --year AAAA (ex. 2026).');
    const year = Number(yearText);
    const target = path.resolve(single(args, 'out') ?? `archive-${year}.zip`);
    const db = await context.database();
    const { zip, manifest, unsealed } = await buildYearArchive(
      db,
      { userId: null, username: null },
      year,
      context.clock.now(),
      'cli',
    );
    writeFileSync(target, zip);
    context.out(`Archive ${year} : ${manifest.documents.length} document(s) dans ${target} (${zip.length} octets).`);
    context.out(
      `Journal d'audit : ${manifest.auditChain.length} entrée(s), tête ${manifest.auditChain.headHash ?? '(vide)'}.`,
    );
    if (!manifest.auditChain.whole) context.err("Attention : la chaîne du journal d'audit est rompue (audit-check).");
    for (const number of unsealed) {
      context.err(`Attention : le PDF de ${number} ne correspond pas à l'empreinte scellée à son émission.`);
    }
    return manifest.auditChain.whole && unsealed.length === 0 ? 0 : 1;
  },
};
