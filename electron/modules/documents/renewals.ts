import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { PriceType } from '../../../shared/api/catalog';
import type { RenewalOptionDto } from '../../../shared/api/documents';
import { CYCLE_MONTHS, isRecurring, type LifecycleRules, type ProductKind } from '../../../shared/catalog';
import type { Currency } from '../../../shared/money';
import { formatCalendarDate, nextPeriod } from '../../../shared/periods';
import { serviceState, type ServiceState } from '../../../shared/service-state';
import {
  DocumentEntity,
  DocumentLineEntity,
  ProductEntity,
  ServiceEntity,
  type ProductRow,
  type ServiceRow,
} from '../../db/entities';
import { priceInForce } from '../catalog/prices';

/** A proforma that is out with the client and not settled: a service on it must not go on another. */
export const OPEN_PROFORMA = ['issued', 'partially_paid'] as const;

export interface PricedService {
  service: ServiceRow;
  product: ProductRow;
  state: ServiceState;
  periodMonths: number;
  /** HT for one period in the asked currency; null when the catalogue has none. */
  unitPrice: number | null;
  /** HT, when a domain is renewed in its grace period. */
  lateFee: number;
}

function priceTypeOf(service: ServiceRow, product: ProductRow): PriceType {
  if (product.kind !== 'domain') return 'period';
  return service.status === 'pending' ? 'register' : 'renew';
}

export function periodMonthsOf(service: ServiceRow, product: ProductRow): number {
  if (product.kind === 'domain' || !service.billingCycle) return 12;
  return CYCLE_MONTHS[service.billingCycle];
}

/** A service priced from the catalogue in force at `at`, with its state on `today`. */
export async function priceService(
  em: EntityManager,
  service: ServiceRow,
  product: ProductRow,
  currency: Currency,
  at: string,
  today: string,
  rules: LifecycleRules,
): Promise<PricedService> {
  const state = serviceState({ ...service, kind: product.kind }, today, rules);
  const periodMonths = periodMonthsOf(service, product);
  const unitPrice = await priceInForce(em, product.id, priceTypeOf(service, product), periodMonths, currency, at);
  const lateFee = state.lateRenewal ? ((await priceInForce(em, product.id, 'late_fee', 0, currency, at)) ?? 0) : 0;
  return { service, product, state, periodMonths, unitPrice, lateFee };
}

const YEARS = (n: number) => (n === 1 ? '1 an' : `${n} ans`);
const CYCLE_LABELS: Record<string, string> = {
  monthly: 'mensuel',
  quarterly: 'trimestriel',
  semiannual: 'semestriel',
  annual: 'annuel',
};

/** What the line says on the document, in French. */
export function serviceLineText(p: PricedService, periods: number): string {
  const { service, product } = p;
  if (product.kind === 'domain') {
    const what = service.status === 'pending' ? 'Enregistrement' : 'Renouvellement';
    return `${what} du nom de domaine ${service.label} — ${YEARS(periods)}`;
  }
  const start = service.status === 'pending' ? 'Souscription' : 'Renouvellement';
  const cycle = service.billingCycle ? `, ${CYCLE_LABELS[service.billingCycle] ?? service.billingCycle}` : '';
  return `${product.name} — ${service.label} (${start}${cycle})`;
}

export function lateFeeText(p: PricedService): string {
  const expiry = p.state.expiry ? ` (expiré le ${formatCalendarDate(p.state.expiry)})` : '';
  return `Frais de renouvellement tardif — ${p.service.label}${expiry}`;
}

/** Open proformas holding each of these services. */
export async function openProformas(
  em: EntityManager,
  serviceIds: number[],
  exceptDocumentId?: number,
): Promise<Map<number, { id: number; number: string | null }>> {
  const found = new Map<number, { id: number; number: string | null }>();
  if (serviceIds.length === 0) return found;
  const lines = await em.findBy(DocumentLineEntity, { serviceId: In(serviceIds), kind: 'service' });
  const docs = lines.length
    ? await em.findBy(DocumentEntity, {
        id: In([...new Set(lines.map((l) => l.documentId))]),
        type: 'proforma',
        status: In([...OPEN_PROFORMA]),
      })
    : [];
  const open = new Map(docs.filter((d) => d.id !== exceptDocumentId).map((d) => [d.id, d]));
  for (const line of lines) {
    const doc = open.get(line.documentId);
    if (doc && line.serviceId) found.set(line.serviceId, { id: doc.id, number: doc.number });
  }
  return found;
}

export async function renewalOptions(
  em: EntityManager,
  clientId: number,
  currency: Currency | undefined,
  at: string,
  today: string,
  rules: Record<ProductKind, LifecycleRules>,
): Promise<RenewalOptionDto[]> {
  const services = await em.find(ServiceEntity, { where: { clientId }, order: { dueDate: 'ASC', id: 'ASC' } });
  const products = new Map(
    (await em.findBy(ProductEntity, { id: In([...new Set(services.map((s) => s.productId))]) })).map((p) => [p.id, p]),
  );
  const open = await openProformas(
    em,
    services.map((s) => s.id),
  );
  const options: RenewalOptionDto[] = [];
  for (const service of services) {
    const product = products.get(service.productId);
    if (!product || !isRecurring(product.kind)) continue;
    if (currency && service.currency !== currency) continue;
    const p = await priceService(em, service, product, service.currency, at, today, rules[product.kind]);
    if (!p.state.renewable) continue;
    const period = nextPeriod(service.anchorDate, service.paidMonths, p.periodMonths);
    options.push({
      serviceId: service.id,
      label: service.label,
      productName: product.name,
      kind: product.kind,
      status: service.status,
      phase: p.state.phase,
      expiry: p.state.expiry,
      currency: service.currency,
      periodMonths: p.periodMonths,
      unitPrice: p.unitPrice,
      vatRate: product.vatRate,
      lateFee: p.lateFee,
      periodFrom: period.from,
      periodTo: period.to,
      due: p.state.phase !== 'active',
      openProforma: open.get(service.id) ?? null,
    });
  }
  return options;
}
