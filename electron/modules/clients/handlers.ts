import type { ClientDto } from '../../../shared/api/clients';
import type { ClientFields } from '../../../shared/client';
import type { Registry } from '../../api/registry';
import type { Database } from '../../db/database';
import { diff } from '../../db/database';
import { nativeHandle } from '../../db/data-source';
import { loadClientHits, planSearch, searchClientIds } from '../../db/dialect/client-search';
import { ClientEntity } from '../../db/entities';
import { AppError, notFound } from '../../errors';
import { findDuplicates } from './duplicates';
import { rankHits } from './ranking';
import { clientHistory, insertClient, loadClient, updateClient } from './repository';

/** The client as its history compares it: every field a person can change, contacts included. */
function comparable(dto: ClientDto): Record<string, unknown> {
  const {
    id: _id,
    code: _code,
    displayName: _d,
    createdAt: _c,
    updatedAt: _u,
    consentAt: _a,
    anonymizedAt: _n,
    phones,
    ...rest
  } = dto;
  return { ...rest, phones: phones.map((p) => p.display) };
}

function creationSummary(fields: ClientFields): Record<string, unknown> {
  const empty = Object.fromEntries(Object.keys(fields).map((k) => [k, null])) as Record<string, unknown>;
  return diff(empty, fields as unknown as Record<string, unknown>);
}

export function registerClientHandlers(registry: Registry, { db }: { db: Database }): void {
  registry.register('clients.search', (input) => {
    const plan = planSearch(input.q);
    if (!plan) return Promise.resolve([]);
    const native = nativeHandle(db.dataSource);
    const ids = searchClientIds(native, input.q, plan, input.limit * 2);
    return Promise.resolve(rankHits(loadClientHits(native, ids), plan, input.q).slice(0, input.limit));
  });

  registry.register('clients.list', async (input) => {
    const [rows, total] = await db.reader.findAndCount(ClientEntity, {
      where: input.status ? { status: input.status } : {},
      order: { id: 'DESC' },
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: { id: true },
    });
    return {
      rows: loadClientHits(
        nativeHandle(db.dataSource),
        rows.map((r) => r.id),
      ),
      total,
    };
  });

  registry.register('clients.get', (input) => loadClient(db.reader, input.id));

  registry.register('clients.duplicates', (input) => findDuplicates(db.reader, input));

  registry.register('clients.create', async (input, ctx) => {
    const row = await db.write(ctx.actor, 'clients.create', async (tx) => {
      const saved = await insertClient(tx.em, input, tx.now.toISOString(), ctx.actor.userId);
      await tx.audit({
        action: 'clients.create',
        entity: 'client',
        entityId: saved.id,
        summary: { code: saved.code, ...creationSummary(input) },
      });
      return saved;
    });
    return loadClient(db.reader, row.id);
  });

  registry.register('clients.update', async (input, ctx) => {
    await db.write(ctx.actor, 'clients.update', async (tx) => {
      const before = await tx.em.findOneBy(ClientEntity, { id: input.id });
      if (!before) throw notFound('Client');
      if (before.anonymizedAt)
        throw new AppError('CONFLICT', 'Ce client a été anonymisé : sa fiche ne peut plus être modifiée.');
      const beforeDto = await loadClient(tx.em, input.id);
      await updateClient(tx.em, before, input.client, tx.now.toISOString());
      const changes = diff(comparable(beforeDto), comparable(await loadClient(tx.em, input.id)));
      await tx.audit({ action: 'clients.update', entity: 'client', entityId: input.id, summary: changes });
    });
    return loadClient(db.reader, input.id);
  });

  registry.register('clients.setStatus', async (input, ctx) => {
    await db.write(ctx.actor, 'clients.setStatus', async (tx) => {
      const before = await tx.em.findOneBy(ClientEntity, { id: input.id });
      if (!before) throw notFound('Client');
      await tx.em.update(ClientEntity, { id: input.id }, { status: input.status, updatedAt: tx.now.toISOString() });
      await tx.audit({
        action: 'clients.setStatus',
        entity: 'client',
        entityId: input.id,
        summary: { status: [before.status, input.status], reason: input.reason },
      });
    });
    return loadClient(db.reader, input.id);
  });

  registry.register('clients.history', async (input) => {
    await loadClient(db.reader, input.id);
    return clientHistory(db.reader, input.id, 500);
  });
}
