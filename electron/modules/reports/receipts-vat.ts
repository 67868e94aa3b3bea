import type { ReceiptsVatRow, ReceiptsVatSection } from '../../../shared/api/reports';
import { CURRENCIES, type Currency } from '../../../shared/money';
import { toMad } from '../../../shared/report-conversion';
import { addParts, receiptShare, shareInMad, type VatPart } from '../../../shared/report-vat';
import type { Converter } from './conversion';
import type { ReportPeriod } from '../../../shared/report-period';
import {
  creditSpent,
  instantBounds,
  irregularDocuments,
  parseBreakdown,
  standingAllocations,
  type DirhamSettlement,
  type loadNoteRefunds,
  type PeriodAllocation,
  type PeriodCreditUse,
  type PeriodDocument,
} from './load';
import { allIn, type Snapshot } from './snapshot';

/** Money settled on a proforma: a payment's allocation, or client credit spent on it. */
interface Settlement {
  documentId: number;
  id: number;
  /** 0 for a payment, 1 for credit: at the same instant, the payment is taken first. */
  rank: 0 | 1;
  amount: number;
  at: string;
}

const chronological = (a: Settlement, b: Settlement) =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.rank - b.rank || a.id - b.id;

interface Totals {
  parts: Map<number, { base: number; vat: number }>;
  ttc: number;
}

interface DocumentInfo {
  ttc: number;
  vatBreakdown: string;
  currency: Currency;
}

/**
 * VAT on receipts (régime des encaissements), the basis of the VAT return, in dirhams. Collected: the VAT contained
 * in every amount settled on a proforma in the period — payments' allocations, and client credit spent — each the
 * share of the proforma's VAT by rate (shared/report-vat.ts, so a proforma's settlements add up to its invoice's VAT).
 * Reversed: refunds paid against a credit note (their share of the note's VAT), and credit notes whose amount was left
 * on the client's balance (all their VAT, when issued; spending that credit later is collected again). Credit left
 * by an overpayment carries no VAT until it is spent on a proforma, whose rates it then takes.
 *
 * What was settled on a proforma before a settlement decides its share. An allocation keeps the balance its proforma
 * had after it: while nothing on the proforma was ever voided and no credit was spent on it, what came before is its
 * TTC less that balance and the allocation. And shares add up: the dirham payments of a dirham proforma in the period
 * are taken together, from what was open before the first. The other proformas (a void, credit spent, dirhams and
 * another currency together) are read whole, their standing settlements in time order.
 */
