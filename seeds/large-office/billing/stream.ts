import { createHash } from 'node:crypto';
import type { InvoicePaymentDto } from '../../../shared/api/documents';
import { isRecurring } from '../../../shared/catalog';
import type { Currency } from '../../../shared/money';
import { documentTotals, type DocumentTotals } from '../../../shared/totals';
import { invoicePaymentLine } from '../../../electron/modules/payments/ledger';
import { Prng } from '../../prng';
import { iso } from '../calendar';
import { cancelInstant } from '../plan/billing-plan';
import { schedule } from '../plan/instalments';
import { CANCELLED, PAID, type OfficePlan, type PlannedProforma } from '../plan/types';
import { openDaySessions } from './cash';
import { proformaLines, type Line } from './lines';
import { choosePayment, splitAmount, type PaymentChoice } from './payment-details';
import type { Buyer, Buyers } from './snapshots';
import type { Writer } from './writer';

const DAY_MS = 86_400_000;
const CREDIT_REASONS = [
  'Erreur de facturation',
  'Double facturation',
  'Geste commercial',
  'Service non livré',
] as const;

/** A proforma written and still receiving payments. */
interface Open {
  plan: PlannedProforma;
  rng: Prng;
  id: number;
  lines: Line[];
  totals: DocumentTotals;
  buyer: Buyer;
  paid: number;
  payments: InvoicePaymentDto[];
}

interface Instalment {
  ms: number;
  open: Open | null;
  clientId: number;
  currency: Currency;
  /** What goes to the proforma (0 for a deposit). */
  allocation: number;
  /** What the client handed over for the account: the allocation plus any credit. */
  amount: number;
  last: boolean;
  choice: PaymentChoice;
}

interface CreditNote {
  ms: number;
  invoiceId: number;
  lineIds: number[];
  open: Open;
  mode: 'balance' | 'refund';
  reason: string;
}

function push<T>(map: Map<number, T[]>, day: number, item: T): void {
  const list = map.get(day);
  if (list) list.push(item);
  else map.set(day, [item]);
}

const payloadHash = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * Writes the planned history day by day, in time order, so that every series is numbered in the order of its dates:
 * the day's service events, then its proformas, then its payments (with the invoices they complete), then its credit
 * notes. Payments are planned when their proforma is written and wait in per-day buckets.
 */
export class BillingStream {
  private readonly payments = new Map<number, Instalment[]>();
  private readonly creditNotes = new Map<number, CreditNote[]>();
  private nextProforma = 0;
  private nextDeposit = 0;
  private nextCreated = 0;
  private nextEvent = 0;
  private readonly codes: Map<number, { code: string; recurring: boolean }>;

  constructor(
    private readonly plan: OfficePlan,
    private readonly writer: Writer,
    private readonly buyers: Buyers,
    private readonly seller: string,
    private readonly rng: Prng,
  ) {
    this.codes = new Map(plan.catalogue.products.map((p) => [p.id, { code: p.code, recurring: isRecurring(p.kind) }]));
  }

  /** Two desks from the fifth year on. */
  private desks(day: number): number {
    return day > this.plan.calendar.endDay - 6 * 365 ? 2 : 1;
  }

  run(day: number): void {
    this.events(day);
    this.proformas(day);
    this.paymentsOf(day);
    for (const note of (this.creditNotes.get(day) ?? []).sort((a, b) => a.ms - b.ms)) this.creditNote(day, note);
    this.creditNotes.delete(day);
  }

  /** Creations and the planned status changes of the day, merged by time. */
  private events(day: number): void {
    const { services, events, calendar } = this.plan;
    const until = calendar.day0Ms + (day + 1) * DAY_MS;
    for (;;) {
      const s = services[this.nextCreated];
      const e = events[this.nextEvent];
      const sMs = s && s.createdMs < until ? s.createdMs : Infinity;
      const eMs = e && e.ms < until ? e.ms : Infinity;
      if (sMs === Infinity && eMs === Infinity) return;
      if (s && sMs <= eMs) {
        const product = this.codes.get(s.productId);
        const status = product?.recurring ? 'pending' : 'active';
        this.writer.event(s.id, iso(s.createdMs), 'created', null, status, { product: product?.code, paidUntil: null });
        this.nextCreated++;
      } else if (e) {
        this.writer.event(e.serviceId, iso(e.ms), e.kind, e.from, e.to, e.details);
        this.nextEvent++;
      }
    }
  }

