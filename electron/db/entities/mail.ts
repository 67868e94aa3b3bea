import { EntitySchema } from 'typeorm';
import type { MailStatus } from '../../../shared/api/mail';
import type { MailKind } from '../../../shared/mail-templates';

/**
 * The outbox: one row per e-mail, queued inside the transaction of what it announces (a proforma, a payment) and sent
 * later by SMTP. Recipient, subject and body are filled when the message is composed, at its first attempt; the rows are
 * kept after sending, as the record of what the client was sent.
 */
export interface MailMessageRow {
  id: number;
  kind: MailKind;
  status: MailStatus;
  clientId: number | null;
  documentId: number | null;
  paymentId: number | null;
  serviceId: number | null;
  /** Exactly once per event ("renewal:<proforma>", "payment:<payment>"); null for a deliberate resend. */
  dedupeKey: string | null;
  toAddress: string;
  language: string;
  subject: string;
  body: string;
  /** JSON array of file names. */
  attachments: string;
  attempts: number;
  nextAttemptAt: string;
  lastError: string;
  serverResponse: string;
  messageId: string;
  createdAt: string;
  createdBy: string | null;
  sentAt: string | null;
  updatedAt: string;
}

export const MailMessageEntity = new EntitySchema<MailMessageRow>({
  name: 'MailMessage',
  tableName: 'mail_messages',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    kind: { type: 'varchar', length: 24 },
    status: { type: 'varchar', length: 10 },
    clientId: { name: 'client_id', type: 'integer', nullable: true },
    documentId: { name: 'document_id', type: 'integer', nullable: true },
    paymentId: { name: 'payment_id', type: 'integer', nullable: true },
    serviceId: { name: 'service_id', type: 'integer', nullable: true },
    dedupeKey: { name: 'dedupe_key', type: 'varchar', length: 80, nullable: true },
    toAddress: { name: 'to_address', type: 'varchar', length: 254, default: '' },
    language: { type: 'varchar', length: 2, default: '' },
    subject: { type: 'text', default: '' },
    body: { type: 'text', default: '' },
    attachments: { type: 'text', default: '[]' },
    attempts: { type: 'integer', default: 0 },
    nextAttemptAt: { name: 'next_attempt_at', type: 'varchar', length: 30 },
    lastError: { name: 'last_error', type: 'text', default: '' },
    serverResponse: { name: 'server_response', type: 'text', default: '' },
    messageId: { name: 'message_id', type: 'varchar', length: 200, default: '' },
    createdAt: { name: 'created_at', type: 'varchar', length: 30 },
    createdBy: { name: 'created_by', type: 'varchar', length: 32, nullable: true },
    sentAt: { name: 'sent_at', type: 'varchar', length: 30, nullable: true },
    updatedAt: { name: 'updated_at', type: 'varchar', length: 30 },
  },
  foreignKeys: [
    { name: 'fk_mail_messages_client', columnNames: ['clientId'], target: 'Client', referencedColumnNames: ['id'] },
  ],
  uniques: [{ name: 'uq_mail_messages_key', columns: ['dedupeKey'] }],
  indices: [
    { name: 'idx_mail_messages_status', columns: ['status', 'updatedAt'] },
    { name: 'idx_mail_messages_client', columns: ['clientId', 'id'] },
  ],
});
