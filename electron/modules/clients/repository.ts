import type { EntityManager } from 'typeorm';
import type { ClientDto, ClientHistoryEntry } from '../../../shared/api/clients';
import { clientDisplayName, formatClientCode, type ClientFields } from '../../../shared/client';
import { normalizePhone } from '../../../shared/phone';
import { nextNumber } from '../../db/counters';
import { indexClient } from '../../db/dialect/client-search';
import { AuditEntity, ClientEmailEntity, ClientEntity, ClientPhoneEntity, type ClientRow } from '../../db/entities';
import { notFound } from '../../errors';
import { searchDocument } from './search-document';

export const CLIENT_SERIES = 'client';

/** The client's own fields as stored (phones and e-mails live in their own tables). */
type StoredFields = Omit<ClientFields, 'phones' | 'emails' | 'tags'> & { tags: string };

function storedFields(fields: ClientFields): StoredFields {
  const { phones: _phones, emails: _emails, tags, ...rest } = fields;
  return { ...rest, tags: JSON.stringify(tags) };
}

export async function loadClient(em: EntityManager, id: number): Promise<ClientDto> {
  const row = await em.findOneBy(ClientEntity, { id });
  if (!row) throw notFound('Client');
  const [phones, emails] = await Promise.all([
    em.find(ClientPhoneEntity, { where: { clientId: id }, order: { position: 'ASC' } }),
    em.find(ClientEmailEntity, { where: { clientId: id }, order: { position: 'ASC' } }),
  ]);
  return toDto(
    row,
    phones.map((p) => ({ e164: p.e164, display: p.display })),
    emails.map((e) => e.email),
  );
}

export function toDto(row: ClientRow, phones: ClientDto['phones'], emails: string[]): ClientDto {
  const { createdBy: _createdBy, tags, ...rest } = row;
  return {
    ...rest,
    legalForm: row.legalForm as ClientDto['legalForm'],
    language: row.language as ClientDto['language'],
    consentSource: row.consentSource as ClientDto['consentSource'],
    tags: JSON.parse(tags) as string[],
    phones,
    emails,
    displayName: clientDisplayName(row),
  };
}

async function replaceContacts(em: EntityManager, clientId: number, fields: ClientFields): Promise<void> {
  await em.delete(ClientPhoneEntity, { clientId });
  await em.delete(ClientEmailEntity, { clientId });
  for (const [position, display] of fields.phones.entries()) {
    await em.insert(ClientPhoneEntity, { clientId, position, display, e164: normalizePhone(display) ?? display });
  }
  for (const [position, email] of fields.emails.entries())
    await em.insert(ClientEmailEntity, { clientId, position, email });
}

/**
 * Other modules' terms that find a client (domain names of its services; later document numbers): each module that
 * holds such terms registers a provider here, and calls reindexClient when they change.
 */
export type SearchTermProvider = (em: EntityManager, clientId: number) => Promise<string[]>;
export const searchTermProviders: SearchTermProvider[] = [];

async function extraTerms(em: EntityManager, clientId: number): Promise<string[]> {
  return (await Promise.all(searchTermProviders.map((provide) => provide(em, clientId)))).flat();
}

async function reindex(em: EntityManager, row: ClientRow, fields: ClientFields): Promise<void> {
  const phones = fields.phones.map((p) => normalizePhone(p) ?? p);
  await indexClient(em, row.id, searchDocument(row, phones, fields.emails, await extraTerms(em, row.id)));
}

/** Rebuilds one client's search entry from what is stored (after another module's terms changed). */
export async function reindexClient(em: EntityManager, clientId: number): Promise<void> {
  const client = await loadClient(em, clientId);
  const row = await em.findOneByOrFail(ClientEntity, { id: clientId });
  const e164 = client.phones.map((p) => p.e164);
  await indexClient(em, clientId, searchDocument(row, e164, client.emails, await extraTerms(em, clientId)));
}

/** Creates a client in the caller's transaction; its code comes from the gap-free counter. */
export async function insertClient(
  em: EntityManager,
  fields: ClientFields,
  at: string,
  userId: number | null,
): Promise<ClientRow> {
  const code = formatClientCode(await nextNumber(em, CLIENT_SERIES));
  const row: Omit<ClientRow, 'id'> = {
    ...storedFields(fields),
    code,
    status: 'active',
    consentAt: at,
    anonymizedAt: null,
    createdAt: at,
    updatedAt: at,
    createdBy: userId,
  };
  const saved = await em.save(ClientEntity, row);
  await replaceContacts(em, saved.id, fields);
  await reindex(em, saved, fields);
  return saved;
}

export async function updateClient(
  em: EntityManager,
  before: ClientRow,
  fields: ClientFields,
  at: string,
): Promise<ClientRow> {
  const after: ClientRow = { ...before, ...storedFields(fields), updatedAt: at };
  await em.save(ClientEntity, after);
  await replaceContacts(em, before.id, fields);
  await reindex(em, after, fields);
  return after;
}

/** The client's history, newest first, from the audit log (all of it for the Law 09-08 export). */
export async function clientHistory(
  em: EntityManager,
  clientId: number,
  limit?: number,
): Promise<ClientHistoryEntry[]> {
  const rows = await em.find(AuditEntity, {
    where: { entity: 'client', entityId: String(clientId) },
    order: { id: 'DESC' },
    ...(limit ? { take: limit } : {}),
  });
  return rows.map((r) => ({
    at: r.at,
    username: r.username,
    action: r.action,
    changes: JSON.parse(r.summary) as Record<string, unknown>,
  }));
}
