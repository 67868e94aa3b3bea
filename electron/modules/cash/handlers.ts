import { In } from 'typeorm';
import type { CashSessionDto } from '../../../shared/api/cash';
import { countedTotal } from '../../../shared/cash';
import { businessDate, startOfBusinessDayUtc, startOfNextBusinessDayUtc } from '../../../shared/dates';
import { formatMoney } from '../../../shared/money';
import type { PaymentMethod } from '../../../shared/payment-methods';
import type { Registry } from '../../api/registry';
import type { Database } from '../../db/database';
import { CashMovementEntity, CashSessionEntity, PaymentEntity, type CashSessionRow } from '../../db/entities';
import { AppError, notFound } from '../../errors';
import type { EntityManager } from 'typeorm';
import { zReportPdf } from '../../pdf/z-report';
import { sha256 } from '../documents/printing';
import { companySettings } from '../documents/snapshot';
import { staffNames } from '../staff/names';

async function findSession(em: EntityManager, id: number): Promise<CashSessionRow> {
  const row = await em.findOneBy(CashSessionEntity, { id });
  if (!row) throw notFound('Session de caisse');
  return row;
}

/** What an open drawer should hold: float + every movement, summed by the database. */
export async function drawerExpected(em: EntityManager, session: CashSessionRow): Promise<number> {
  const row = await em
    .createQueryBuilder(CashMovementEntity, 'm')
    .select('COALESCE(SUM(m.amount), 0)', 'total')
    .where('m.sessionId = :id', { id: session.id })
    .getRawOne<{ total: number | string }>();
  return session.float + Number(row?.total ?? 0);
}

/** A session with its movements and what the drawer should hold (float + in − out). */
export async function sessionDto(em: EntityManager, row: CashSessionRow): Promise<CashSessionDto> {
  const movements = await em.find(CashMovementEntity, { where: { sessionId: row.id }, order: { id: 'ASC' } });
  const paymentIds = movements.flatMap((m) => (m.paymentId === null ? [] : [m.paymentId]));
  const payments = paymentIds.length ? await em.findBy(PaymentEntity, { id: In(paymentIds) }) : [];
  const numberOf = new Map(payments.map((p) => [p.id, p.number]));
  const cashIn = movements.filter((m) => m.amount > 0).reduce((s, m) => s + m.amount, 0);
  const cashOut = -movements.filter((m) => m.amount < 0).reduce((s, m) => s + m.amount, 0);
  const expected = row.status === 'open' ? row.float + cashIn - cashOut : row.expected;
  // The day's other payments taken by the staff of this session, for information.
  const day = businessDate(new Date(row.openedAt));
  const others = await em
    .createQueryBuilder(PaymentEntity, 'p')
    .select('p.method', 'method')
    .addSelect('COUNT(*)', 'count')
    .addSelect('SUM(p.amount)', 'total')
    .where("p.method <> 'cash' AND p.status = 'recorded' AND p.receivedAt >= :from AND p.receivedAt < :to", {
      from: startOfBusinessDayUtc(day),
      to: startOfNextBusinessDayUtc(day),
    })
    .groupBy('p.method')
    .getRawMany<{ method: PaymentMethod; count: number | string; total: number | string }>();
  const closed = row.status !== 'open';
  return {
    id: row.id,
    desk: row.desk,
    status: row.status,
    openedAt: row.openedAt,
    openedBy: row.openedBy,
    float: row.float,
    cashIn,
    cashOut,
    expected,
    counted: closed ? row.counted : null,
    difference: closed ? row.difference : null,
    count: JSON.parse(row.count) as Record<string, number>,
    closedAt: row.closedAt,
    closedBy: row.closedBy,
    closeNote: row.closeNote,
    validatedAt: row.validatedAt,
    validatedBy: row.validatedBy,
    movements: movements.map((m) => ({
      id: m.id,
      kind: m.kind,
      amount: m.amount,
      reason: m.reason,
      paymentId: m.paymentId,
      paymentNumber: m.paymentId === null ? null : (numberOf.get(m.paymentId) ?? null),
      at: m.at,
      username: m.username,
    })),
    otherMethods: others.map((o) => ({ method: o.method, count: Number(o.count), total: Number(o.total) })),
    staffNames: staffNames(em, [row.openedBy, row.closedBy, row.validatedBy, ...movements.map((m) => m.username)]),
  };
}

