import { In, Not, type EntityManager } from 'typeorm';
import type { DuplicateDto } from '../../../shared/api/clients';
import { clientDisplayName } from '../../../shared/client';
import { normalizePhone } from '../../../shared/phone';
import { ClientEmailEntity, ClientEntity, ClientPhoneEntity } from '../../db/entities';

/** Other clients that share a phone, an e-mail or the ICE: a warning before creating a second record of the same client. */
export async function findDuplicates(
  em: EntityManager,
  query: { phones: string[]; emails: string[]; ice: string; excludeId?: number | undefined },
): Promise<DuplicateDto[]> {
  const phones = query.phones.map(normalizePhone).filter((p): p is string => p !== null);
  const emails = query.emails.map((e) => e.trim().toLowerCase()).filter(Boolean);
  const exclude = query.excludeId ?? 0;
  const found: { clientId: number; field: DuplicateDto['field']; value: string }[] = [];
  if (phones.length > 0) {
    for (const p of await em.findBy(ClientPhoneEntity, { e164: In(phones), clientId: Not(exclude) })) {
      found.push({ clientId: p.clientId, field: 'phone', value: p.display });
    }
  }
  if (emails.length > 0) {
    for (const e of await em.findBy(ClientEmailEntity, { email: In(emails), clientId: Not(exclude) })) {
      found.push({ clientId: e.clientId, field: 'email', value: e.email });
    }
  }
  if (query.ice) {
    for (const c of await em.findBy(ClientEntity, { ice: query.ice, id: Not(exclude) })) {
      found.push({ clientId: c.id, field: 'ice', value: c.ice });
    }
  }
  if (found.length === 0) return [];
  const clients = new Map(
    (await em.findBy(ClientEntity, { id: In(found.map((f) => f.clientId)) })).map((c) => [c.id, c]),
  );
  return found.flatMap(({ clientId, field, value }) => {
    const client = clients.get(clientId);
    return client && !client.anonymizedAt
      ? [{ id: clientId, code: client.code, displayName: clientDisplayName(client), field, value }]
      : [];
  });
}
