import type { Actor, WriteTx } from '../../db/database';
import { ProductEntity, ServiceEntity } from '../../db/entities';
import { AppError } from '../../errors';
import { businessDate } from '../../../shared/dates';
import { nextPeriod } from '../../../shared/periods';
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
  const product = await tx.em.findOneByOrFail(ProductEntity, { id: row.productId });
  const rules = await lifecycleRules(tx.em);
  const state = serviceState({ ...row, kind: product.kind }, businessDate(tx.now), rules[product.kind]);
  if (!state.renewable) {
    throw new AppError('CONFLICT', `Le service « ${row.label} » ne peut plus être renouvelé (${state.phase}).`);
  }
  const period = nextPeriod(row.anchorDate, row.paidMonths, months);
  const abuse = row.status === 'suspended' && row.suspensionReason === 'abuse';
  const status = abuse ? 'suspended' : 'active';
  await tx.em.update(
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
