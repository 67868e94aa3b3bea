import type { EntityManager } from 'typeorm';
import type { MonthStatementDto } from '../../../shared/api/outsourcing';
import { monthHours } from '../../../shared/durations';
import type { ProductKind } from '../../../shared/catalog';
import { allRows } from '../automation/sql';

export const OUTSOURCING_KINDS: readonly ProductKind[] = ['outsourcing_mission', 'outsourcing_monthly'];

/** Proformas out with the client or paid: what they bill is billed (a cancelled one bills nothing). */
const LIVE = `d."type" = 'proforma' AND d."status" IN ('issued', 'partially_paid', 'paid')`;

/** "2026-12-08" → "2026-12". */
export const monthOf = (date: string) => date.slice(0, 7);

interface MonthUse {
  month: string;
  used: number;
}

/** Minutes spent on a service, month by month, oldest first. */
export function usedByMonth(em: EntityManager, serviceId: number): MonthUse[] {
  return allRows<MonthUse>(
    em,
    'SELECT substr("work_date", 1, 7) AS month, SUM("minutes") AS used FROM "time_entries" ' +
      'WHERE "service_id" = ? GROUP BY substr("work_date", 1, 7) ORDER BY month',
    serviceId,
  );
}

interface BilledLine {
  periodFrom: string | null;
  documentId: number;
  number: string | null;
}

/** The hours lines of a service on live proformas: a month's extra hours (monthly), the final hours (mission). */
export function billedHours(em: EntityManager, serviceId: number, exceptDocumentId = 0): BilledLine[] {
  return allRows<BilledLine>(
    em,
    'SELECT l."period_from" AS periodFrom, d."id" AS documentId, d."number" AS number FROM "document_lines" l ' +
      `JOIN "documents" d ON d."id" = l."document_id" WHERE l."service_id" = ? AND l."kind" = 'hours' AND ${LIVE} ` +
      'AND d."id" <> ? ORDER BY d."id"',
    serviceId,
    exceptDocumentId,
  );
}

/** Each month of a monthly contract with time spent: used, included, extra, and where the extra was billed. */
export function monthStatements(
  em: EntityManager,
  serviceId: number,
  includedHours: number,
  today: string,
): MonthStatementDto[] {
  const billed = new Map(billedHours(em, serviceId).map((b) => [monthOf(b.periodFrom ?? ''), b]));
  return usedByMonth(em, serviceId).map(({ month, used }) => {
    const bill = billed.get(month);
    return {
      month,
      ...monthHours(used, includedHours),
      closed: month < monthOf(today),
      billedOn: bill ? { id: bill.documentId, number: bill.number } : null,
    };
  });
}

/** Months over, with hours beyond those included, not yet on a live proforma: what the next one must bill. */
export function unbilledExtras(
  em: EntityManager,
  serviceId: number,
  includedHours: number,
  today: string,
): MonthStatementDto[] {
  return monthStatements(em, serviceId, includedHours, today).filter((m) => m.closed && m.extra > 0 && !m.billedOn);
}

interface EstimateLine {
  quantity: number;
  amountHt: number;
  vatRate: number;
  documentId: number;
  number: string | null;
  status: string;
}

/** A mission's estimate lines on its live proformas (paid ones are the deposit). */
export function estimateLines(em: EntityManager, serviceId: number): EstimateLine[] {
  return allRows<EstimateLine>(
    em,
    'SELECT l."quantity" AS quantity, l."amount_ht" AS amountHt, l."vat_rate" AS vatRate, d."id" AS documentId, ' +
      'd."number" AS number, d."status" AS status FROM "document_lines" l ' +
      `JOIN "documents" d ON d."id" = l."document_id" WHERE l."service_id" = ? AND l."kind" = 'estimate' AND ${LIVE} ` +
      'ORDER BY d."id"',
    serviceId,
  );
}
