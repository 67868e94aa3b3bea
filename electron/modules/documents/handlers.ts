import { Brackets, type SelectQueryBuilder } from 'typeorm';
import type { DocumentType, PdfFileDto } from '../../../shared/api/documents';
import { businessDate } from '../../../shared/dates';
import { parseNumberQuery } from '../../../shared/document-numbers';
import { addMonths } from '../../../shared/periods';
import type { Registry } from '../../api/registry';
import type { Clock } from '../../clock';
import type { Database } from '../../db/database';
import { DocumentEntity, type DocumentRow } from '../../db/entities';
import { AppError } from '../../errors';
import { statementPdf } from '../../pdf/statement';
import { retentionChecks } from '../clients/anonymize';
import { lifecycleRules } from '../services/lifecycle';
import { issueCreditNote } from './credit-notes';
import { saveDraft } from './drafts';
import { cancelProforma, duplicateProforma, issueProforma } from './issue';
import { renderDocument, sealDocument, sha256 } from './printing';
import { renewalOptions } from './renewals';
import { filterByEinvoiceState } from '../einvoice/list-filter';
import { clientStatement } from './statement';
import { creditBalances, documentDto, findDocument, summaryDtos } from './repository';

/** Accounting documents are kept ten years (SPEC §4): their client cannot be anonymised before. */
retentionChecks.push(async (em, clientId, now) => {
  const limit = addMonths(businessDate(now), -120);
  const last = await em
    .createQueryBuilder(DocumentEntity, 'd')
    .where('d.clientId = :clientId AND d.number IS NOT NULL AND d.issueDate > :limit', { clientId, limit })
    .orderBy('d.issueDate', 'DESC')
    .getOne();
  return last
    ? `Des documents comptables de moins de 10 ans doivent être conservés (dernier : ${last.number ?? ''} du ${last.issueDate ?? ''}).`
    : null;
});

const FILE_TYPES: Record<DocumentType, string> = { proforma: 'proforma', invoice: 'facture', credit_note: 'avoir' };

function filterByNumber(query: SelectQueryBuilder<DocumentRow>, text: string): void {
  const parsed = parseNumberQuery(text);
  if (!parsed) {
    query.andWhere('1 = 0');
    return;
  }
  if (parsed.kind === 'prefix') {
    // A range on the UNIQUE index, where LIKE could not use it.
    query.andWhere('d.number >= :low AND d.number < :high', { low: parsed.text, high: `${parsed.text}\uffff` });
    return;
  }
  query.andWhere(
    new Brackets((b) => {
      b.where(
        new Brackets((exact) => {
          exact.where('d.seq = :seq', { seq: parsed.seq });
          if (parsed.year !== null) exact.andWhere('d.seriesYear = :year', { year: parsed.year });
          if (parsed.prefix !== null)
            exact.andWhere('d.number >= :p AND d.number < :pEnd', {
              p: `${parsed.prefix}-`,
              pEnd: `${parsed.prefix}-\uffff`,
            });
        }),
      );
      const typed = text.trim().toUpperCase();
      b.orWhere('d.number >= :typed AND d.number < :typedEnd', { typed, typedEnd: `${typed}\uffff` });
    }),
  );
}

