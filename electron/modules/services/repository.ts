import { In, type EntityManager } from 'typeorm';
import type { ServiceDto } from '../../../shared/api/services';
import type { LifecycleRules, ProductKind } from '../../../shared/catalog';
import { clientDisplayName } from '../../../shared/client';
import { serviceState } from '../../../shared/service-state';
import { ClientEntity, ProductEntity, ServiceEntity, ServiceEventEntity, type ServiceRow } from '../../db/entities';
import { notFound } from '../../errors';
import type { Actor, WriteTx } from '../../db/database';
import { findRow, insertRow } from '../../db/rows';

export async function serviceDtos(
  em: EntityManager,
  rows: ServiceRow[],
  today: string,
  rules: Record<ProductKind, LifecycleRules>,
): Promise<ServiceDto[]> {
  if (rows.length === 0) return [];
  const [clients, products] = await Promise.all([
    em.findBy(ClientEntity, { id: In([...new Set(rows.map((r) => r.clientId))]) }),
    em.findBy(ProductEntity, { id: In([...new Set(rows.map((r) => r.productId))]) }),
  ]);
  const clientOf = new Map(clients.map((c) => [c.id, c]));
  const productOf = new Map(products.map((p) => [p.id, p]));
  return rows.flatMap((row) => {
    const client = clientOf.get(row.clientId);
    const product = productOf.get(row.productId);
    if (!client || !product) return [];
    const facts = { ...row, kind: product.kind };
    return [
      {
        ...row,
        clientCode: client.code,
        clientName: clientDisplayName(client),
        productCode: product.code,
        productName: product.name,
        kind: product.kind,
        state: serviceState(facts, today, rules[product.kind]),
      },
    ];
  });
}

export function findService(em: EntityManager, id: number): Promise<ServiceRow> {
  const row = findRow(em, ServiceEntity, { id });
  if (!row) throw notFound('Service');
  return Promise.resolve(row);
}

/** Records a dated, attributed event of a service (append-only). */
export function recordEvent(
  tx: WriteTx,
  actor: Actor,
  serviceId: number,
  kind: string,
  from: string | null,
  to: string | null,
  details: Record<string, unknown>,
): Promise<void> {
  insertRow(tx.em, ServiceEventEntity, {
    serviceId,
    at: tx.now.toISOString(),
    userId: actor.userId,
    username: actor.username,
    kind,
    fromStatus: from,
    toStatus: to,
    details: JSON.stringify(details),
  });
  return Promise.resolve();
}
