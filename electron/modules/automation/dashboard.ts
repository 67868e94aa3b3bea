import type { EntityManager } from 'typeorm';
import type {
  DashboardProformaRow,
  DashboardSection,
  DashboardServiceRow,
  MoneyTotal,
} from '../../../shared/api/dashboard';
import type { ProductKind } from '../../../shared/catalog';
import { clientDisplayName, type ClientKind } from '../../../shared/client';
import { businessDate } from '../../../shared/dates';
import type { Currency } from '../../../shared/money';
import { addDays, daysBetween } from '../../../shared/periods';
import type { ServiceStatus } from '../../../shared/service-state';
import type { Registry } from '../../api/registry';
import type { Clock } from '../../clock';
import type { Database } from '../../db/database';
import { lifecycleRules } from '../services/lifecycle';
import { OVERDUE_REMINDER_DAYS } from './overdue';
import { completedOn, latestRun } from './repository';
import { automationServices } from './services';
import { allRows } from './sql';
import { longestDelay, pendingTransitions } from './transitions';

/**
 * The morning dashboard reads, on the large office (150,000 services, 600,000 documents) as on a small one: counts and
 * sums from index ranges, and only the lines shown (the most urgent of each section) read in full.
 */
const SHOWN = 8;

const CLIENT_COLUMNS =
  'c."code" AS clientCode, c."kind" AS clientKind, c."first_name" AS firstName, c."last_name" AS lastName, ' +
  'c."company_name" AS companyName, c."legal_form" AS legalForm';
const OPEN_PROFORMA_OF_SERVICE =
  '(SELECT d."id" FROM "document_lines" l JOIN "documents" d ON d."id" = l."document_id" ' +
  `WHERE l."service_id" = s."id" AND l."kind" = 'service' AND d."type" = 'proforma' ` +
  `AND d."status" IN ('issued', 'partially_paid') LIMIT 1)`;
const SERVICE_COLUMNS =
  'SELECT s."id" AS serviceId, s."client_id" AS clientId, s."label" AS label, s."status" AS status, ' +
  `s."due_date" AS dueDate, p."name" AS productName, p."kind" AS kind, ${CLIENT_COLUMNS}, ` +
  `${OPEN_PROFORMA_OF_SERVICE} AS proformaId, ` +
  `(SELECT d."number" FROM "documents" d WHERE d."id" = ${OPEN_PROFORMA_OF_SERVICE}) AS proformaNumber ` +
  'FROM "services" s JOIN "products" p ON p."id" = s."product_id" JOIN "clients" c ON c."id" = s."client_id" ';
const EXPIRING =
  `WHERE s."status" = 'active' AND s."due_date" >= ? AND s."due_date" <= ? AND p."kind" = 'domain' ` +
  'AND s."termination_requested" = 0';
const EXPIRING_COUNT =
  'SELECT COUNT(*) AS total, COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM "billing_run_items" i ' +
  `WHERE i."dedupe_key" = 'renewal:' || s."id" || ':' || s."due_date") THEN 0 ELSE 1 END), 0) AS notInvoiced ` +
  `FROM "services" s JOIN "products" p ON p."id" = s."product_id" ${EXPIRING}`;
const EXPIRING_ROWS = `${SERVICE_COLUMNS}${EXPIRING} ORDER BY s."due_date", s."id" LIMIT ${SHOWN}`;
const GRACE_COUNT = `SELECT COUNT(*) AS total FROM "services" s WHERE s."status" = 'grace'`;
/** Closest to being lost first. */
const GRACE_ROWS = `${SERVICE_COLUMNS}WHERE s."status" = 'grace' ORDER BY s."due_date", s."id" LIMIT ${SHOWN}`;
const SERVICES_BY_ID = (n: number) => `${SERVICE_COLUMNS}WHERE s."id" IN (${Array(n).fill('?').join(', ')})`;
const ACTED_TODAY =
  'SELECT i."service_id" AS id, i."action" AS action FROM "billing_run_items" i JOIN "billing_runs" r ON r."id" = i."run_id" ' +
  `WHERE r."run_date" = ? AND i."action" IN ('suspended', 'terminated', 'lost') ORDER BY i."id"`;
const OPEN = `d."type" = 'proforma' AND d."status" IN ('issued', 'partially_paid')`;
const BALANCES = `SELECT d."currency" AS currency, COUNT(*) AS n, SUM(d."ttc" - d."paid") AS amount FROM "documents" d WHERE ${OPEN} `;
const PROFORMA_ROWS =
  'SELECT d."id" AS documentId, d."number" AS number, d."client_id" AS clientId, d."due_date" AS dueDate, ' +
  `d."currency" AS currency, d."ttc" AS ttc, d."paid" AS paid, ${CLIENT_COLUMNS} ` +
  `FROM "documents" d JOIN "clients" c ON c."id" = d."client_id" WHERE ${OPEN} `;
const DUE_BALANCES = `${BALANCES}AND d."due_date" >= ? AND d."due_date" <= ? GROUP BY d."currency"`;
const DUE_ROWS = `${PROFORMA_ROWS}AND d."due_date" >= ? AND d."due_date" <= ? ORDER BY d."due_date", d."id" LIMIT ${SHOWN}`;
const OVERDUE_COUNT = `SELECT COUNT(*) AS total FROM "documents" d WHERE ${OPEN} AND d."due_date" < ?`;
const RECENT_BALANCES = `${BALANCES}AND d."due_date" >= ? AND d."due_date" < ? GROUP BY d."currency"`;
/** The most recently overdue first: still within reach before suspension. */
const OVERDUE_ROWS = `${PROFORMA_ROWS}AND d."due_date" < ? ORDER BY d."due_date" DESC, d."id" DESC LIMIT ${SHOWN}`;