export function registerCashHandlers(registry: Registry, { db }: { db: Database }): void {
  const dto = async (id: number) => sessionDto(db.reader, await findSession(db.reader, id));

  registry.register('cash.current', async (input) => {
    const row = await db.reader.findOneBy(CashSessionEntity, { desk: input.desk, status: 'open' });
    return row ? sessionDto(db.reader, row) : null;
  });

  registry.register('cash.get', (input) => dto(input.id));

  registry.register('cash.list', async (input) => {
    const [rows, total] = await db.reader.findAndCount(CashSessionEntity, {
      order: { id: 'DESC' },
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
    });
    return { rows: await Promise.all(rows.map((r) => sessionDto(db.reader, r))), total };
  });

  registry.register('cash.open', async (input, ctx) => {
    const id = await db.write(ctx.actor, 'cash.open', async (tx) => {
      if (await tx.em.existsBy(CashSessionEntity, { desk: input.desk, status: 'open' })) {
        throw new AppError('CONFLICT', `La caisse du poste « ${input.desk} » est déjà ouverte.`);
      }
      const saved = await tx.em.save(CashSessionEntity, {
        desk: input.desk,
        status: 'open' as const,
        openedAt: tx.now.toISOString(),
        openedBy: ctx.actor.username,
        float: input.float,
      });
      await tx.audit({
        action: 'cash.open',
        entity: 'cash_session',
        entityId: saved.id,
        summary: { desk: input.desk, float: input.float },
      });
      return saved.id;
    });
    return dto(id);
  });

  registry.register('cash.movement', async (input, ctx) => {
    await db.write(ctx.actor, 'cash.movement', async (tx) => {
      const session = await findSession(tx.em, input.sessionId);
      if (session.status !== 'open') throw new AppError('CONFLICT', 'Cette caisse est close.');
      if (input.kind === 'out') {
        const expected = await drawerExpected(tx.em, session);
        if (input.amount > expected) {
          throw new AppError('VALIDATION', `La caisse ne contient que ${formatMoney(expected)}.`, {
            amount: `Au plus ${formatMoney(expected)}.`,
          });
        }
      }
      const amount = input.kind === 'out' ? -input.amount : input.amount;
      await tx.em.insert(CashMovementEntity, {
        sessionId: session.id,
        kind: input.kind,
        amount,
        reason: input.reason,
        paymentId: null,
        at: tx.now.toISOString(),
        username: ctx.actor.username,
      });
      await tx.audit({
        action: 'cash.movement',
        entity: 'cash_session',
        entityId: session.id,
        summary: { kind: input.kind, amount, reason: input.reason },
      });
    });
    return dto(input.sessionId);
  });

  registry.register('cash.close', async (input, ctx) => {
    await db.write(ctx.actor, 'cash.close', async (tx) => {
      const session = await findSession(tx.em, input.sessionId);
      if (session.status !== 'open') throw new AppError('CONFLICT', 'Cette caisse est déjà close.');
      const expected = await drawerExpected(tx.em, session);
      const counted = countedTotal(input.count);
      await tx.em.update(
        CashSessionEntity,
        { id: session.id },
        {
          status: 'closed',
          closedAt: tx.now.toISOString(),
          closedBy: ctx.actor.username,
          count: JSON.stringify(input.count),
          counted,
          expected,
          difference: counted - expected,
          closeNote: input.note,
        },
      );
      await tx.audit({
        action: 'cash.close',
        entity: 'cash_session',
        entityId: session.id,
        summary: { expected, counted, difference: counted - expected, note: input.note },
      });
    });
    return dto(input.sessionId);
  });

  registry.register('cash.validate', async (input, ctx) => {
    await db.write(ctx.actor, 'cash.validate', async (tx) => {
      const session = await findSession(tx.em, input.sessionId);
      if (session.status !== 'closed') throw new AppError('CONFLICT', 'Seule une caisse close peut être validée.');
      await tx.em.update(
        CashSessionEntity,
        { id: session.id },
        { status: 'validated', validatedAt: tx.now.toISOString(), validatedBy: ctx.actor.username },
      );
      await tx.audit({
        action: 'cash.validate',
        entity: 'cash_session',
        entityId: session.id,
        summary: { difference: session.difference },
      });
    });
    return dto(input.sessionId);
  });

  registry.register('cash.zReport', async (input) => {
    const session = await dto(input.sessionId);
    const pdf = await zReportPdf(session, (await companySettings(db.reader)).name, input.format);
    return {
      fileName: `rapport-z-${session.desk.replace(/[^\p{L}\p{N}]+/gu, '-')}-${session.id}${input.format === 'thermal' ? '-80mm' : ''}.pdf`,
      pdf: pdf.toString('base64'),
      copy: 'original' as const,
      sha256: sha256(pdf),
    };
  });
}
