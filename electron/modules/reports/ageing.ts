import type { AgeingRow, AgeingSection } from '../../../shared/api/reports';
import { startOfNextBusinessDayUtc } from '../../../shared/dates';
import { CURRENCIES, type Currency } from '../../../shared/money';
import { AGEING_BUCKETS, bucketOfDaysLate, emptyAgeing, epochDay } from '../../../shared/report-ageing';
import { CLIENT_COLUMNS, clientNameOf, type ClientColumns } from './clients';
import { creditSpent, irregularDocuments, standingAllocations } from './load';
import { allIn, type Snapshot } from './snapshot';

interface Candidate {
  id: number;
  clientId: number;
  currency: Currency;
  ttc: number;
  paid: number;
  issueDate: string;
  dueDate: string | null;
}

const COLUMNS =
  'p.id, p.client_id AS clientId, p.currency, p.ttc, p.paid, p.issue_date AS issueDate, p.due_date AS dueDate';

/**
 * The proformas that may have been outstanding at the end of `asOf`: those open now, those paid (invoiced) or
 * cancelled after it — each issued on or before it. A proforma settled and closed before the date is none of these.
 * The invoices are found through the partial index on sales documents, whose condition the query states word for word
 * (migration 0010).
 */
function candidates(snapshot: Snapshot, asOf: string, cut: string): { rows: Candidate[]; touched: Set<number> } {
  const open = snapshot.all<Candidate>(
    `SELECT ${COLUMNS} FROM documents p
     WHERE p.type = 'proforma' AND p.status IN ('issued', 'partially_paid') AND p.cancelled_at IS NULL
       AND p.issue_date <= ?`,
    [asOf],
  );
  const paidLater = snapshot.all<Candidate>(
    `SELECT DISTINCT ${COLUMNS} FROM documents i JOIN documents p ON p.id = i.source_id
     WHERE i.type IN ('invoice', 'credit_note') AND i.type = 'invoice' AND i.issue_date > ? AND p.issue_date <= ?`,
    [asOf, asOf],
  );
  const cancelledLater = snapshot.all<Candidate>(
    `SELECT ${COLUMNS} FROM documents p
     WHERE p.type = 'proforma' AND p.status = 'cancelled' AND p.cancelled_at >= ? AND p.issue_date <= ?`,
    [cut, asOf],
  );
  const rows = new Map<number, Candidate>();
  for (const row of [...open, ...paidLater, ...cancelledLater]) rows.set(row.id, row);
  // Only a proforma with something on it now may have had less on it then; the others owe their whole TTC.
  const touched = new Set([...rows.values()].filter((r) => r.paid > 0).map((r) => r.id));
  return { rows: [...rows.values()], touched };
}

/**
 * What was settled on each proforma before `cut`: standing payments (voided ones never count) and credit spent. While
 * nothing on a proforma was voided and no credit spent on it, its balance only falls: what was settled is its TTC less
 * the lowest balance an allocation left before the cut (added up by the database). The others are read whole.
 */
function settledBefore(snapshot: Snapshot, rows: readonly Candidate[], cut: string): Map<number, number> {
  const ids = rows.map((r) => r.id);
  const irregular = new Set(irregularDocuments(snapshot, ids));
  const ttc = new Map(rows.map((r) => [r.id, r.ttc]));
  const settled = new Map<number, number>();
  const regular = ids.filter((id) => !irregular.has(id));
  for (const r of allIn<{ id: number; balance: number }>(
    snapshot,
    regular,
    (list) =>
      `SELECT document_id AS id, MIN(balance_after) AS balance FROM payment_allocations
       WHERE at < ? AND document_id IN (${list}) AND reversal_of IS NULL GROUP BY document_id`,
    [cut],
  )) {
    settled.set(r.id, (ttc.get(r.id) ?? 0) - r.balance);
  }
  const others = [...irregular];
  for (const r of [...standingAllocations(snapshot, others), ...creditSpent(snapshot, others)]) {
    if (r.at < cut) settled.set(r.documentId, (settled.get(r.documentId) ?? 0) + r.amount);
  }
  return settled;
}

/**
 * Outstanding proformas at the end of `asOf` with their ageing, per client and currency (balance âgée): each proforma's
 * TTC less what was settled on it by then, in the bucket of the days since its due date. `limit` cuts the list of
 * clients (largest balances first); the totals are always whole.
 */
export function ageingSection(snapshot: Snapshot, asOf: string, limit: number): AgeingSection {
  const cut = startOfNextBusinessDayUtc(asOf);
  const { rows, touched } = candidates(snapshot, asOf, cut);
  const settled = settledBefore(
    snapshot,
    rows.filter((r) => touched.has(r.id)),
    cut,
  );
  const byClient = new Map<number, AgeingRow>();
  const asOfDay = epochDay(asOf);
  for (const p of rows) {
    const balance = p.ttc - (settled.get(p.id) ?? 0);
    if (balance <= 0) continue;
    const key = p.clientId * CURRENCIES.length + CURRENCIES.indexOf(p.currency);
    const row = byClient.get(key) ?? {
      clientId: p.clientId,
      clientCode: '',
      clientName: '',
      currency: p.currency,
      proformas: 0,
      buckets: emptyAgeing(),
      total: 0,
    };
    row.proformas += 1;
    row.buckets[bucketOfDaysLate(asOfDay - epochDay(p.dueDate ?? p.issueDate))] += balance;
    row.total += balance;
    byClient.set(key, row);
  }
  const all = [...byClient.values()].sort(
    (a, b) =>
      CURRENCIES.indexOf(a.currency) - CURRENCIES.indexOf(b.currency) || b.total - a.total || a.clientId - b.clientId,
  );
  const totals = CURRENCIES.flatMap((currency) => {
    const mine = all.filter((r) => r.currency === currency);
    if (mine.length === 0) return [];
    const buckets = emptyAgeing();
    for (const r of mine) for (const b of AGEING_BUCKETS) buckets[b] += r.buckets[b];
    return [
      {
        currency,
        proformas: mine.reduce((s, r) => s + r.proformas, 0),
        clients: mine.length,
        buckets,
        total: mine.reduce((s, r) => s + r.total, 0),
      },
    ];
  });
  const shown = all.slice(0, limit);
  const names = new Map(
    allIn<ClientColumns & { id: number }>(
      snapshot,
      [...new Set(shown.map((r) => r.clientId))],
      (ids) => `SELECT c.id, ${CLIENT_COLUMNS} FROM clients c WHERE c.id IN (${ids})`,
    ).map((c) => [c.id, c]),
  );
  for (const row of shown) {
    const client = names.get(row.clientId);
    if (client) {
      row.clientCode = client.clientCode;
      row.clientName = clientNameOf(client);
    }
  }
  return { asOf, totals, clients: shown, clientCount: all.length };
}
