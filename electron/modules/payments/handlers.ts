import type { SelectQueryBuilder } from 'typeorm';
import { roleAtLeast } from '../../../shared/roles';
import { CASH_LIMIT, paymentRulesSchema } from '../../../shared/payment-rules';
import type { Registry } from '../../api/registry';
import type { Clock } from '../../clock';
import type { Actor, Database } from '../../db/database';
import { ClientEntity, PaymentEntity, UserEntity, type PaymentRow } from '../../db/entities';
import { AppError, notFound } from '../../errors';
import { findRow, statement } from '../../db/rows';
import { checkPassword, refuseUnknown } from '../auth/lockout';
import { creditBalances, documentDto, findDocument } from '../documents/repository';
import { sealDocument, sha256 } from '../documents/printing';
import { liveSeller } from '../documents/snapshot';
import { receiptPdf } from '../../pdf/receipt';
import { parseNumberQuery } from '../../../shared/document-numbers';
import { applyCredit } from './credit';
import { openProformasOf, payloadHash, PaymentReplay, recordPayment, type PaymentInput } from './record';
import { findPayment, paymentDtos } from './repository';
import { cashReceivedOn } from './ledger';
import { PAYMENT_RULES, paymentRules, STAMP_DUTY, stampDutySettings } from './settings';
import { readSection, writeSection } from '../settings/store';
import { stampDutySettingsSchema } from '../../../shared/stamp-duty';
import { recordRefund } from './refund';
import { voidPayment } from './void';

/** The manager who signs off cash over the legal limit, by name and password at the counter. */
async function approver(db: Database, clock: Clock, input: PaymentInput): Promise<string | null> {
  if (!input.approval) return null;
  const user = await db.reader.findOneBy(UserEntity, { username: input.approval.username });
  if (!user?.active) return refuseUnknown(input.approval.password);
  const checked = await checkPassword(db, user, input.approval.password, 'payments.approval', clock.now());
  if (!roleAtLeast(checked.role, 'manager')) {
    throw new AppError('FORBIDDEN', 'Seul un responsable peut autoriser ce paiement.', {
      approval: 'Un responsable doit autoriser.',
    });
  }
  return checked.username;
}

function filterByNumber(query: SelectQueryBuilder<PaymentRow>, text: string): void {
  const parsed = parseNumberQuery(text);
  if (!parsed) query.andWhere('1 = 0');
  else if (parsed.kind === 'prefix') {
    query.andWhere('p.number >= :low AND p.number < :high', { low: parsed.text, high: `${parsed.text}\uffff` });
  } else {
    query.andWhere('p.seq = :seq', { seq: parsed.seq });
    if (parsed.year !== null) query.andWhere('p.seriesYear = :year', { year: parsed.year });
  }
}

