import type { Actor, WriteTx } from '../../db/database';
import { ProductEntity, ServiceEntity, ServiceEventEntity, type ServiceRow } from '../../db/entities';
import { AppError, notFound } from '../../errors';
import { findRow, updateRows } from '../../db/rows';
import { businessDate } from '../../../shared/dates';
import { addMonths, nextPeriod } from '../../../shared/periods';
import { serviceState } from '../../../shared/service-state';
import { lifecycleRules } from './lifecycle';
import { findService, recordEvent } from './repository';

/**
 * Extends a service by `months` because its proforma was paid (called by the payments module, inside the payment's
 * transaction). The paid time grows from its old end — a domain renewal extends from the old expiry, never from the
 * payment date. A pending service starts; a service suspended for non-payment, or a domain in grace, is reactivated; a
 * suspension for abuse stays until lifted by hand. A lost domain, a terminated or cancelled service cannot be extended.
 */
export async function extendService(
  tx: WriteTx,
  actor: Actor,
  serviceId: number,
  months: number,
): Promise<{ from: string; to: string }> {
  const row = await findService(tx.em, serviceId);
  const product = findRow(tx.em, ProductEntity, { id: row.productId });
  if (!product) throw notFound('Produit');
  const rules = await lifecycleRules(tx.em);
  const state = serviceState({ ...row, kind: product.kind }, businessDate(tx.now), rules[product.kind]);
  if (!state.renewable) {
    throw new AppError('CONFLICT', `Le service « ${row.label} » ne peut plus être renouvelé (${state.phase}).`);
  }
  const period = nextPeriod(row.anchorDate, row.paidMonths, months);
  const abuse = row.status === 'suspended' && row.suspensionReason === 'abuse';
  const status = abuse ? 'suspended' : 'active';
  updateRows(
    tx.em,
    ServiceEntity,
    { id: serviceId },
    {
      paidMonths: row.paidMonths + months,
      dueDate: period.to,
      status,
      suspensionReason: abuse ? 'abuse' : null,
      updatedAt: tx.now.toISOString(),
    },
  );
  await recordEvent(tx, actor, serviceId, 'extension', row.status, status, { ...period, months });
  return period;
}

/**
 * Takes back an extension when the payment that paid it is voided: only the service's latest extension, of exactly
 * these months, can be taken back, and the service returns to the status it had before it (pending, suspended, grace).
 */
export async function revertExtension(tx: WriteTx, actor: Actor, serviceId: number, months: number): Promise<void> {
  const row = await findService(tx.em, serviceId);
  const [last] = await tx.em.find(ServiceEventEntity, {
    where: { serviceId, kind: 'extension' },
    order: { id: 'DESC' },
    take: 1,
  });
  const details = last ? (JSON.parse(last.details) as { months?: number; to?: string }) : {};
  if (!last || details.months !== months || details.to !== row.dueDate) {
    throw new AppError(
      'CONFLICT',
      `Le service « ${row.label} » a été prolongé depuis : annulez d'abord le paiement le plus récent.`,
    );
  }
  const paidMonths = row.paidMonths - months;
  const status = (last.fromStatus ?? 'active') as ServiceRow['status'];
  await tx.em.update(
    ServiceEntity,
    { id: serviceId },
    {
      paidMonths,
      dueDate: addMonths(row.anchorDate, paidMonths),
      status,
      suspensionReason: status === 'suspended' ? (row.suspensionReason ?? 'non_payment') : null,
      updatedAt: tx.now.toISOString(),
    },
  );
  await recordEvent(tx, actor, serviceId, 'extension_reverted', row.status, status, { months, from: details.to });
}