export function receiptsVatSection(
  snapshot: Snapshot,
  input: {
    period: ReportPeriod;
    dirham: readonly DirhamSettlement[];
    foreign: readonly PeriodAllocation[];
    creditUses: readonly PeriodCreditUse[];
    refunds: readonly NoteRefund[];
    documents: readonly PeriodDocument[];
    converter: Converter;
  },
): ReceiptsVatSection {
  const { dirham, foreign, creditUses, converter } = input;
  const received: Totals = { parts: new Map(), ttc: 0 };
  const reversed: Totals = { parts: new Map(), ttc: 0 };
  const unconverted = new Map<Currency, number>();
  const add = (into: Totals, parts: VatPart[]) => {
    addParts(into.parts, parts);
    into.ttc += parts.reduce((s, p) => s + p.base + p.vat, 0);
  };
  /** The share in dirhams, or null (and noted as unconverted) when its currency has no rate. */
  const inMad = (share: VatPart[], amount: number, currency: Currency): VatPart[] | null => {
    if (currency === 'MAD') return share;
    const rate = converter.rateOf(currency);
    if (rate === null) {
      unconverted.set(currency, (unconverted.get(currency) ?? 0) + amount);
      return null;
    }
    return shareInMad(share, toMad(amount, rate), rate);
  };
  /** A foreign allocation's share in dirhams: at the counter's rate for a proforma in euros paid in dirhams. */
  const allocationInMad = (a: PeriodAllocation, share: VatPart[]) =>
    a.documentCurrency !== 'MAD' && a.paymentCurrency === 'MAD' && a.rate !== null
      ? shareInMad(share, a.paymentAmount, a.rate)
      : inMad(share, a.amount, a.documentCurrency);
  // The same breakdowns come back again and again (the catalogue's prices): each JSON text parsed once.
  const parsed = new Map<string, VatPart[]>();
  const partsOf = (json: string): VatPart[] => {
    let parts = parsed.get(json);
    if (!parts) {
      parts = parseBreakdown(json);
      parsed.set(json, parts);
    }
    return parts;
  };

  // Dirham payments of proformas in another currency are among `foreign`, one by one, with their rates.
  const dirhams = dirham.filter((d) => d.documentCurrency === 'MAD');
  const info = new Map<number, DocumentInfo>();
  for (const d of dirhams) info.set(d.documentId, { ttc: d.ttc, vatBreakdown: d.vatBreakdown, currency: 'MAD' });
  for (const a of foreign)
    info.set(a.documentId, { ttc: a.ttc, vatBreakdown: a.vatBreakdown, currency: a.documentCurrency });
  for (const c of creditUses)
    info.set(c.documentId, { ttc: c.ttc, vatBreakdown: c.vatBreakdown, currency: c.currency });
  const inDirhams = new Set(dirhams.map((d) => d.documentId));
  const irregular = new Set(creditUses.map((c) => c.documentId));
  for (const a of foreign) if (inDirhams.has(a.documentId)) irregular.add(a.documentId);
  for (const id of irregularDocuments(snapshot, [...info.keys()])) irregular.add(id);

  for (const d of dirhams) {
    if (irregular.has(d.documentId)) continue;
    add(received, receiptShare(partsOf(d.vatBreakdown), d.ttc, d.ttc - d.openBefore, d.amount));
  }
  for (const a of foreign) {
    if (irregular.has(a.documentId)) continue;
    const mad = allocationInMad(
      a,
      receiptShare(partsOf(a.vatBreakdown), a.ttc, a.ttc - a.balanceAfter - a.amount, a.amount),
    );
    if (mad) add(received, mad);
  }
  const foreignById = new Map(foreign.map((a) => [a.id, a]));
  const { start, end } = instantBounds(input.period);
  for (const [documentId, history] of historyOf(snapshot, [...irregular])) {
    const doc = info.get(documentId);
    if (!doc) continue;
    let before = 0;
    for (const s of history) {
      if (s.at >= start && s.at < end) {
        const share = receiptShare(partsOf(doc.vatBreakdown), doc.ttc, before, s.amount);
        const a = s.rank === 0 ? foreignById.get(s.id) : undefined;
        // An allocation not among the foreign ones is dirhams paid on a proforma in dirhams.
        const mad = a ? allocationInMad(a, share) : inMad(share, s.amount, doc.currency);
        if (mad) add(received, mad);
      }
      before += s.amount;
    }
  }

  for (const r of refundsAgainstNotes(snapshot, input.refunds)) {
    const mad = inMad(r.share, r.amount, r.currency);
    if (mad) add(reversed, mad);
  }
  for (const note of input.documents) {
    if (note.type !== 'credit_note' || note.creditMode !== 'balance') continue;
    const mad = inMad(parseBreakdown(note.vatBreakdown), note.ttc, note.currency);
    if (mad) add(reversed, mad);
  }

  const rates = [...new Set([...received.parts.keys(), ...reversed.parts.keys()])].sort((a, b) => b - a);
  const rows: ReceiptsVatRow[] = rates.map((rate) => {
    const inn = received.parts.get(rate) ?? { base: 0, vat: 0 };
    const out = reversed.parts.get(rate) ?? { base: 0, vat: 0 };
    return {
      rate,
      receivedBase: inn.base,
      receivedVat: inn.vat,
      reversedBase: out.base,
      reversedVat: out.vat,
      netBase: inn.base - out.base,
      netVat: inn.vat - out.vat,
    };
  });
  const sum = (key: keyof Omit<ReceiptsVatRow, 'rate'>) => rows.reduce((s, r) => s + r[key], 0);
  return {
    rows,
    totals: {
      receivedBase: sum('receivedBase'),
      receivedVat: sum('receivedVat'),
      reversedBase: sum('reversedBase'),
      reversedVat: sum('reversedVat'),
      netBase: sum('netBase'),
      netVat: sum('netVat'),
      receivedTtc: received.ttc,
      reversedTtc: reversed.ttc,
      netTtc: received.ttc - reversed.ttc,
    },
    unconverted: CURRENCIES.flatMap((currency) => {
      const amount = unconverted.get(currency) ?? 0;
      return amount === 0 ? [] : [{ currency, amount }];
    }),
  };
}

/** The standing settlements of each proforma (a voided payment never counts, credit spent does), in time order. */
function historyOf(snapshot: Snapshot, documentIds: number[]): Map<number, Settlement[]> {
  const byDocument = new Map<number, Settlement[]>();
  const add = (s: Settlement) => {
    const list = byDocument.get(s.documentId);
    if (list) list.push(s);
    else byDocument.set(s.documentId, [s]);
  };
  for (const a of standingAllocations(snapshot, documentIds)) add({ ...a, rank: 0 });
  for (const c of creditSpent(snapshot, documentIds)) add({ ...c, rank: 1 });
  for (const list of byDocument.values()) list.sort(chronological);
  return byDocument;
}

type NoteRefund = ReturnType<typeof loadNoteRefunds>[number];

/** Each refund of the period paid against a credit note, with its share of the note's HT and VAT. */
function refundsAgainstNotes(snapshot: Snapshot, refunds: readonly NoteRefund[]) {
  const noteIds = [...new Set(refunds.map((r) => r.creditNoteId))];
  const notes = new Map(
    allIn<{ id: number; ttc: number; vatBreakdown: string }>(
      snapshot,
      noteIds,
      (ids) => `SELECT id, ttc, vat_breakdown AS vatBreakdown FROM documents WHERE id IN (${ids})`,
    ).map((n) => [n.id, n]),
  );
  const earlier = allIn<{ id: number; noteId: number; amount: number; at: string }>(
    snapshot,
    noteIds,
    (ids) =>
      `SELECT id, credit_note_id AS noteId, amount, received_at AS at FROM payments
       WHERE credit_note_id IN (${ids}) AND status = 'recorded' AND direction = 'out'`,
  ).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id));
  const before = new Map<number, number>();
  const paid = new Map<number, number>();
  for (const r of earlier) {
    before.set(r.id, paid.get(r.noteId) ?? 0);
    paid.set(r.noteId, (paid.get(r.noteId) ?? 0) + r.amount);
  }
  return refunds.flatMap((r) => {
    const note = notes.get(r.creditNoteId);
    if (!note) return [];
    const share = receiptShare(parseBreakdown(note.vatBreakdown), note.ttc, before.get(r.id) ?? 0, r.amount);
    return [{ share, amount: r.amount, currency: r.currency }];
  });
}