export function registerPaymentHandlers(registry: Registry, { db, clock }: { db: Database; clock: Clock }): void {
  const dto = async (id: number) => {
    const [one] = await paymentDtos(db.reader, [await findPayment(db.reader, id)]);
    if (!one) throw notFound('Paiement');
    return one;
  };
  /** Invoices are sealed after the payment commits: the counter does not wait for their PDF. */
  const sealLater = (actor: Actor, ids: number[]) => {
    for (const id of ids) db.background(`seal ${id}`, () => sealDocument(db, actor, id));
  };

  registry.register('settings.getStampDuty', () => stampDutySettings(db.reader));
  registry.register('settings.saveStampDuty', async (input, ctx) => {
    await db.write(ctx.actor, 'settings.saveStampDuty', async (tx) =>
      writeSection(
        tx,
        STAMP_DUTY,
        input,
        await readSection(tx.em, STAMP_DUTY, stampDutySettingsSchema),
        ctx.actor.userId,
      ),
    );
    return stampDutySettings(db.reader);
  });

  registry.register('settings.getPaymentRules', () => paymentRules(db.reader));
  registry.register('settings.savePaymentRules', async (input, ctx) => {
    await db.write(ctx.actor, 'settings.savePaymentRules', async (tx) =>
      writeSection(
        tx,
        PAYMENT_RULES,
        input,
        await readSection(tx.em, PAYMENT_RULES, paymentRulesSchema),
        ctx.actor.userId,
      ),
    );
    return paymentRules(db.reader);
  });

  registry.register('payments.openItems', async (input) => {
    const client = await db.reader.findOneBy(ClientEntity, { id: input.clientId });
    if (!client) throw notFound('Client');
    const proformas = openProformasOf({ em: db.reader }, input.clientId);
    const cash = cashReceivedOn(
      db.reader,
      proformas.map((d) => d.id),
    );
    return {
      proformas: proformas.map((d) => ({
        id: d.id,
        number: d.number,
        issueDate: d.issueDate,
        dueDate: d.dueDate,
        currency: d.currency,
        ttc: d.ttc,
        paid: d.paid,
        balance: d.ttc - d.paid,
        cashReceived: cash.get(d.id) ?? 0,
      })),
      credit: await creditBalances(db.reader, input.clientId),
      stampDuty: await stampDutySettings(db.reader),
      cashLimit: CASH_LIMIT,
      clientKind: client.kind,
      paymentRules: await paymentRules(db.reader),
    };
  });

  registry.register('payments.record', async (input, ctx) => {
    // A retry of a recorded payment answers at once, without queuing behind other writes.
    const previous = findRow(db.reader, PaymentEntity, { idempotencyKey: input.idempotencyKey });
    if (previous && previous.payloadHash === payloadHash(input)) return dto(previous.id);
    const approvedBy = await approver(db, clock, input);
    try {
      const recorded = await db.write(ctx.actor, 'payments.record', (tx) =>
        recordPayment(tx, ctx.actor, input, approvedBy),
      );
      sealLater(ctx.actor, recorded.invoiceIds);
      return await dto(recorded.paymentId);
    } catch (error) {
      if (error instanceof PaymentReplay) return dto(error.paymentId);
      throw error;
    }
  });

  registry.register('payments.get', (input) => dto(input.id));

  registry.register('payments.list', async (input) => {
    const query = db.reader.createQueryBuilder(PaymentEntity, 'p');
    if (input.clientId) query.andWhere('p.clientId = :clientId', { clientId: input.clientId });
    if (input.method) query.andWhere('p.method = :method', { method: input.method });
    if (input.direction) query.andWhere('p.direction = :direction', { direction: input.direction });
    if (input.status) query.andWhere('p.status = :status', { status: input.status });
    if (input.from) query.andWhere('p.paidOn >= :from', { from: input.from });
    if (input.to) query.andWhere('p.paidOn <= :to', { to: input.to });
    if (input.number) filterByNumber(query, input.number);
    const [rows, total] = await query
      .orderBy('p.id', 'DESC')
      .skip((input.page - 1) * input.pageSize)
      .take(input.pageSize)
      .getManyAndCount();
    return { rows: await paymentDtos(db.reader, rows), total };
  });

  registry.register('payments.applyCredit', async (input, ctx) => {
    const invoiceId = await db.write(ctx.actor, 'payments.applyCredit', (tx) => applyCredit(tx, ctx.actor, input));
    if (invoiceId !== null) sealLater(ctx.actor, [invoiceId]);
    return documentDto(db.reader, await findDocument(db.reader, input.documentId));
  });

  registry.register('payments.refund', async (input, ctx) => {
    try {
      return await dto(await db.write(ctx.actor, 'payments.refund', (tx) => recordRefund(tx, ctx.actor, input)));
    } catch (error) {
      if (error instanceof PaymentReplay) return dto(error.paymentId);
      throw error;
    }
  });

  // The first print of a receipt is the original; every later one says DUPLICATA, and each print is audited.
  registry.register('payments.receipt', async (input, ctx) => {
    const payment = await dto(input.id);
    const { seller } = await liveSeller(db.reader);
    const copy = await db.write(ctx.actor, 'payments.receipt', async (tx) => {
      const printed = statement(
        tx.em,
        'UPDATE "payments" SET "print_count" = "print_count" + 1 WHERE "id" = ? RETURNING "print_count" AS "count"',
      ).get(payment.id) as { count: number };
      const mark = printed.count === 1 ? ('original' as const) : ('duplicate' as const);
      await tx.audit({
        action: 'payments.receipt',
        entity: 'payment',
        entityId: payment.id,
        summary: { number: payment.number, copy: mark, format: input.format },
      });
      return mark;
    });
    const pdf = await receiptPdf({
      payment,
      seller,
      stampDutyRate: (await stampDutySettings(db.reader)).rate,
      format: input.format,
      copy,
    });
    return {
      fileName: `recu-${payment.number}${input.format === 'thermal' ? '-80mm' : ''}${copy === 'duplicate' ? '-duplicata' : ''}.pdf`,
      pdf: pdf.toString('base64'),
      copy,
      sha256: sha256(pdf),
    };
  });

  registry.register('payments.void', async (input, ctx) => {
    await db.write(ctx.actor, 'payments.void', (tx) => voidPayment(tx, ctx.actor, input.id, input.reason));
    return dto(input.id);
  });
}
