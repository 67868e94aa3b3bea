import type { FindOptionsWhere } from 'typeorm';
import { Between, In, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { lifecycleSettingsSchema } from '../../../shared/api/services';
import { CYCLE_MONTHS, isRecurring } from '../../../shared/catalog';
import { businessDate } from '../../../shared/dates';
import { addMonths, daysBetween, formatCalendarDate } from '../../../shared/periods';
import type { Registry } from '../../api/registry';
import type { Clock } from '../../clock';
import type { Database } from '../../db/database';
import { ClientEntity, ProductEntity, ServiceEntity, ServiceEventEntity, type ServiceRow } from '../../db/entities';
import { AppError, notFound } from '../../errors';
import { reindexClient, searchTermProviders } from '../clients/repository';
import { readSection, writeSection } from '../settings/store';
import { LIFECYCLE, lifecycleRules } from './lifecycle';
import { findService, recordEvent, serviceDtos } from './repository';

const DOMAIN_NAME = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Domain names of a client's services find the client in the global search. */
searchTermProviders.push(async (em, clientId) => (await em.findBy(ServiceEntity, { clientId })).map((s) => s.label));

export function registerServiceHandlers(registry: Registry, { db, clock }: { db: Database; clock: Clock }): void {
  const today = () => businessDate(clock.now());
  const dtos = async (rows: ServiceRow[]) => serviceDtos(db.reader, rows, today(), await lifecycleRules(db.reader));
  const one = async (id: number) => {
    const [dto] = await dtos([await findService(db.reader, id)]);
    if (!dto) throw notFound('Service');
    return dto;
  };

  registry.register('services.forClient', async (input) =>
    dtos(
      await db.reader.find(ServiceEntity, {
        where: { clientId: input.clientId },
        order: { dueDate: 'ASC', id: 'ASC' },
      }),
    ),
  );

  registry.register('services.list', async (input) => {
    const where: FindOptionsWhere<ServiceRow> = {};
    if (input.status) where.status = input.status;
    if (input.kind)
      where.productId = In((await db.reader.findBy(ProductEntity, { kind: input.kind })).map((p) => p.id));
    if (input.dueFrom && input.dueTo) where.dueDate = Between(input.dueFrom, input.dueTo);
    else if (input.dueFrom) where.dueDate = MoreThanOrEqual(input.dueFrom);
    else if (input.dueTo) where.dueDate = LessThanOrEqual(input.dueTo);
    const [rows, total] = await db.reader.findAndCount(ServiceEntity, {
      where,
      order: { dueDate: 'ASC', id: 'ASC' },
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
    });
    return { rows: await dtos(rows), total };
  });

  registry.register('services.get', (input) => one(input.id));

  registry.register('services.create', async (input, ctx) => {
    const id = await db.write(ctx.actor, 'services.create', async (tx) => {
      const client = await tx.em.findOneBy(ClientEntity, { id: input.clientId });
      if (!client) throw notFound('Client');
      if (client.anonymizedAt || client.status === 'terminated')
        throw new AppError('CONFLICT', 'Ce client ne peut plus souscrire de service.');
      const product = await tx.em.findOneBy(ProductEntity, { id: input.productId, active: true });
      if (!product)
        throw new AppError('VALIDATION', 'Produit inconnu ou retiré du catalogue.', {
          productId: 'Choisissez un produit du catalogue.',
        });
      const recurring = isRecurring(product.kind);
      const label = ['domain', 'hosting'].includes(product.kind) ? input.label.trim().toLowerCase() : input.label;
      if (product.kind === 'domain' && !(DOMAIN_NAME.test(label) && label.endsWith(product.tld))) {
        throw new AppError('VALIDATION', 'Nom de domaine invalide.', {
          label: `Nom de domaine attendu, se terminant par ${product.tld} (ex. exemple${product.tld}).`,
        });
      }
      if (product.kind === 'hosting' && !DOMAIN_NAME.test(label)) {
        throw new AppError('VALIDATION', 'Domaine principal invalide.', {
          label: 'Domaine principal attendu (ex. exemple.ma).',
        });
      }
      if (recurring && product.kind !== 'domain' && input.billingCycle === '') {
        throw new AppError('VALIDATION', 'Choisissez une périodicité.', { billingCycle: 'Périodicité obligatoire.' });
      }
      const billingCycle = !recurring ? '' : product.kind === 'domain' ? 'annual' : input.billingCycle;
      let paidMonths = 0;
      if (input.paidUntil) {
        if (!recurring)
          throw new AppError('VALIDATION', 'Un produit ponctuel n’a pas d’échéance.', {
            paidUntil: 'Sans objet pour ce produit.',
          });
        // Bringing in an existing service: the paid time must be whole periods from the start date.
        const step = product.kind === 'domain' ? 12 : CYCLE_MONTHS[billingCycle || 'annual'];
        const months = Math.round(daysBetween(input.startDate, input.paidUntil) / 30.44 / step) * step;
        if (months <= 0 || addMonths(input.startDate, months) !== input.paidUntil) {
          throw new AppError('VALIDATION', "L'échéance ne tombe pas sur une fin de période.", {
            paidUntil: `Échéance attendue à une date anniversaire de la souscription (ex. ${formatCalendarDate(addMonths(input.startDate, step))}).`,
          });
        }
        paidMonths = months;
      }
      const at = tx.now.toISOString();
      const status = input.paidUntil || !recurring ? 'active' : 'pending';
      const saved = await tx.em.save(ServiceEntity, {
        clientId: client.id,
        productId: product.id,
        label,
        billingCycle,
        currency: input.currency,
        anchorDate: input.startDate,
        paidMonths,
        dueDate: addMonths(input.startDate, paidMonths),
        status,
        suspensionReason: null,
        terminationRequested: false,
        notes: input.notes,
        createdAt: at,
        updatedAt: at,
      });
      await recordEvent(tx, ctx.actor, saved.id, 'created', null, status, {
        product: product.code,
        paidUntil: input.paidUntil ?? null,
      });
      await reindexClient(tx.em, client.id);
      await tx.audit({
        action: 'services.create',
        entity: 'service',
        entityId: saved.id,
        summary: { client: client.code, product: product.code, label, status },
      });
      return saved.id;
    });
    return one(id);
  });

  /** A status change by hand: dated, attributed, with its reason, in the service's events and the audit log. */
  const change = (name: 'services.suspend' | 'services.reactivate' | 'services.cancel') =>
    registry.register(name, async (input, ctx) => {
      await db.write(ctx.actor, name, async (tx) => {
        const row = await findService(tx.em, input.id);
        let next: Partial<ServiceRow>;
        if (name === 'services.suspend') {
          if (!['active', 'grace', 'suspended'].includes(row.status))
            throw new AppError('CONFLICT', 'Seul un service actif peut être suspendu.');
          next = { status: 'suspended', suspensionReason: 'reason' in input ? input.reason : 'abuse' };
        } else if (name === 'services.reactivate') {
          if (row.status !== 'suspended') throw new AppError('CONFLICT', "Ce service n'est pas suspendu.");
          next = { status: 'active', suspensionReason: null };
        } else {
          if (row.status !== 'pending')
            throw new AppError(
              'CONFLICT',
              'Seul un service jamais payé (en attente) peut être annulé ; sinon, enregistrez une résiliation.',
            );
          next = { status: 'cancelled' };
        }
        await tx.em.update(ServiceEntity, { id: row.id }, { ...next, updatedAt: tx.now.toISOString() });
        const details = { note: input.note, ...(next.suspensionReason ? { reason: next.suspensionReason } : {}) };
        await recordEvent(tx, ctx.actor, row.id, 'status', row.status, next.status ?? row.status, details);
        await tx.audit({
          action: name,
          entity: 'service',
          entityId: row.id,
          summary: { status: [row.status, next.status], ...details },
        });
      });
      return one(input.id);
    });
  change('services.suspend');
  change('services.reactivate');
  change('services.cancel');

  registry.register('services.requestTermination', async (input, ctx) => {
    await db.write(ctx.actor, 'services.requestTermination', async (tx) => {
      const row = await findService(tx.em, input.id);
      if (['terminated', 'cancelled', 'lost'].includes(row.status))
        throw new AppError('CONFLICT', 'Ce service est déjà terminé.');
      if (row.terminationRequested) throw new AppError('CONFLICT', 'Une demande de résiliation est déjà enregistrée.');
      // The terms ask for the request at least one month before the anniversary (the end of the paid period).
      const deadline = addMonths(row.dueDate, -1);
      const late = input.requestedOn > deadline;
      await tx.em.update(
        ServiceEntity,
        { id: row.id },
        { terminationRequested: true, updatedAt: tx.now.toISOString() },
      );
      const details = { channel: input.channel, requestedOn: input.requestedOn, deadline, late, note: input.note };
      await recordEvent(tx, ctx.actor, row.id, 'termination_request', row.status, row.status, details);
      await tx.audit({ action: 'services.requestTermination', entity: 'service', entityId: row.id, summary: details });
    });
    return one(input.id);
  });

  registry.register('services.events', async (input) => {
    await findService(db.reader, input.id);
    const rows = await db.reader.find(ServiceEventEntity, { where: { serviceId: input.id }, order: { id: 'DESC' } });
    return rows.map((r) => ({
      at: r.at,
      username: r.username,
      kind: r.kind,
      fromStatus: r.fromStatus,
      toStatus: r.toStatus,
      details: JSON.parse(r.details) as Record<string, unknown>,
    }));
  });

  registry.register('settings.getLifecycle', () => lifecycleRules(db.reader));

  registry.register('settings.saveLifecycle', async (input, ctx) => {
    await db.write(ctx.actor, 'settings.saveLifecycle', async (tx) => {
      const before = await readSection(tx.em, LIFECYCLE, lifecycleSettingsSchema);
      await writeSection(tx, LIFECYCLE, input, before, ctx.actor.userId);
    });
    return lifecycleRules(db.reader);
  });
}
