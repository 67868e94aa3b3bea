import type { EntityManager } from 'typeorm';
import { addDays, daysBetween, formatCalendarDate } from '../../../shared/periods';
import { formatMoney, type Currency } from '../../../shared/money';
import { allRows } from './sql';
import { chunks, type RunContext } from './run-log';

/**
 * A proforma is announced overdue (and its reminder e-mailed) once, in the month after its due date: older debts, from
 * before Guichet ran every day, show on the dashboard but are not e-mailed all at once.
 */
export const OVERDUE_REMINDER_DAYS = 30;

export interface OverdueProforma {
  id: number;
  clientId: number;
  number: string;
  dueDate: string;
  currency: Currency;
  balance: number;
}

const SQL =
  'SELECT d."id" AS id, d."client_id" AS clientId, d."number" AS number, d."due_date" AS dueDate, ' +
  'd."currency" AS currency, d."ttc" - d."paid" AS balance FROM "documents" d ' +
  `WHERE d."type" = 'proforma' AND d."status" IN ('issued', 'partially_paid') AND d."due_date" >= ? AND d."due_date" < ? ` +
  `AND NOT EXISTS (SELECT 1 FROM "billing_run_items" i WHERE i."dedupe_key" = 'overdue:' || d."id") ORDER BY d."id"`;

/** Open proformas past their due date and not announced yet, on the (type, status, due_date) index. */
export function newlyOverdue(em: EntityManager, today: string): OverdueProforma[] {
  return allRows<OverdueProforma>(em, SQL, addDays(today, -OVERDUE_REMINDER_DAYS), today);
}

/** Marks the proformas that fell overdue, each with its reminder e-mail (before the suspension). */
export async function markOverdue(ctx: RunContext): Promise<void> {
  for (const batch of chunks(newlyOverdue(ctx.db.reader, ctx.today), ctx.options.batchSize ?? 200)) {
    await ctx.log.batch(ctx, 'automation.overdue', (tx) => {
      for (const p of batch) {
        const late = daysBetween(p.dueDate, ctx.today);
        const added = ctx.log.add(tx, {
          action: 'overdue',
          clientId: p.clientId,
          documentId: p.id,
          dedupeKey: `overdue:${p.id}`,
          detail:
            `Proforma ${p.number} échue le ${formatCalendarDate(p.dueDate)} (${late} jour${late > 1 ? 's' : ''} de ` +
            `retard), reste à payer ${formatMoney(p.balance, p.currency)}.`,
        });
        if (added) {
          ctx.log.mail(tx, {
            kind: 'overdue_reminder',
            clientId: p.clientId,
            documentId: p.id,
            dedupeKey: `overdue:${p.id}`,
          });
        }
      }
    });
  }
}
