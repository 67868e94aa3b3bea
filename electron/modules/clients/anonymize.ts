import type { EntityManager } from 'typeorm';
import type { ClientFields } from '../../../shared/client';
import { blankClientFields } from '../../../shared/client';
import { AuditEntity, ClientEntity, type ClientRow } from '../../db/entities';
import { updateClient } from './repository';

/**
 * Reasons a client's data must still be kept (10-year retention of accounting documents, CGI). Each later module that
 * holds documents for a client (proformas, invoices, payments) adds its check here; a non-null answer blocks the erasure
 * and is shown to the person as the reason.
 */
export type RetentionCheck = (em: EntityManager, clientId: number, now: Date) => Promise<string | null>;
export const retentionChecks: RetentionCheck[] = [];

export async function retentionBlockers(em: EntityManager, clientId: number, now: Date): Promise<string[]> {
  const answers = await Promise.all(retentionChecks.map((check) => check(em, clientId, now)));
  return answers.filter((a): a is string => a !== null);
}

/** What remains of a client once anonymised: the code, the kind and the status; no personal data. */
export function anonymousFields(row: ClientRow): ClientFields {
  const company = row.kind === 'company';
  return {
    ...blankClientFields(row.kind),
    firstName: company ? '' : 'Client',
    lastName: company ? '' : 'anonymisé',
    companyName: company ? 'Client anonymisé' : '',
    legalForm: company ? 'Autre' : '',
    country: row.country,
    currency: row.currency,
  };
}

/** Erases the client's personal data, including the values kept in its audit history (field names stay). */
export async function anonymizeClient(em: EntityManager, row: ClientRow, at: string): Promise<void> {
  await updateClient(em, row, anonymousFields(row), at);
  await em.update(ClientEntity, { id: row.id }, { anonymizedAt: at, consentSource: 'counter' });
  const entries = await em.findBy(AuditEntity, { entity: 'client', entityId: String(row.id) });
  for (const entry of entries) {
    const fields = Object.keys(JSON.parse(entry.summary) as Record<string, unknown>);
    await em.update(AuditEntity, { id: entry.id }, { summary: JSON.stringify({ _redacted: true, fields }) });
  }
}
