import { writeFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseRate } from '../../shared/allocation';
import { REPORT_FORMATS, type ReportFormat } from '../../shared/api/reports';
import { businessDate } from '../../shared/dates';
import type { ForeignCurrency, MadRate } from '../../shared/report-conversion';
import {
  isMonth,
  monthOf,
  monthPeriod,
  periodLabel,
  periodProblem,
  shiftMonth,
  type ReportPeriod,
} from '../../shared/report-period';
import { exportReport } from '../modules/reports/service';
import { single, UsageError, type ParsedArgs } from './args';
import type { CliCommand } from './commands';

function periodOf(args: ParsedArgs, today: string): ReportPeriod {
  const month = single(args, 'month');
  const from = single(args, 'from');
  const to = single(args, 'to');
  if (month !== undefined) {
    if (from !== undefined || to !== undefined) throw new UsageError('Donnez --month ou --from/--to, pas les deux.');
    if (!isMonth(month)) throw new UsageError(`Mois invalide : « ${month} » (attendu AAAA-MM, par exemple 2026-10).`);
    return monthPeriod(month);
  }
  if (from === undefined && to === undefined) return monthPeriod(shiftMonth(monthOf(today), -1));
  if (from === undefined || to === undefined) throw new UsageError('Donnez --from et --to ensemble.');
  const problem = periodProblem({ from, to });
  if (problem) throw new UsageError(problem);
  return { from, to };
}

function ratesOf(args: ParsedArgs): Partial<Record<ForeignCurrency, MadRate>> {
  const rates: Partial<Record<ForeignCurrency, MadRate>> = {};
  for (const text of args.options.get('rate') ?? []) {
    const match = /^(EUR|USD)=(.+)$/.exec(text);
    const rate = match ? parseRate(match[2] ?? '') : null;
    if (!match || rate === null) {
      throw new UsageError(`Taux invalide : « ${text} » (attendu par exemple EUR=10,85 : dirhams pour 1 €).`);
    }
    rates[match[1] as ForeignCurrency] = rate;
  }
  return rates;
}

function formatOf(args: ParsedArgs, out: string | undefined): ReportFormat {
  const given = single(args, 'format') ?? (out ? path.extname(out).slice(1).toLowerCase() : 'xlsx');
  const format = REPORT_FORMATS.find((f) => f === given);
  if (!format) throw new UsageError(`Format invalide : « ${given} » (xlsx, csv ou pdf).`);
  return format;
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** `report`: the monthly report as a file, the same as the Rapports screen exports (for scheduled jobs). */
export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'Exporte le rapport mensuel (XLSX, CSV ou PDF) pour le comptable.',
  usage: [
    '--month AAAA-MM            le mois (par défaut : le mois précédent)',
    '--from AAAA-MM-JJ --to AAAA-MM-JJ   ou une période quelconque (un an au plus)',
    '--format xlsx|csv|pdf      par défaut : l’extension de --out, sinon xlsx',
    '--out FICHIER|DOSSIER      par défaut : rapport-AAAA-MM.<format> dans le dossier courant',
    '--rate EUR=10,85           taux de référence (dirhams pour 1 € ou 1 $), répétable',
  ],
  options: ['month', 'from', 'to', 'format', 'out', 'rate'],
  async run(args, context) {
    const period = periodOf(args, businessDate(context.clock.now()));
    const out = single(args, 'out');
    const format = formatOf(args, out && !isDirectory(out) ? out : undefined);
    const db = await context.database();
    const file = await exportReport(
      db,
      context.clock,
      { period, rates: ratesOf(args) },
      format,
      { userId: null, username: null },
      'cli',
    );
    const target = path.resolve(
      out === undefined ? file.fileName : isDirectory(out) ? path.join(out, file.fileName) : out,
    );
    writeFileSync(target, file.data);
    context.out(
      `Rapport ${periodLabel(period)} (${format.toUpperCase()}) écrit dans ${target} (${file.data.length} octets).`,
    );
    return 0;
  },
};
