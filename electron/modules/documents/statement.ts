import type { EntityManager } from 'typeorm';
import type { StatementInput } from '../../../shared/api/documents';
import type { Currency } from '../../../shared/money';
import { paymentMethodLabel } from '../../../shared/payment-methods';
import { DocumentEntity, PaymentEntity } from '../../db/entities';
import type { BuyerBlock, SellerBlock } from '../../pdf/commercial-document';
import { buyerOf, liveSeller } from './snapshot';

/** One line of the statement: what happened, and what it did to the client's account (debit: owed; credit: paid). */
export interface StatementEntry {
  date: string;
  reference: string;
  label: string;
  debit: number;
  credit: number;
  /** The balance after this line; null for a line that moves nothing (an invoice, a voided payment). */
  balance: number | null;
}

export interface PrintableStatement {
  seller: SellerBlock;
  buyer: BuyerBlock;
  from: string;
  to: string;
  currency: Currency;
  /** Owed by the client before `from` (negative: in the client's favour). */
  opening: number;
  entries: StatementEntry[];
  debit: number;
  credit: number;
  closing: number;
  createdAt: Date;
}

interface Movement {
  date: string;
  order: number;
  reference: string;
  label: string;
  debit: number;
  credit: number;
  moves: boolean;
}

/**
 * The client's account in one currency, as the counter explains it: proformas are what is asked (debit), payments
 * and credit notes what is received or given back (credit), refunds money paid out (debit). An invoice only records
 * that a proforma was settled, and a cancelled proforma or a voided payment counts for nothing: they are listed, with
 * no amount. The account is the documents and payments as they stand today.
 */
export async function clientStatement(
  em: EntityManager,
  input: Required<StatementInput>,
  now: Date,
): Promise<PrintableStatement> {
  const buyer = await buyerOf(em, input.clientId);
  const { seller } = await liveSeller(em);
  const documents = await em
    .createQueryBuilder(DocumentEntity, 'd')
    .where('d.clientId = :clientId AND d.currency = :currency AND d.issueDate IS NOT NULL AND d.issueDate <= :to', {
      clientId: input.clientId,
      currency: input.currency,
      to: input.to,
    })
    .getMany();
  const payments = await em
    .createQueryBuilder(PaymentEntity, 'p')
    .where('p.clientId = :clientId AND p.currency = :currency AND p.paidOn <= :to', {
      clientId: input.clientId,
      currency: input.currency,
      to: input.to,
    })
    .getMany();
  const numbers = new Map(documents.map((d) => [d.id, d.number ?? '']));

  const movements: Movement[] = [];
  for (const d of documents) {
    const base = { date: d.issueDate ?? '', reference: d.number ?? '', debit: 0, credit: 0, moves: true };
    if (d.type === 'proforma' && d.status === 'cancelled') {
      movements.push({ ...base, order: 0, label: `Facture proforma annulée : ${d.cancelReason}`, moves: false });
    } else if (d.type === 'proforma') {
      movements.push({ ...base, order: 0, label: 'Facture proforma', debit: d.ttc });
    } else if (d.type === 'invoice') {
      const source = d.sourceId ? numbers.get(d.sourceId) : '';
      movements.push({ ...base, order: 1, label: `Facture${source ? ` (règle ${source})` : ''}`, moves: false });
    } else {
      const source = d.sourceId ? numbers.get(d.sourceId) : '';
      movements.push({ ...base, order: 2, label: `Avoir${source ? ` sur ${source}` : ''}`, credit: d.ttc });
    }
  }
  for (const p of payments) {
    const method = paymentMethodLabel(p.method);
    const base = { date: p.paidOn, order: 3, reference: p.number, debit: 0, credit: 0, moves: true };
    if (p.status === 'voided') {
      movements.push({ ...base, label: `Règlement annulé (${method}) : ${p.voidReason}`, moves: false });
    } else if (p.direction === 'out') {
      movements.push({ ...base, label: `Remboursement (${method})`, debit: p.amount });
    } else {
      movements.push({ ...base, label: `Règlement (${method})`, credit: p.amount });
    }
  }
  movements.sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order || a.reference.localeCompare(b.reference));

  const effect = (m: Movement) => (m.moves ? m.debit - m.credit : 0);
  const opening = movements.filter((m) => m.date < input.from).reduce((sum, m) => sum + effect(m), 0);
  let balance = opening;
  const entries: StatementEntry[] = movements
    .filter((m) => m.date >= input.from)
    .map((m) => {
      balance += effect(m);
      return {
        date: m.date,
        reference: m.reference,
        label: m.label,
        debit: m.debit,
        credit: m.credit,
        balance: m.moves ? balance : null,
      };
    });
  return {
    seller,
    buyer,
    from: input.from,
    to: input.to,
    currency: input.currency,
    opening,
    entries,
    debit: entries.reduce((sum, e) => sum + e.debit, 0),
    credit: entries.reduce((sum, e) => sum + e.credit, 0),
    closing: balance,
    createdAt: now,
  };
}
