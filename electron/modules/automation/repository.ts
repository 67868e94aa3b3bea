import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { BillingRunDto, BillingRunItemDto, RunAction } from '../../../shared/api/automation';
import { clientDisplayName } from '../../../shared/client';
import {
  BillingRunEntity,
  ClientEntity,
  DocumentEntity,
  ServiceEntity,
  type BillingRunItemRow,
  type BillingRunRow,
} from '../../db/entities';
import { notFound } from '../../errors';

export function runDto(row: BillingRunRow): BillingRunDto {
  return {
    id: row.id,
    runDate: row.runDate,
    trigger: row.trigger,
    status: row.status,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    startedBy: row.startedBy,
    counts: JSON.parse(row.counts) as Partial<Record<RunAction, number>>,
    mails: row.mails,
    error: row.error,
    resumedRunId: row.resumedRunId,
  };
}

export async function findRun(em: EntityManager, id: number): Promise<BillingRunDto> {
  const row = await em.findOneBy(BillingRunEntity, { id });
  if (!row) throw notFound('Exécution');
  return runDto(row);
}

/** The latest run, whatever its outcome. */
export async function latestRun(em: EntityManager): Promise<BillingRunDto | null> {
  const [row] = await em.find(BillingRunEntity, { order: { id: 'DESC' }, take: 1 });
  return row ? runDto(row) : null;
}

/** Whether a run finished its work for this day (the next ones that day only look at what may have changed since). */
export async function completedOn(em: EntityManager, day: string): Promise<boolean> {
  return em.existsBy(BillingRunEntity, { runDate: day, status: 'done' });
}

export async function itemDtos(em: EntityManager, rows: BillingRunItemRow[]): Promise<BillingRunItemDto[]> {
  const ids = (pick: (r: BillingRunItemRow) => number | null) => [
    ...new Set(rows.flatMap((r) => (pick(r) === null ? [] : [pick(r) as number]))),
  ];
  const [clients, services, documents, runs] = await Promise.all([
    em.findBy(ClientEntity, { id: In(ids((r) => r.clientId)) }),
    em.findBy(ServiceEntity, { id: In(ids((r) => r.serviceId)) }),
    em.findBy(DocumentEntity, { id: In(ids((r) => r.documentId)) }),
    em.findBy(BillingRunEntity, { id: In(ids((r) => r.runId)) }),
  ]);
  const clientOf = new Map(clients.map((c) => [c.id, c]));
  const serviceOf = new Map(services.map((s) => [s.id, s]));
  const documentOf = new Map(documents.map((d) => [d.id, d]));
  const runOf = new Map(runs.map((r) => [r.id, r]));
  return rows.map((r) => {
    const client = r.clientId === null ? undefined : clientOf.get(r.clientId);
    return {
      id: r.id,
      runId: r.runId,
      runDate: runOf.get(r.runId)?.runDate ?? '',
      action: r.action,
      clientId: r.clientId,
      clientCode: client?.code ?? null,
      clientName: client ? clientDisplayName(client) : null,
      serviceId: r.serviceId,
      serviceLabel: r.serviceId === null ? null : (serviceOf.get(r.serviceId)?.label ?? null),
      documentId: r.documentId,
      documentNumber: r.documentId === null ? null : (documentOf.get(r.documentId)?.number ?? null),
      detail: r.detail,
      at: r.at,
    };
  });
}
