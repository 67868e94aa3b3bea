import type { EntityManager } from 'typeorm';
import type { TimeEntryDto } from '../../../shared/api/outsourcing';
import { businessDate } from '../../../shared/dates';
import { formatDuration, MINUTES_PER_DAY } from '../../../shared/durations';
import { formatCalendarDate } from '../../../shared/periods';
import type { Actor, WriteTx } from '../../db/database';
import {
  ProductEntity,
  ServiceEntity,
  TimeEntryEntity,
  type ProductRow,
  type ServiceRow,
  type TimeEntryRow,
} from '../../db/entities';
import { AppError, fieldError, notFound } from '../../errors';
import { allRows } from '../automation/sql';
import { billedHours, monthOf, OUTSOURCING_KINDS } from './hours';

export interface EntryFields {
  workDate: string;
  minutes: number;
  description: string;
}

/** An outsourcing service with its product, or a French refusal. */
export async function outsourcingService(
  em: EntityManager,
  serviceId: number,
): Promise<{ service: ServiceRow; product: ProductRow }> {
  const service = await em.findOneBy(ServiceEntity, { id: serviceId });
  if (!service) throw notFound('Service');
  const product = await em.findOneByOrFail(ProductEntity, { id: service.productId });
  if (!OUTSOURCING_KINDS.includes(product.kind)) {
    throw fieldError('serviceId', `Le service ${service.label} n'est pas de l'infogérance : pas de temps passé.`);
  }
  return { service, product };
}

/** Whether the hours an entry counts in are invoiced: the mission's final proforma, the month's extra hours. */
export function isFrozen(em: EntityManager, product: ProductRow, serviceId: number, workDate: string): boolean {
  const billed = billedHours(em, serviceId);
  if (product.kind === 'outsourcing_mission') return billed.length > 0;
  return billed.some((b) => monthOf(b.periodFrom ?? '') === monthOf(workDate));
}

export function entryDto(em: EntityManager, product: ProductRow, row: TimeEntryRow): TimeEntryDto {
  return {
    id: row.id,
    serviceId: row.serviceId,
    workDate: row.workDate,
    minutes: row.minutes,
    username: row.username,
    description: row.description,
    frozen: isFrozen(em, product, row.serviceId, row.workDate),
  };
}

function minutesOfDay(em: EntityManager, userId: number, workDate: string, exceptId: number): number {
  const [row] = allRows<{ total: number | null }>(
    em,
    'SELECT SUM("minutes") AS total FROM "time_entries" WHERE "user_id" = ? AND "work_date" = ? AND "id" <> ?',
    userId,
    workDate,
    exceptId,
  );
  return row?.total ?? 0;
}

/**
 * The rules every entry obeys, checked before anything is written: a service still running, a day not in the future
 * nor before the service, hours not invoiced yet, at most 24 h a day for one person.
 */
function check(
  tx: WriteTx,
  actor: Actor & { userId: number },
  service: ServiceRow,
  product: ProductRow,
  fields: EntryFields,
  exceptId: number,
): void {
  if (['terminated', 'cancelled', 'lost'].includes(service.status)) {
    throw fieldError('serviceId', `Le service ${service.label} est terminé : plus de temps passé à y noter.`);
  }
  const today = businessDate(tx.now);
  if (fields.workDate > today) {
    throw fieldError('workDate', 'Le temps passé se note une fois fait : la date ne peut être dans le futur.');
  }
  if (fields.workDate < service.anchorDate) {
    throw fieldError('workDate', `La date précède le début du service (${formatCalendarDate(service.anchorDate)}).`);
  }
  if (isFrozen(tx.em, product, service.id, fields.workDate)) {
    throw fieldError(
      'workDate',
      product.kind === 'outsourcing_mission'
        ? 'Cette mission est déjà facturée : son temps passé ne change plus.'
        : 'Les heures de ce mois sont déjà facturées : ce mois ne change plus.',
    );
  }
  const day = minutesOfDay(tx.em, actor.userId, fields.workDate, exceptId);
  if (day + fields.minutes > MINUTES_PER_DAY) {
    throw fieldError(
      'duration',
      `Plus de 24 h le ${formatCalendarDate(fields.workDate)} pour ${actor.username ?? 'cette personne'} ` +
        `(déjà ${formatDuration(day)} noté).`,
    );
  }
}

function signedIn(actor: Actor): Actor & { userId: number; username: string } {
  if (actor.userId === null || actor.username === null) throw new AppError('UNAUTHENTICATED', 'Connectez-vous.');
  return { userId: actor.userId, username: actor.username };
}

export async function addEntry(tx: WriteTx, actor: Actor, serviceId: number, fields: EntryFields): Promise<number> {
  const who = signedIn(actor);
  const { service, product } = await outsourcingService(tx.em, serviceId);
  check(tx, who, service, product, fields, 0);
  const at = tx.now.toISOString();
  const saved = await tx.em.save(TimeEntryEntity, {
    serviceId,
    clientId: service.clientId,
    ...fields,
    userId: who.userId,
    username: who.username,
    createdAt: at,
    updatedAt: at,
  });
  await tx.audit({
    action: 'outsourcing.addEntry',
    entity: 'time_entry',
    entityId: saved.id,
    summary: { service: service.label, ...fields },
  });
  return saved.id;
}

export async function updateEntry(tx: WriteTx, actor: Actor, id: number, fields: EntryFields): Promise<void> {
  const who = signedIn(actor);
  const before = await tx.em.findOneBy(TimeEntryEntity, { id });
  if (!before) throw notFound('Temps passé');
  if (before.userId !== who.userId) {
    throw new AppError('FORBIDDEN', `Seul ${before.username}, qui l'a noté, peut modifier ce temps passé.`);
  }
  const { service, product } = await outsourcingService(tx.em, before.serviceId);
  if (isFrozen(tx.em, product, service.id, before.workDate)) {
    throw new AppError('CONFLICT', 'Ce temps passé est déjà facturé : il ne change plus.');
  }
  check(tx, who, service, product, fields, id);
  await tx.em.update(TimeEntryEntity, { id }, { ...fields, updatedAt: tx.now.toISOString() });
  await tx.audit({
    action: 'outsourcing.updateEntry',
    entity: 'time_entry',
    entityId: id,
    summary: {
      before: { workDate: before.workDate, minutes: before.minutes, description: before.description },
      after: fields,
    },
  });
}
