import type {
  DomainsSection,
  ExpiringDomainRow,
  ServiceChange,
  ServiceChangeRow,
  ServicesSection,
} from '../../../shared/api/reports';
import type { ProductKind } from '../../../shared/catalog';
import { ZONE } from '../../../shared/dates';
import { followingMonth, type ReportPeriod } from '../../../shared/report-period';
import type { ServiceStatus } from '../../../shared/service-state';
import { CLIENT_COLUMNS, clientNameOf, type ClientColumns } from './clients';
import { instantBounds } from './load';
import { allIn, type Snapshot } from './snapshot';

const CHANGES: readonly ServiceChange[] = ['suspended', 'terminated', 'lost'];

type EventRow = ClientColumns & {
  at: string;
  serviceId: number;
  fromStatus: string | null;
  change: ServiceChange;
  details: string;
  username: string | null;
  label: string;
  productName: string;
  kind: ProductKind;
  clientId: number;
};

/** The Casablanca calendar day of a stored instant, from the zone's offset (Luxon's parsing, row after row, costs). */
function casablancaDay(iso: string): string {
  const ms = Date.parse(iso);
  return new Date(ms + ZONE.offset(ms) * 60_000).toISOString().slice(0, 10);
}

/** A suspension's reason (non_payment, abuse), from the event's details. */
function reasonOf(details: string): string {
  const reason = (JSON.parse(details) as { reason?: unknown }).reason;
  return typeof reason === 'string' ? reason : '';
}

/**
 * Services suspended, terminated (and domains lost) in the period: the dated status changes of their history, by
 * hand or by the daily run. `limit` cuts the list; the counts are whole.
 */
export function servicesSection(snapshot: Snapshot, period: ReportPeriod, limit: number): ServicesSection {
  const { start, end } = instantBounds(period);
  const rows = snapshot.all<EventRow>(
    `SELECT e.at, e.service_id AS serviceId, e.from_status AS fromStatus, e.to_status AS change, e.details,
       e.username, s.label, pr.name AS productName, pr.kind, s.client_id AS clientId, ${CLIENT_COLUMNS}
     FROM service_events e
     JOIN services s ON s.id = e.service_id
     JOIN products pr ON pr.id = s.product_id
     JOIN clients c ON c.id = s.client_id
     WHERE e.to_status IN ('suspended', 'terminated', 'lost') AND e.at >= ? AND e.at < ?
       AND (e.from_status IS NULL OR e.from_status <> e.to_status)
     ORDER BY e.at, e.id`,
    [start, end],
  );
  const counts = Object.fromEntries(CHANGES.map((c) => [c, 0])) as Record<ServiceChange, number>;
  for (const r of rows) counts[r.change] += 1;
  return {
    counts,
    total: rows.length,
    rows: rows.slice(0, limit).map((r): ServiceChangeRow => ({
      date: casablancaDay(r.at),
      at: r.at,
      change: r.change,
      serviceId: r.serviceId,
      label: r.label,
      productName: r.productName,
      kind: r.kind,
      clientId: r.clientId,
      clientCode: r.clientCode,
      clientName: clientNameOf(r),
      fromStatus: r.fromStatus,
      reason: reasonOf(r.details),
      username: r.username,
    })),
  };
}

type DomainRow = ClientColumns & {
  serviceId: number;
  domain: string;
  clientId: number;
  expiry: string;
  status: ServiceStatus;
  terminationRequested: number;
};

/**
 * The open proforma (issued, not fully paid) on which each service is renewed, if any: the service lines of those
 * services (one index), kept when their proforma is open (another), and the numbers of the few that are.
 */
function renewalsOf(snapshot: Snapshot, serviceIds: number[]): Map<number, { id: number; number: string | null }> {
  if (serviceIds.length === 0) return new Map();
  const open = new Set(
    snapshot
      .all<{ id: number }>(
        `SELECT id FROM documents WHERE type = 'proforma' AND status IN ('issued', 'partially_paid')`,
      )
      .map((d) => d.id),
  );
  const lines = allIn<{ serviceId: number; documentId: number }>(
    snapshot,
    serviceIds,
    (ids) =>
      `SELECT service_id AS serviceId, document_id AS documentId FROM document_lines
       WHERE service_id IN (${ids}) AND kind = 'service'`,
  ).filter((l) => open.has(l.documentId));
  const numbers = new Map(
    allIn<{ id: number; number: string | null }>(
      snapshot,
      [...new Set(lines.map((l) => l.documentId))],
      (ids) => `SELECT id, number FROM documents WHERE id IN (${ids})`,
    ).map((d) => [d.id, d.number]),
  );
  return new Map(lines.map((l) => [l.serviceId, { id: l.documentId, number: numbers.get(l.documentId) ?? null }]));
}

/** Domains whose paid time ends in the month after the period, with the renewal proforma already out, if any. */
export function domainsSection(snapshot: Snapshot, period: ReportPeriod, limit: number): DomainsSection {
  const next = followingMonth(period);
  const rows = snapshot.all<DomainRow>(
    `SELECT s.id AS serviceId, s.label AS domain, s.client_id AS clientId, s.due_date AS expiry, s.status,
       s.termination_requested AS terminationRequested, ${CLIENT_COLUMNS}
     FROM services s
     JOIN products pr ON pr.id = s.product_id
     JOIN clients c ON c.id = s.client_id
     WHERE s.status IN ('active', 'suspended', 'grace') AND s.due_date >= ? AND s.due_date <= ? AND pr.kind = 'domain'
     ORDER BY s.due_date, s.label`,
    [next.from, next.to],
  );
  const renewals = renewalsOf(
    snapshot,
    rows.map((r) => r.serviceId),
  );
  return {
    period: next,
    total: rows.length,
    withRenewal: rows.filter((r) => renewals.has(r.serviceId)).length,
    rows: rows.slice(0, limit).map((r): ExpiringDomainRow => ({
      serviceId: r.serviceId,
      domain: r.domain,
      clientId: r.clientId,
      clientCode: r.clientCode,
      clientName: clientNameOf(r),
      expiry: r.expiry,
      status: r.status,
      terminationRequested: Boolean(r.terminationRequested),
      renewal: renewals.get(r.serviceId) ?? null,
    })),
  };
}