  private proformas(day: number): void {
    const { proformas, calendar } = this.plan;
    const today: { p: PlannedProforma; s: ReturnType<typeof schedule> }[] = [];
    while (proformas[this.nextProforma]?.issueDay === day) {
      const p = proformas[this.nextProforma++];
      if (p) today.push({ p, s: schedule(calendar, p.seed, p, p.instalments) });
    }
    // Numbers follow the instants of issue.
    today.sort((a, b) => a.s.issueMs - b.s.issueMs);
    for (const { p, s } of today) this.proforma(p, s);
  }

  private proforma(p: PlannedProforma, s: ReturnType<typeof schedule>): void {
    const { calendar } = this.plan;
    const { rng } = s;
    const { lines, totals } = proformaLines(this.plan, p, rng);
    const buyer = this.buyers.of(p.clientId);
    const parts = splitAmount(totals.ttc, p.instalments);
    const received = parts.slice(0, p.made).reduce((sum, a) => sum + a, 0);
    const issueDate = calendar.date(p.issueDay);
    const start = lines[0]?.periodFrom;
    const dueDate = start ? (start > issueDate ? start : issueDate) : calendar.date(p.issueDay + 15);
    const cancelledMs = p.fate === CANCELLED ? cancelInstant(calendar, p) : 0;
    const lastMs = p.made > 0 ? (s.payments[p.made - 1] ?? s.issueMs) : s.issueMs;
    const written = this.writer.document({
      type: 'proforma',
      status: p.invoiceMs > 0 ? 'paid' : cancelledMs > 0 ? 'cancelled' : received > 0 ? 'partially_paid' : 'issued',
      clientId: p.clientId,
      currency: p.currency,
      issueDate,
      dueDate,
      sourceId: null,
      ht: totals.ht,
      totalVat: totals.totalVat,
      ttc: totals.ttc,
      vatBreakdown: JSON.stringify(totals.vat),
      paid: received,
      reason: '',
      creditMode: null,
      payments: '[]',
      seller: this.seller,
      buyer: buyer.json,
      issuedAt: iso(s.issueMs),
      cancelledAt: cancelledMs > 0 ? iso(cancelledMs) : null,
      cancelReason: cancelledMs > 0 ? 'Non réglée par le client' : '',
      updatedAt: iso(cancelledMs > 0 ? cancelledMs : lastMs),
    });
    this.writer.lines(written.id, lines, () => 0);
    if (p.made === 0) return;
    const open: Open = { plan: p, rng, id: written.id, lines, totals, buyer, paid: 0, payments: [] };
    for (let i = 0; i < p.made; i++) {
      const ms = s.payments[i] ?? s.issueMs;
      const allocation = parts[i] ?? 0;
      const last = p.fate === PAID && i === p.instalments - 1;
      // Now and then the last instalment is rounded up: the change stays on the account as credit.
      const amount =
        last && p.currency === 'MAD' && rng.chance(0.02) ? (Math.floor(allocation / 5000) + 1) * 5000 : allocation;
      const payDay = calendar.dayOfMs(ms);
      const choice = choosePayment(rng, amount, p.currency, buyer, calendar.date(payDay), this.desks(payDay));
      push(this.payments, payDay, {
        ms,
        open,
        clientId: p.clientId,
        currency: p.currency,
        allocation,
        amount,
        last,
        choice,
      });
    }
  }

  /** The day's deposits: money left whole on the account. */
  private deposits(day: number): Instalment[] {
    const { deposits, calendar } = this.plan;
    const list: Instalment[] = [];
    while (deposits[this.nextDeposit]?.day === day) {
      const d = deposits[this.nextDeposit++];
      if (!d) continue;
      const rng = new Prng(d.seed);
      const ms = calendar.at(day, rng.next());
      const amount = rng.int(20, 300) * 1000;
      const choice = choosePayment(rng, amount, 'MAD', this.buyers.of(d.clientId), calendar.date(day), this.desks(day));
      list.push({ ms, open: null, clientId: d.clientId, currency: 'MAD', allocation: 0, amount, last: false, choice });
    }
    return list;
  }