interface ClientColumns {
  clientCode: string;
  clientKind: ClientKind;
  firstName: string;
  lastName: string;
  companyName: string;
  legalForm: string;
}

interface ServiceSql extends ClientColumns {
  serviceId: number;
  clientId: number;
  label: string;
  status: ServiceStatus;
  dueDate: string;
  productName: string;
  kind: ProductKind;
  proformaId: number | null;
  proformaNumber: string | null;
}

interface ProformaSql extends ClientColumns {
  documentId: number;
  number: string | null;
  clientId: number;
  dueDate: string;
  currency: Currency;
  ttc: number;
  paid: number;
}

const nameOf = (r: ClientColumns) => clientDisplayName({ ...r, kind: r.clientKind });
const count = (em: EntityManager, sql: string, ...params: unknown[]) =>
  allRows<{ total: number }>(em, sql, ...params)[0]?.total ?? 0;

function serviceRow(r: ServiceSql, today: string, action: DashboardServiceRow['action'], done: boolean) {
  return {
    serviceId: r.serviceId,
    clientId: r.clientId,
    clientCode: r.clientCode,
    clientName: nameOf(r),
    label: r.label,
    productName: r.productName,
    kind: r.kind,
    status: r.status,
    dueDate: r.dueDate,
    daysToExpiry: daysBetween(today, r.dueDate),
    proforma: r.proformaId === null ? null : { id: r.proformaId, number: r.proformaNumber },
    action,
    done,
  };
}

function proformaRow(r: ProformaSql, today: string): DashboardProformaRow {
  return {
    documentId: r.documentId,
    number: r.number,
    clientId: r.clientId,
    clientCode: r.clientCode,
    clientName: nameOf(r),
    dueDate: r.dueDate,
    currency: r.currency,
    ttc: r.ttc,
    paid: r.paid,
    daysLate: daysBetween(r.dueDate, today),
  };
}

function balances(em: EntityManager, sql: string, ...params: unknown[]): { n: number; balance: MoneyTotal[] } {
  const rows = allRows<{ currency: Currency; n: number; amount: number }>(em, sql, ...params);
  return {
    n: rows.reduce((sum, r) => sum + r.n, 0),
    balance: rows.map((r) => ({ currency: r.currency, amount: r.amount })),
  };
}

const ACTIONS = { suspended: 'suspend', terminated: 'terminate', lost: 'lose' } as const;

/** Suspensions and terminations of today: recorded by today's runs, then any the calendar calls for not yet recorded. */
async function servicesToAct(em: EntityManager, today: string): Promise<DashboardSection<DashboardServiceRow>> {
  const acted = allRows<{ id: number; action: keyof typeof ACTIONS }>(em, ACTED_TODAY, today);
  const rules = await lifecycleRules(em);
  const pending = pendingTransitions(em, today, rules, addDays(today, -(longestDelay(rules) + 1))).filter(
    (t) => t.to !== 'grace',
  );
  const lines = [
    ...pending.map((t) => ({ id: t.id, action: ACTIONS[t.to as keyof typeof ACTIONS], done: false })),
    ...acted.map((a) => ({ id: a.id, action: ACTIONS[a.action], done: true })),
  ];
  const shown = lines.slice(0, SHOWN);
  const rows = shown.length ? allRows<ServiceSql>(em, SERVICES_BY_ID(shown.length), ...shown.map((l) => l.id)) : [];
  const byId = new Map(rows.map((r) => [r.serviceId, r]));
  return {
    total: lines.length,
    rows: shown.flatMap((l) => {
      const row = byId.get(l.id);
      return row ? [serviceRow(row, today, l.action, l.done)] : [];
    }),
  };
}

export function registerDashboardHandlers(registry: Registry, { db, clock }: { db: Database; clock: Clock }): void {
  const { outbox } = automationServices(db, clock);

  registry.register('dashboard.today', async () => {
    const em = db.reader;
    const today = businessDate(clock.now());
    const in30 = addDays(today, 30);
    const in7 = addDays(today, 7);
    const expiring = allRows<{ total: number; notInvoiced: number }>(em, EXPIRING_COUNT, today, in30)[0];
    const due = balances(em, DUE_BALANCES, today, in7);
    const recent = balances(em, RECENT_BALANCES, addDays(today, -OVERDUE_REMINDER_DAYS), today);
    const mail = outbox.status();
    return {
      today,
      domainsExpiring: {
        total: expiring?.total ?? 0,
        notInvoiced: expiring?.notInvoiced ?? 0,
        rows: allRows<ServiceSql>(em, EXPIRING_ROWS, today, in30).map((r) => serviceRow(r, today, null, false)),
      },
      proformasDue: {
        total: due.n,
        balance: due.balance,
        rows: allRows<ProformaSql>(em, DUE_ROWS, today, in7).map((r) => proformaRow(r, today)),
      },
      proformasOverdue: {
        total: count(em, OVERDUE_COUNT, today),
        recent: recent.n,
        balance: recent.balance,
        rows: allRows<ProformaSql>(em, OVERDUE_ROWS, today).map((r) => proformaRow(r, today)),
      },
      servicesToAct: await servicesToAct(em, today),
      domainsInGrace: {
        total: count(em, GRACE_COUNT),
        rows: allRows<ServiceSql>(em, GRACE_ROWS).map((r) => serviceRow(r, today, null, false)),
      },
      mail: { queued: mail.queued, failed: mail.failed, enabled: mail.enabled && mail.configured },
      lastRun: await latestRun(em),
      ranToday: await completedOn(em, today),
    };
  });
}
