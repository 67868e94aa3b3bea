import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { MailMessageDto } from '../../../shared/api/mail';
import { clientDisplayName } from '../../../shared/client';
import {
  ClientEntity,
  DocumentEntity,
  MailMessageEntity,
  PaymentEntity,
  ServiceEntity,
  type MailMessageRow,
} from '../../db/entities';
import { notFound } from '../../errors';

export async function findMessage(em: EntityManager, id: number): Promise<MailMessageRow> {
  const row = await em.findOneBy(MailMessageEntity, { id });
  if (!row) throw notFound('Message');
  return row;
}

export async function messageDtos(em: EntityManager, rows: MailMessageRow[]): Promise<MailMessageDto[]> {
  const ids = (pick: (r: MailMessageRow) => number | null) => [
    ...new Set(rows.flatMap((r) => (pick(r) === null ? [] : [pick(r) as number]))),
  ];
  const [clients, documents, payments, services] = await Promise.all([
    em.findBy(ClientEntity, { id: In(ids((r) => r.clientId)) }),
    em.findBy(DocumentEntity, { id: In(ids((r) => r.documentId)) }),
    em.findBy(PaymentEntity, { id: In(ids((r) => r.paymentId)) }),
    em.findBy(ServiceEntity, { id: In(ids((r) => r.serviceId)) }),
  ]);
  const clientOf = new Map(clients.map((c) => [c.id, c]));
  const numberOf = new Map(documents.map((d) => [d.id, d.number]));
  const receiptOf = new Map(payments.map((p) => [p.id, p.number]));
  const labelOf = new Map(services.map((s) => [s.id, s.label]));
  return rows.map((r) => {
    const client = r.clientId === null ? undefined : clientOf.get(r.clientId);
    return {
      id: r.id,
      kind: r.kind,
      status: r.status,
      clientId: r.clientId,
      clientCode: client?.code ?? null,
      clientName: client ? clientDisplayName(client) : null,
      documentId: r.documentId,
      documentNumber: r.documentId === null ? null : (numberOf.get(r.documentId) ?? null),
      paymentId: r.paymentId,
      paymentNumber: r.paymentId === null ? null : (receiptOf.get(r.paymentId) ?? null),
      serviceId: r.serviceId,
      serviceLabel: r.serviceId === null ? null : (labelOf.get(r.serviceId) ?? null),
      to: r.toAddress,
      subject: r.subject,
      attempts: r.attempts,
      nextAttemptAt: r.status === 'queued' ? r.nextAttemptAt : null,
      lastError: r.lastError,
      serverResponse: r.serverResponse,
      createdAt: r.createdAt,
      createdBy: r.createdBy,
      sentAt: r.sentAt,
    };
  });
}
