// `npm run bench [-- WORD]`: runs every measure (or those whose name contains WORD), prints a table and one BENCH line
// per measure, and exits non-zero when a budget is missed.
import { billingMeasures } from './billing-run';
import { paymentMeasures } from './payment';
import { pdfMeasures } from './pdf';
import { print, type Measure } from './report';
import { reportMeasures } from './reports';
import { searchMeasures } from './search';
import { startupMeasures } from './startup';

const groups: { names: string[]; run: () => Promise<Measure[]> }[] = [
  { names: ['startup.open', 'startup.memory'], run: startupMeasures },
  { names: ['search.p95'], run: searchMeasures },
  { names: ['pdf.proforma', 'pdf.renewals1000'], run: pdfMeasures },
  { names: ['payment.record'], run: paymentMeasures },
  { names: ['report.monthly', 'report.xlsx'], run: reportMeasures },
  { names: ['billing.run', 'billing.idle', 'billing.dashboard'], run: billingMeasures },
];

const word = process.argv[2] ?? '';
const measures: Measure[] = [];
for (const group of groups) {
  if (!group.names.some((n) => n.includes(word))) continue;
  measures.push(...(await group.run()).filter((m) => m.name.includes(word)));
}
if (measures.length === 0) {
  console.error(`No measure matches "${word}".`);
  process.exit(2);
}
process.exit(print(measures) ? 0 : 1);
