import type { EntityManager } from 'typeorm';
import { formatDuration, hoursQuantity, monthBounds, monthLabel } from '../../../shared/durations';
import type { Currency } from '../../../shared/money';
import type { DocumentLineRow, ProductRow, ServiceRow } from '../../db/entities';
import { AppError } from '../../errors';
import { priceInForce } from '../catalog/prices';
import type { NewLine } from '../documents/lines';
import { billedHours, monthOf, unbilledExtras } from './hours';

/** The catalogue's hourly price of an outsourcing product, or a French refusal. */
export async function hourlyPrice(em: EntityManager, product: ProductRow, currency: Currency, at: string) {
  const price = await priceInForce(em, product.id, 'hour', 0, currency, at);
  if (price === null) {
    throw new AppError('VALIDATION', `Aucun prix horaire au catalogue pour ${product.name} en ${currency}.`);
  }
  return price;
}

/**
 * The hours beyond a monthly contract's included ones, one line per month over and not billed yet, at the hourly price:
 * "Infogérance — srv1 : heures au-delà du forfait, novembre 2026 (3 h 30 utilisées, 2 h incluses)", 1,5 h.
 */
export async function extraHoursLines(
  em: EntityManager,
  service: ServiceRow,
  product: ProductRow,
  currency: Currency,
  at: string,
  today: string,
): Promise<NewLine[]> {
  if (product.kind !== 'outsourcing_monthly') return [];
  const months = unbilledExtras(em, service.id, product.includedHours, today);
  if (months.length === 0) return [];
  const unitPrice = await hourlyPrice(em, product, currency, at);
  return months.map((m) => {
    const bounds = monthBounds(m.month);
    return {
      kind: 'hours' as const,
      serviceId: service.id,
      productId: product.id,
      description:
        `Infogérance — ${service.label} : heures au-delà du forfait, ${monthLabel(m.month)} ` +
        `(${formatDuration(m.used)} utilisées, ${formatDuration(m.included)} incluses, ${formatDuration(m.extra)} en plus)`,
      quantity: hoursQuantity(m.extra),
      unitPrice,
      vatRate: product.vatRate,
      periodFrom: bounds.from,
      periodTo: bounds.to,
      months: 0,
    };
  });
}

/**
 * At issue: hours billed once and only once. A month (or a mission's time) already on another live proforma — a second
 * draft issued first — is refused, and the draft is to be saved again.
 */
export function assertHoursUnbilled(
  em: EntityManager,
  documentId: number,
  lines: readonly DocumentLineRow[],
  labelOf: (serviceId: number) => string,
): void {
  for (const line of lines) {
    if (line.kind !== 'hours' || line.serviceId === null) continue;
    // A mission's hours (no month) are billed once in all; a contract's, once a month.
    const month = line.periodFrom === null ? null : monthOf(line.periodFrom);
    const other = billedHours(em, line.serviceId, documentId).find(
      (b) => month === null || monthOf(b.periodFrom ?? '') === month,
    );
    if (other) {
      throw new AppError(
        'CONFLICT',
        `Les heures de ${labelOf(line.serviceId)} figurent déjà sur la proforma ${other.number ?? ''} : ` +
          'enregistrez le brouillon à nouveau.',
      );
    }
  }
}
