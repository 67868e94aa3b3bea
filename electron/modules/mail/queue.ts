import type { DataSource } from 'typeorm';
import type { MailKind } from '../../../shared/mail-templates';
import type { Actor, WriteTx } from '../../db/database';
import { statement } from '../../db/rows';
import { outboxAccepts } from './settings';

export interface MailRequest {
  kind: MailKind;
  clientId: number | null;
  documentId?: number | null;
  paymentId?: number | null;
  serviceId?: number | null;
  /**
   * The event the message announces, so that it is queued once whatever happens ("renewal:<proforma id>",
   * "payment:<payment id>"): a second request with the same key is ignored. Null only for a deliberate resend.
   */
  dedupeKey: string | null;
}

const INSERT =
  'INSERT INTO "mail_messages" ("kind", "status", "client_id", "document_id", "payment_id", "service_id", ' +
  '"dedupe_key", "next_attempt_at", "created_at", "created_by", "updated_at") ' +
  'VALUES (?, \'queued\', ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT ("dedupe_key") DO NOTHING';

/** Who wants to hear that a message was queued (the outbox of this database, to send it soon). */
const listeners = new WeakMap<DataSource, () => void>();

export function onMailQueued(dataSource: DataSource, listener: () => void): () => void {
  listeners.set(dataSource, listener);
  return () => listeners.delete(dataSource);
}

/**
 * Queues an e-mail inside the transaction of what it announces, so that it exists exactly when that thing does: one
 * insert through a prepared statement, nothing rendered (recipient, text and PDF are composed when it is sent, outside
 * any write). Nothing is queued when the outbox is off or the kind's template is switched off. Returns whether a
 * message was queued.
 */
export function queueMail(tx: WriteTx, actor: Actor, request: MailRequest): boolean {
  if (!outboxAccepts(tx.em, request.kind)) return false;
  const at = tx.now.toISOString();
  const { changes } = statement(tx.em, INSERT).run(
    request.kind,
    request.clientId,
    request.documentId ?? null,
    request.paymentId ?? null,
    request.serviceId ?? null,
    request.dedupeKey,
    at,
    at,
    actor.username,
    at,
  );
  if (changes === 0) return false;
  // Fired before the commit: the outbox takes messages only through the writer queue, so it sees this one once committed.
  listeners.get(tx.em.dataSource)?.();
  return true;
}
