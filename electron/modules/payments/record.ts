import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { paymentInputSchema } from '../../../shared/api/payments';
import { paymentAmountOf, planAllocations, type PlannedAllocation } from '../../../shared/allocation';
import { businessDate } from '../../../shared/dates';
import { formatDocumentNumber } from '../../../shared/document-numbers';
import { formatMoney } from '../../../shared/money';
import { cashRounding, stampDuty } from '../../../shared/stamp-duty';
import type { Actor, WriteTx } from '../../db/database';
import { nextNumber } from '../../db/counters';
import {
  CashMovementEntity,
  CashSessionEntity,
  ClientCreditEntity,
  ClientEntity,
  DocumentEntity,
  PaymentAllocationEntity,
  PaymentEntity,
  type DocumentRow,
} from '../../db/entities';
import { AppError, fieldError } from '../../errors';
import { findRow, findRows, insertRow, updateRows } from '../../db/rows';
import { OPEN_PROFORMA } from '../documents/renewals';
import { settleProforma } from '../documents/settle';
import { queueMail } from '../mail/queue';
import { companySettings } from '../documents/snapshot';
import { invoicePaymentLine, invoicePayments } from './ledger';
import { approvalsNeeded, requireApproval } from './approvals';
import { paymentRules, stampDutySettings } from './settings';

export type PaymentInput = z.output<typeof paymentInputSchema>;

/** A retry of a payment already recorded: the caller answers with the first result. */
export class PaymentReplay extends Error {
  constructor(readonly paymentId: number) {
    super('payment already recorded');
  }
}

/** The request's fingerprint, without the approving manager's password. */
export function payloadHash(input: PaymentInput): string {
  const { approval, ...rest } = input;
  const signed = approval ? { ...rest, approval: { username: approval.username, reason: approval.reason } } : rest;
  return createHash('sha256').update(JSON.stringify(signed)).digest('hex');
}

/** Open proformas of a client, oldest first: the default order of allocation. */
export function openProformasOf(tx: WriteTx | { em: WriteTx['em'] }, clientId: number): DocumentRow[] {
  const where = { clientId, type: 'proforma' as const, status: OPEN_PROFORMA };
  return findRows(tx.em, DocumentEntity, where, '"issue_date", "id"');
}

function checkedAllocations(input: PaymentInput, open: DocumentRow[]): PlannedAllocation[] {
  if (!input.allocations) {
    return planAllocations(
      open.map((d) => ({ id: d.id, currency: d.currency, balance: d.ttc - d.paid })),
      input.amount,
      input.currency,
    );
  }
  const seen = new Set<number>();
  return input.allocations.map((a, i) => {
    const doc = open.find((d) => d.id === a.documentId);
    if (!doc) throw fieldError(`allocations.${i}.documentId`, 'Proforma inconnue, déjà réglée ou d’un autre client.');
    if (seen.has(doc.id)) throw fieldError(`allocations.${i}.documentId`, 'Cette proforma figure deux fois.');
    seen.add(doc.id);
    const balance = doc.ttc - doc.paid;
    if (a.amount > balance) {
      throw fieldError(
        `allocations.${i}.amount`,
        `Au plus ${formatMoney(balance, doc.currency)} sur ${doc.number ?? ''}.`,
      );
    }
    const foreign = doc.currency !== input.currency;
    if (foreign && a.rate === undefined) {
      throw fieldError(`allocations.${i}.rate`, `Indiquez le taux de change ${input.currency} pour 1 ${doc.currency}.`);
    }
    if (!foreign && a.rate !== undefined) throw fieldError(`allocations.${i}.rate`, 'Pas de taux dans la même devise.');
    const rate = foreign ? (a.rate ?? null) : null;
    const paymentAmount = paymentAmountOf(a.amount, rate);
    // Every allocation takes at least a centime of the payment: a rate cannot turn nothing into a settled proforma.
    if (paymentAmount < 1) {
      throw fieldError(`allocations.${i}.rate`, 'À ce taux, cette affectation ne prend rien du paiement.');
    }
    return { documentId: doc.id, amount: a.amount, rate, paymentAmount };
  });
}

export interface Recorded {
  paymentId: number;
  invoiceIds: number[];
}

/**
 * Records a payment in one transaction (SPEC §5): the payment and its receipt number, its allocations to open proformas,
 * the credit left over, the cash movement in the desk's open session, the invoice of every proforma it completes with
 * its services extended, and the audit entry.
 */