  private paymentsOf(day: number): void {
    const { calendar } = this.plan;
    const today = [...(this.payments.get(day) ?? []), ...this.deposits(day)].sort((a, b) => a.ms - b.ms);
    this.payments.delete(day);
    const cash = new Map<string, number>();
    for (const t of today) {
      if (t.choice.method === 'cash')
        cash.set(t.choice.desk, (cash.get(t.choice.desk) ?? 0) + t.amount + t.choice.stampDuty);
    }
    const sessions = openDaySessions(this.writer, calendar, day, cash, this.rng);
    const paidOn = calendar.date(day);
    const year = Number(paidOn.slice(0, 4));
    for (const t of today) {
      const at = iso(t.ms);
      const credit = t.amount - t.allocation;
      const payment = this.writer.payment(
        {
          year,
          clientId: t.clientId,
          amount: t.amount,
          stampDuty: t.choice.stampDuty,
          currency: t.currency,
          method: t.choice.method,
          details: t.choice.details,
          paidOn,
          receivedAt: at,
          sessionId: t.choice.method === 'cash' ? (sessions.get(t.choice.desk) ?? null) : null,
          credit,
        },
        payloadHash,
      );
      if (t.open) {
        const open = t.open;
        open.paid += t.allocation;
        open.payments.push(
          invoicePaymentLine(
            { paidOn, method: t.choice.method, number: payment.number, details: t.choice.details },
            t.allocation,
          ),
        );
        const invoiceId = t.last ? this.invoice(open, day, t.ms) : null;
        this.writer.allocation(payment.id, open.id, t.allocation, open.totals.ttc - open.paid, invoiceId, at);
      }
      if (credit > 0) this.writer.credit(t.clientId, t.currency, credit, 'payment', null, at);
      if (t.choice.method === 'cash') {
        const session = sessions.get(t.choice.desk);
        if (session !== undefined) this.writer.movement(session, t.amount + t.choice.stampDuty, payment.id, at);
      }
    }
  }

  /** The invoice of a proforma completed by a payment, and the extension of each service it paid. */
  private invoice(open: Open, day: number, ms: number): number {
    const { calendar } = this.plan;
    const p = open.plan;
    const credited = p.creditNoteDay >= 0;
    const noteMs = credited ? calendar.at(p.creditNoteDay, open.rng.next()) : 0;
    const at = iso(ms);
    const written = this.writer.document({
      type: 'invoice',
      status: credited ? 'credited' : 'issued',
      clientId: p.clientId,
      currency: p.currency,
      issueDate: calendar.date(day),
      dueDate: null,
      sourceId: open.id,
      ht: open.totals.ht,
      totalVat: open.totals.totalVat,
      ttc: open.totals.ttc,
      vatBreakdown: JSON.stringify(open.totals.vat),
      paid: open.totals.ttc,
      reason: '',
      creditMode: null,
      payments: JSON.stringify(open.payments),
      seller: this.seller,
      buyer: open.buyer.json,
      issuedAt: at,
      cancelledAt: null,
      cancelReason: '',
      updatedAt: credited ? iso(noteMs) : at,
    });
    const lineIds = this.writer.lines(written.id, open.lines, (l) => (credited ? l.quantity : 0));
    const from = p.paidBefore === 0 ? 'pending' : p.late ? 'grace' : 'active';
    for (const l of open.lines) {
      if (l.kind !== 'service' || l.serviceId === null) continue;
      const details = { from: l.periodFrom, to: l.periodTo, months: l.months };
      this.writer.event(l.serviceId, at, 'extension', from, 'active', details);
    }
    if (credited) {
      const mode = open.rng.chance(0.7) ? ('balance' as const) : ('refund' as const);
      const reason = open.rng.pick(CREDIT_REASONS);
      push(this.creditNotes, p.creditNoteDay, { ms: noteMs, invoiceId: written.id, lineIds, open, mode, reason });
    }
    return written.id;
  }

  /** A credit note cancelling the whole of an invoice. */
  private creditNote(day: number, note: CreditNote): void {
    const { open } = note;
    const lines = open.lines.map((l) => ({ ...l, months: 0 }));
    const totals = documentTotals(lines);
    const at = iso(note.ms);
    const written = this.writer.document({
      type: 'credit_note',
      status: 'issued',
      clientId: open.plan.clientId,
      currency: open.plan.currency,
      issueDate: this.plan.calendar.date(day),
      dueDate: null,
      sourceId: note.invoiceId,
      ht: totals.ht,
      totalVat: totals.totalVat,
      ttc: totals.ttc,
      vatBreakdown: JSON.stringify(totals.vat),
      paid: 0,
      reason: note.reason,
      creditMode: note.mode,
      payments: '[]',
      seller: this.seller,
      buyer: open.buyer.json,
      issuedAt: at,
      cancelledAt: null,
      cancelReason: '',
      updatedAt: at,
    });
    this.writer.lines(written.id, lines, () => 0, note.lineIds);
    if (note.mode === 'balance') {
      this.writer.credit(open.plan.clientId, open.plan.currency, totals.ttc, 'credit_note', written.id, at);
    }
  }
}
