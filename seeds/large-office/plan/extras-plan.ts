import type { Prng } from '../../prng';
import type { Calendar } from '../calendar';
import type { Catalogue } from '../catalogue';
import type { LargeOfficeSize } from '../stage';
import type { BillingPlanner } from './billing-plan';
import { seedOf } from './instalments';
import { arrivedBy } from './services-plan';
import { PAID, type PlannedClient, type PlannedDeposit, type PlannedProforma } from './types';

/** Credit notes: a few invoices cancelled (a billing error, a double payment), about 0.4 % of the documents. */
const CREDIT_NOTE_SHARE = 0.004;
/** Payments left whole as credit (deposits before an order); the others pay proformas. */
export const DEPOSIT_SHARE = 0.015;
const MAX_INSTALMENTS = 12;

interface ExtrasInput {
  calendar: Calendar;
  catalogue: Catalogue;
  size: LargeOfficeSize;
  rng: Prng;
  clients: readonly PlannedClient[];
}

function randomClient(input: ExtrasInput, day: number): PlannedClient | null {
  // Arrived before the office opened that day, so that anything dated that day comes after.
  const arrived = arrivedBy(input.clients, input.calendar.at(day, 0));
  return arrived === 0 ? null : (input.clients[input.rng.int(0, arrived - 1)] ?? null);
}

/**
 * Free proformas (missions, restorations, sites, other work) until proformas, invoices and credit notes reach the
 * office's number of documents exactly; then the credit notes, then the deposits that bring payments to their number.
 */
export function planExtras(planner: BillingPlanner, input: ExtrasInput): { deposits: PlannedDeposit[] } {
  const { calendar, catalogue, size, rng } = input;
  const creditNotesWanted = Math.max(1, Math.round(size.documents * CREDIT_NOTE_SHARE));
  const invoices = () => planner.proformas.filter((p) => p.invoiceMs > 0).length;
  let remaining = size.documents - planner.proformas.length - invoices() - creditNotesWanted;
  const products = {
    mission: catalogue.byCode('INFOG-MISSION'),
    restore: catalogue.byCode('RESTAURATION'),
    site: catalogue.byCode('SITE-VITRINE'),
  };
  while (remaining > 0) {
    // Asked for at the counter, which is closed on Sundays.
    const issueDay = calendar.workday(rng.int(0, calendar.endDay), 0, calendar.endDay);
    const client = randomClient(input, issueDay);
    if (!client) continue;
    const what = rng.weighted([
      ['mission', 50],
      ['restore', 30],
      ['site', 10],
      ['free', 10],
    ] as const);
    const product = what === 'free' ? null : products[what];
    // Billed in the client's currency when the catalogue has a price in it (a free line always can be).
    const foreign =
      client.currency !== 'MAD' &&
      (product === null || catalogue.price(product.id, 'hour', 0, client.currency) !== null);
    const base = {
      issueDay,
      clientId: client.id,
      currency: foreign ? client.currency : ('MAD' as const),
      account: -1,
      paidBefore: 0,
      months: 0,
      late: false,
      notBeforeMs: 0,
      itemProductId: product?.id ?? null,
      itemQuantity: what === 'mission' ? rng.int(2, 16) * 500 : 1000,
      windowTo: issueDay + 45,
    };
    let p: PlannedProforma;
    if (rng.chance(0.92)) {
      const n = planner.instalments(12);
      p = planner.add({ ...base, fate: PAID, cancelDay: -1, instalments: n, paidCount: n });
    } else {
      const u = planner.unpaid(issueDay, [30, 60]);
      p = planner.add({ ...base, fate: u.fate, cancelDay: u.cancelDay, instalments: u.n, paidCount: u.paid });
    }
    remaining -= p.invoiceMs > 0 ? 2 : 1;
  }
  pickCreditNotes(planner.proformas, Math.max(0, creditNotesWanted + remaining), input);
  balanceInstalments(planner.proformas, size.payments - Math.round(size.payments * DEPOSIT_SHARE), rng);
  return { deposits: planDeposits(planner, input) };
}

function pickCreditNotes(proformas: PlannedProforma[], count: number, { calendar, rng }: ExtrasInput): void {
  const eligible = proformas.filter((p) => p.invoiceMs > 0 && calendar.dayOfMs(p.invoiceMs) + 3 <= calendar.endDay);
  for (let i = 0; i < count && i < eligible.length; i++) {
    // A partial Fisher–Yates shuffle: distinct invoices, drawn evenly.
    const j = rng.int(i, eligible.length - 1);
    const chosen = eligible[j];
    const here = eligible[i];
    if (!chosen || !here) continue;
    eligible[j] = here;
    eligible[i] = chosen;
    const invoiceDay = calendar.dayOfMs(chosen.invoiceMs);
    chosen.creditNoteDay = Math.min(calendar.endDay, invoiceDay + rng.int(3, 90));
  }
}

/**
 * Brings the instalments to the number of payments wanted: one more (or fewer) instalment on random paid proformas.
 * Their last instalment is drawn first (see schedule), so the day they were completed, and all that follows, stays.
 */
function balanceInstalments(proformas: PlannedProforma[], wanted: number, rng: Prng): void {
  // Monthly renewals are paid in one go.
  const paid = proformas.filter((p) => p.invoiceMs > 0 && p.months !== 1);
  let made = proformas.reduce((sum, p) => sum + p.made, 0);
  for (let tries = 0; made !== wanted && paid.length > 0 && tries < 50 * Math.abs(wanted - made) + 1000; tries++) {
    const p = paid[rng.int(0, paid.length - 1)];
    if (!p) continue;
    const step = made < wanted ? 1 : -1;
    if (p.instalments + step < 1 || p.instalments + step > MAX_INSTALMENTS) continue;
    p.instalments += step;
    p.paidCount += step;
    p.made += step;
    made += step;
  }
}

function planDeposits(planner: BillingPlanner, input: ExtrasInput): PlannedDeposit[] {
  const { calendar, size, rng } = input;
  const made = planner.proformas.reduce((sum, p) => sum + p.made, 0);
  const seedBase = rng.int(0, 2 ** 31);
  const deposits: PlannedDeposit[] = [];
  while (deposits.length < size.payments - made) {
    const day = rng.int(0, calendar.endDay);
    const client = randomClient(input, day);
    if (!client) continue;
    const seed = seedOf(seedBase, deposits.length);
    deposits.push({ seed, day: calendar.workday(day, day, calendar.endDay), clientId: client.id });
  }
  return deposits.sort((a, b) => a.day - b.day);
}