export async function recordPayment(
  tx: WriteTx,
  actor: Actor,
  input: PaymentInput,
  approvedBy: string | null,
): Promise<Recorded> {
  const hash = payloadHash(input);
  const previous = findRow(tx.em, PaymentEntity, { idempotencyKey: input.idempotencyKey });
  if (previous) {
    if (previous.payloadHash !== hash) {
      throw new AppError('CONFLICT', 'Cette saisie a déjà servi pour un autre paiement : rouvrez le formulaire.');
    }
    throw new PaymentReplay(previous.id);
  }
  const client = findRow(tx.em, ClientEntity, { id: input.clientId });
  if (!client) throw fieldError('clientId', 'Client introuvable.');
  if (client.anonymizedAt) throw fieldError('clientId', 'Ce client a été anonymisé.');

  const method = input.details.method;
  const cashRules = await stampDutySettings(tx.em);
  const duty = stampDuty(input.amount, method, cashRules);
  const rounding = cashRounding(input.amount + duty, method, cashRules);
  let sessionId: number | null = null;
  if (method === 'cash') {
    if (input.currency !== 'MAD') throw fieldError('currency', 'La caisse est tenue en dirhams : encaissez en MAD.');
    const session = findRow(tx.em, CashSessionEntity, { desk: input.desk, status: 'open' });
    if (!session)
      throw new AppError('CONFLICT', `Aucune caisse ouverte au poste « ${input.desk || '—'} » : ouvrez la caisse.`);
    sessionId = session.id;
  }

  const open = openProformasOf(tx, client.id);
  const plan = checkedAllocations(input, open);
  const allocated = plan.reduce((s, a) => s + a.paymentAmount, 0);
  if (allocated > input.amount) {
    throw fieldError(
      'amount',
      `Les affectations (${formatMoney(allocated, input.currency)}) dépassent le montant reçu.`,
    );
  }
  const credit = input.amount - allocated;
  const needed = approvalsNeeded(
    tx.em,
    { method, amount: input.amount, currency: input.currency, clientKind: client.kind },
    plan,
    (id) => open.find((d) => d.id === id)?.currency ?? input.currency,
    await paymentRules(tx.em),
  );
  requireApproval(needed, approvedBy);

  const paidOn = businessDate(tx.now);
  const at = tx.now.toISOString();
  const year = Number(paidOn.slice(0, 4));
  const seq = await nextNumber(tx.em, 'receipt', year);
  const number = formatDocumentNumber((await companySettings(tx.em)).prefixes.receipt, year, seq);
  const payment = {
    number,
    seriesYear: year,
    seq,
    direction: 'in' as const,
    clientId: client.id,
    amount: input.amount,
    stampDuty: duty,
    cashRounding: rounding,
    currency: input.currency,
    method,
    details: JSON.stringify(input.details),
    paidOn,
    receivedAt: at,
    userId: actor.userId,
    staff: actor.username,
    cashSessionId: sessionId,
    idempotencyKey: input.idempotencyKey,
    payloadHash: hash,
    credit,
    status: 'recorded' as const,
    approvedBy,
    approvalReason: input.approval?.reason ?? '',
    note: input.note,
  };
  const paymentId = insertRow(tx.em, PaymentEntity, payment);

  const invoiceIds: number[] = [];
  for (const a of plan) {
    const doc = open.find((d) => d.id === a.documentId);
    if (!doc) continue;
    const paid = doc.paid + a.amount;
    let invoiceId: number | null = null;
    if (paid === doc.ttc) {
      const earlier = await invoicePayments(tx.em, doc.id);
      invoiceId = await settleProforma(tx, actor, doc.id, {
        paidOn,
        payments: [...earlier, invoicePaymentLine(payment, a.amount)],
      });
      invoiceIds.push(invoiceId);
    } else {
      updateRows(tx.em, DocumentEntity, { id: doc.id }, { paid, status: 'partially_paid', updatedAt: at });
    }
    insertRow(tx.em, PaymentAllocationEntity, {
      paymentId,
      documentId: doc.id,
      amount: a.amount,
      rate: a.rate,
      paymentAmount: a.paymentAmount,
      balanceAfter: doc.ttc - paid,
      invoiceId,
      reversalOf: null,
      at,
    });
  }
  if (credit > 0) {
    insertRow(tx.em, ClientCreditEntity, {
      clientId: client.id,
      currency: input.currency,
      amount: credit,
      kind: 'payment',
      documentId: null,
      at,
      username: actor.username,
    });
  }
  if (sessionId !== null) {
    insertRow(tx.em, CashMovementEntity, {
      sessionId,
      kind: 'payment',
      amount: input.amount + duty + rounding,
      reason: '',
      paymentId,
      at,
      username: actor.username,
    });
  }
  await tx.audit({
    action: 'payments.record',
    entity: 'payment',
    entityId: paymentId,
    summary: {
      number,
      client: client.code,
      amount: input.amount,
      stampDuty: duty,
      ...(rounding === 0 ? {} : { cashRounding: rounding }),
      currency: input.currency,
      method,
      allocations: plan.map((a) => ({ document: a.documentId, amount: a.amount, rate: a.rate })),
      credit,
      invoices: invoiceIds,
      ...(approvedBy
        ? { approvedBy, approvalReason: input.approval?.reason, approvalFor: needed.map((n) => n.cause) }
        : {}),
    },
  });
  // The receipt (and the invoices it completes) by e-mail, queued with the payment so that it goes exactly once.
  queueMail(tx, actor, { kind: 'payment_receipt', clientId: client.id, paymentId, dedupeKey: `payment:${paymentId}` });
  return { paymentId, invoiceIds };
}
