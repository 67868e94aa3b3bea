import type { InvoicePaymentDto } from '../../../shared/api/documents';
import type { Actor, WriteTx } from '../../db/database';
import { DocumentEntity } from '../../db/entities';
import { AppError } from '../../errors';
import { insertRow, statement, updateRows } from '../../db/rows';
import { extendService } from '../services/extend';
import { insertLines } from './lines';
import { assignNumber } from './numbering';
import { OPEN_PROFORMA } from './renewals';
import { findDocument, linesOf } from './repository';
import { buyerOf, freezeSeller } from './snapshot';

export interface Settlement {
  /** Calendar date of the payment that completes the proforma: the invoice's date. */
  paidOn: string;
  /** The payments printed on the invoice (method and reference, CGI art. 145). */
  payments: InvoicePaymentDto[];
}

/**
 * A proforma fully paid becomes an invoice, inside the payment's transaction (SPEC §5): the proforma is marked paid, the
 * invoice takes the next number of its series, dated the day of the completing payment, with the proforma's lines and
 * totals, and each service on it is extended (or started, or reactivated) by the months it paid. Returns the invoice id.
 */
export async function settleProforma(
  tx: WriteTx,
  actor: Actor,
  proformaId: number,
  settlement: Settlement,
): Promise<number> {
  const proforma = await findDocument(tx.em, proformaId);
  if (proforma.type !== 'proforma' || !(OPEN_PROFORMA as readonly string[]).includes(proforma.status)) {
    throw new AppError('CONFLICT', `La proforma ${proforma.number ?? ''} n'attend pas de paiement.`);
  }
  const year = Number(settlement.paidOn.slice(0, 4));
  // Invoice numbers and dates run in the same order (SPEC §4): the year's last invoice, by number, is the latest.
  const last = statement(
    tx.em,
    `SELECT "issue_date" AS "issueDate" FROM "documents" WHERE "type" = 'invoice' AND "series_year" = ? ORDER BY "seq" DESC LIMIT 1`,
  ).get(year) as { issueDate: string | null } | undefined;
  if (last?.issueDate && last.issueDate > settlement.paidOn) {
    throw new AppError(
      'CONFLICT',
      'Une facture plus récente existe déjà : la date du paiement ne peut être antérieure.',
    );
  }

  const at = tx.now.toISOString();
  updateRows(tx.em, DocumentEntity, { id: proformaId }, { status: 'paid', paid: proforma.ttc, updatedAt: at });
  const numbered = await assignNumber(tx, 'invoice', settlement.paidOn);
  const invoiceId = insertRow(tx.em, DocumentEntity, {
    ...numbered,
    type: 'invoice' as const,
    status: 'issued' as const,
    clientId: proforma.clientId,
    currency: proforma.currency,
    issueDate: settlement.paidOn,
    dueDate: null,
    sourceId: proforma.id,
    ht: proforma.ht,
    totalVat: proforma.totalVat,
    ttc: proforma.ttc,
    vatBreakdown: proforma.vatBreakdown,
    paid: proforma.ttc,
    payments: JSON.stringify(settlement.payments),
    notes: '',
    seller: JSON.stringify(await freezeSeller(tx)),
    buyer: JSON.stringify(await buyerOf(tx.em, proforma.clientId)),
    issuedAt: at,
    issuedBy: actor.username,
    createdAt: at,
    createdBy: actor.username,
    updatedAt: at,
  });
  const lines = await linesOf(tx.em, proformaId);
  await insertLines(tx, invoiceId, lines);
  for (const line of lines) {
    if (line.kind === 'service' && line.serviceId !== null) {
      await extendService(tx, actor, line.serviceId, line.months);
    }
  }
  await tx.audit({
    action: 'documents.invoice',
    entity: 'document',
    entityId: invoiceId,
    summary: { number: numbered.number, proforma: proforma.number, ttc: proforma.ttc, currency: proforma.currency },
  });
  return invoiceId;
}
