import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Actor, Database, WriteTx } from '../../db/database';
import { DocumentEntity, type DocumentRow } from '../../db/entities';
import { commercialDocumentPdf, type CopyMark, type PrintableDocument } from '../../pdf/commercial-document';
import { findDocument, linesOf, totalsOf } from './repository';
import { buyerOf, frozenBuyer, frozenSeller, liveSeller, logoOf } from './snapshot';

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * What the PDF shows. An issued document is printed only from what was frozen on it (company, client, lines, totals,
 * issue instant), so that every later rendering is the same file; a draft shows the company and client as they are.
 */
export async function printableOf(em: EntityManager, row: DocumentRow, copy: CopyMark): Promise<PrintableDocument> {
  const lines = await linesOf(em, row.id);
  const frozen = frozenSeller(row);
  const { seller, logo } = frozen ? { seller: frozen, logo: await logoOf(em, frozen) } : await liveSeller(em);
  const source = row.sourceId ? await em.findOneBy(DocumentEntity, { id: row.sourceId }) : null;
  return {
    type: row.type,
    number: row.number,
    issueDate: row.issueDate,
    dueDate: row.dueDate,
    currency: row.currency,
    seller,
    buyer: frozenBuyer(row) ?? (await buyerOf(em, row.clientId)),
    logo,
    lines: lines.map((l) => ({ ...l })),
    totals: totalsOf(row, lines),
    // A proforma is issued with nothing paid: its original stays so (the sealed SHA-256); later copies show what was paid.
    paid: copy === 'original' && row.type === 'proforma' ? 0 : row.paid,
    payments: JSON.parse(row.payments) as PrintableDocument['payments'],
    sourceNumber: source?.number ?? null,
    reason: row.reason,
    creditMode: row.creditMode,
    notes: row.notes,
    copy,
    cancelled: copy !== 'original' && row.status === 'cancelled' ? { reason: row.cancelReason } : null,
    createdAt: new Date(row.issuedAt ?? row.updatedAt),
  };
}

export async function renderDocument(em: EntityManager, row: DocumentRow, copy: CopyMark): Promise<Buffer> {
  return commercialDocumentPdf(await printableOf(em, row, copy));
}

/**
 * Stores the SHA-256 of a document's original PDF inside the transaction that issues it (Law 53-05: integrity): the
 * hash commits with the number. Returns the hash.
 */
export async function sealInTransaction(tx: WriteTx, id: number): Promise<string> {
  const row = await findDocument(tx.em, id);
  const hash = sha256(await renderDocument(tx.em, row, 'original'));
  await tx.em.update(DocumentEntity, { id }, { pdfSha256: hash });
  return hash;
}

/**
 * The same, after the fact, for an invoice issued by a payment: the payment's transaction does not wait for a rendering
 * (SPEC §10: a payment in 5 ms), so the invoice is sealed right after it commits, or at its first print if the app
 * stopped in between. Returns the hash.
 */
export async function sealDocument(db: Database, actor: Actor, id: number): Promise<string> {
  const row = await findDocument(db.reader, id);
  if (row.pdfSha256) return row.pdfSha256;
  const hash = sha256(await renderDocument(db.reader, row, 'original'));
  await db.write(actor, 'documents.seal', async (tx) => {
    const result = await tx.em
      .createQueryBuilder()
      .update(DocumentEntity)
      .set({ pdfSha256: hash })
      .where('id = :id AND pdf_sha256 IS NULL', { id })
      .execute();
    if (result.affected) {
      await tx.audit({
        action: 'documents.seal',
        entity: 'document',
        entityId: id,
        summary: { number: row.number, sha256: hash },
      });
    } else {
      await tx.audit({
        action: 'documents.seal',
        entity: 'document',
        entityId: id,
        summary: { number: row.number, already: true },
      });
    }
  });
  return (await findDocument(db.reader, id)).pdfSha256 ?? hash;
}