export function registerDocumentHandlers(registry: Registry, { db, clock }: { db: Database; clock: Clock }): void {
  const dto = async (id: number) => documentDto(db.reader, await findDocument(db.reader, id));

  registry.register('documents.list', async (input) => {
    const query = db.reader.createQueryBuilder(DocumentEntity, 'd');
    if (input.type) query.andWhere('d.type = :type', { type: input.type });
    if (input.status) query.andWhere('d.status = :status', { status: input.status });
    if (input.clientId) query.andWhere('d.clientId = :clientId', { clientId: input.clientId });
    if (input.from) query.andWhere('d.issueDate >= :from', { from: input.from });
    if (input.to) query.andWhere('d.issueDate <= :to', { to: input.to });
    if (input.minAmount !== undefined) query.andWhere('d.ttc >= :min', { min: input.minAmount });
    if (input.maxAmount !== undefined) query.andWhere('d.ttc <= :max', { max: input.maxAmount });
    if (input.number) filterByNumber(query, input.number);
    if (input.einvoiceState) filterByEinvoiceState(query, input.einvoiceState);
    const [rows, total] = await query
      .orderBy('d.id', 'DESC')
      .skip((input.page - 1) * input.pageSize)
      .take(input.pageSize)
      .getManyAndCount();
    return { rows: await summaryDtos(db.reader, rows), total };
  });

  registry.register('documents.get', (input) => dto(input.id));

  registry.register('documents.renewalOptions', async (input) => {
    const now = clock.now();
    return renewalOptions(
      db.reader,
      input.clientId,
      input.currency,
      now.toISOString(),
      businessDate(now),
      await lifecycleRules(db.reader),
    );
  });

  registry.register('documents.saveDraft', async (input, ctx) =>
    dto(await db.write(ctx.actor, 'documents.saveDraft', (tx) => saveDraft(tx, ctx.actor, input))),
  );

  registry.register('documents.issue', async (input, ctx) => {
    await db.write(ctx.actor, 'documents.issue', (tx) => issueProforma(tx, ctx.actor, input.id));
    return dto(input.id);
  });

  registry.register('documents.cancel', async (input, ctx) => {
    await db.write(ctx.actor, 'documents.cancel', (tx) => cancelProforma(tx, ctx.actor, input.id, input.reason));
    return dto(input.id);
  });

  registry.register('documents.duplicate', async (input, ctx) =>
    dto(await db.write(ctx.actor, 'documents.duplicate', (tx) => duplicateProforma(tx, ctx.actor, input.id))),
  );

  registry.register('documents.creditNote', async (input, ctx) => {
    const id = await db.write(ctx.actor, 'documents.creditNote', (tx) => issueCreditNote(tx, ctx.actor, input));
    return dto(id);
  });

  registry.register('documents.pdf', async (input, ctx): Promise<PdfFileDto> => {
    const row = await findDocument(db.reader, input.id);
    if (row.number === null) {
      const pdf = await renderDocument(db.reader, row, 'draft');
      await db.write(ctx.actor, 'documents.preview', (tx) =>
        tx.audit({
          action: 'documents.preview',
          entity: 'document',
          entityId: row.id,
          summary: { status: row.status },
        }),
      );
      return {
        fileName: `brouillon-proforma-${row.id}.pdf`,
        pdf: pdf.toString('base64'),
        copy: 'draft',
        sha256: sha256(pdf),
      };
    }
    const copy = await db.write(ctx.actor, 'documents.print', async (tx) => {
      const current = await findDocument(tx.em, row.id);
      // Every print after the first, and any print of a cancelled proforma, is a copy.
      const mark =
        current.printCount === 0 && current.status !== 'cancelled' ? ('original' as const) : ('duplicate' as const);
      await tx.em.update(DocumentEntity, { id: row.id }, { printCount: current.printCount + 1 });
      await tx.audit({
        action: 'documents.print',
        entity: 'document',
        entityId: row.id,
        summary: { number: row.number, copy: mark, print: current.printCount + 1 },
      });
      return mark;
    });
    const pdf = await renderDocument(db.reader, row, copy);
    const hash = sha256(pdf);
    if (copy === 'original' && (await sealDocument(db, ctx.actor, row.id)) !== hash) {
      throw new AppError('INTERNAL', "Le PDF ne correspond plus à l'original scellé : contactez l'administrateur.");
    }
    const suffix = copy === 'duplicate' ? '-duplicata' : '';
    return {
      fileName: `${FILE_TYPES[row.type]}-${row.number}${suffix}.pdf`,
      pdf: pdf.toString('base64'),
      copy,
      sha256: hash,
    };
  });

  registry.register('documents.verify', async (input, ctx) => {
    const row = await findDocument(db.reader, input.id);
    if (row.number === null) throw new AppError('CONFLICT', "Un brouillon n'a pas d'empreinte : il n'est pas émis.");
    const stored = row.pdfSha256 ?? (await sealDocument(db, ctx.actor, row.id));
    const hash = sha256(await renderDocument(db.reader, row, 'original'));
    return { sha256: stored, matches: hash === stored };
  });

  registry.register('documents.statement', async (input, ctx): Promise<PdfFileDto> => {
    const statement = await clientStatement(db.reader, input, clock.now());
    const pdf = await statementPdf(statement);
    await db.write(ctx.actor, 'documents.statement', (tx) =>
      tx.audit({
        action: 'documents.statement',
        entity: 'client',
        entityId: input.clientId,
        summary: { from: input.from, to: input.to, currency: input.currency, closing: statement.closing },
      }),
    );
    return {
      fileName: `releve-${statement.buyer.code}-${input.from}-${input.to}.pdf`,
      pdf: pdf.toString('base64'),
      copy: 'original',
      sha256: sha256(pdf),
    };
  });

  registry.register('documents.clientBalance', (input) => creditBalances(db.reader, input.clientId));
}
