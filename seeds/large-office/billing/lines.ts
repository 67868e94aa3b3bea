import type { PriceType } from '../../../shared/api/catalog';
import type { LineKind } from '../../../shared/api/documents';
import { documentTotals, type DocumentTotals } from '../../../shared/totals';
import type { ServiceState } from '../../../shared/service-state';
import type { ProductRow, ServiceRow } from '../../../electron/db/entities';
import { lateFeeText, serviceLineText, type PricedService } from '../../../electron/modules/documents/renewals';
import type { Prng } from '../../prng';
import type { OfficePlan, PlannedProforma, PlannedService } from '../plan/types';

/** A line as stored (document_lines), before it has a document. */
export interface Line {
  kind: LineKind;
  serviceId: number | null;
  productId: number | null;
  description: string;
  quantity: number;
  unitPrice: number;
  vatRate: number;
  amountHt: number;
  periodFrom: string | null;
  periodTo: string | null;
  months: number;
}

const FREE_WORK = [
  'Intervention sur site (installation réseau)',
  'Migration de messagerie vers Messagerie Pro',
  'Formation à l’administration du site (demi-journée)',
  'Mise à jour et sécurisation WordPress',
  'Paramétrage des enregistrements DNS',
] as const;

/** Only what the line texts read of a service's state (serviceLineText and lateFeeText). */
function stateFor(expiry: string): ServiceState {
  return {
    phase: 'renewal_due',
    expiry,
    daysToExpiry: 0,
    renewable: true,
    lateRenewal: true,
    expectedStatus: 'active',
  };
}

/** The service as it stood when the proforma was issued, for the app's own line texts. */
function serviceRowAt(s: PlannedService, plan: OfficePlan, first: boolean): ServiceRow {
  const anchorDate = plan.calendar.date(s.anchorDay);
  return {
    id: s.id,
    clientId: s.clientId,
    productId: s.productId,
    label: s.label,
    billingCycle: s.billingCycle,
    currency: s.currency,
    anchorDate,
    paidMonths: 0,
    dueDate: anchorDate,
    status: first ? 'pending' : 'active',
    suspensionReason: null,
    terminationRequested: false,
    notes: '',
    createdAt: '',
    updatedAt: '',
  };
}

function price(plan: OfficePlan, product: ProductRow, type: PriceType, months: number, p: PlannedProforma): number {
  const amount = plan.catalogue.price(product.id, type, months, p.currency);
  if (amount === null) throw new Error(`No ${type} price for ${product.code} over ${months} months in ${p.currency}`);
  return amount;
}

function serviceLines(plan: OfficePlan, p: PlannedProforma): Omit<Line, 'amountHt'>[] {
  const { calendar } = plan;
  const account = plan.accounts[p.account];
  if (!account) throw new Error(`No account ${p.account}`);
  const first = p.paidBefore === 0;
  const from = calendar.date(calendar.addMonths(account.anchorDay, p.paidBefore));
  const to = calendar.date(calendar.addMonths(account.anchorDay, p.paidBefore + p.months));
  const lines: Omit<Line, 'amountHt'>[] = [];
  for (let id = account.firstService; id < account.firstService + account.serviceCount; id++) {
    const s = plan.services[id - 1];
    const product = s && plan.catalogue.products.find((q) => q.id === s.productId);
    if (!s || !product) throw new Error(`No service ${id}`);
    const domain = product.kind === 'domain';
    const periodMonths = domain ? 12 : account.cycleMonths;
    const periods = p.months / periodMonths;
    const priced: PricedService = {
      service: serviceRowAt(s, plan, first),
      product,
      state: stateFor(from),
      periodMonths,
      unitPrice: price(plan, product, domain ? (first ? 'register' : 'renew') : 'period', periodMonths, p),
      lateFee: p.late ? price(plan, product, 'late_fee', 0, p) : 0,
    };
    lines.push({
      kind: 'service',
      serviceId: s.id,
      productId: product.id,
      description: serviceLineText(priced, periods),
      quantity: periods * 1000,
      unitPrice: priced.unitPrice ?? 0,
      vatRate: product.vatRate,
      periodFrom: from,
      periodTo: to,
      months: p.months,
    });
    if (p.late) {
      lines.push({
        kind: 'late_fee',
        serviceId: s.id,
        productId: product.id,
        description: lateFeeText(priced),
        quantity: 1000,
        unitPrice: priced.lateFee,
        vatRate: product.vatRate,
        periodFrom: null,
        periodTo: null,
        months: 0,
      });
    }
  }
  return lines;
}

function itemLine(plan: OfficePlan, p: PlannedProforma, rng: Prng): Omit<Line, 'amountHt'> {
  const item = { kind: 'item' as const, serviceId: null, periodFrom: null, periodTo: null, months: 0 };
  const product = p.itemProductId === null ? null : plan.catalogue.products.find((q) => q.id === p.itemProductId);
  if (!product) {
    const unitPrice = rng.int(3, 30) * 10_000;
    return { ...item, productId: null, description: rng.pick(FREE_WORK), quantity: 1000, unitPrice, vatRate: 2000 };
  }
  const account = p.account >= 0 ? plan.accounts[p.account] : undefined;
  const service = account ? plan.services[account.firstService - 1] : undefined;
  const type: PriceType = product.kind === 'outsourcing_mission' ? 'hour' : 'once';
  return {
    ...item,
    productId: product.id,
    description: service ? `${product.name} — ${service.label}` : product.name,
    quantity: p.itemQuantity,
    unitPrice: price(plan, product, type, 0, p),
    vatRate: product.vatRate,
  };
}

/** The lines of a planned proforma, priced from the catalogue, and its totals by the one rounding rule. */
export function proformaLines(
  plan: OfficePlan,
  p: PlannedProforma,
  rng: Prng,
): { lines: Line[]; totals: DocumentTotals } {
  const drafts = p.months > 0 ? serviceLines(plan, p) : [itemLine(plan, p, rng)];
  const totals = documentTotals(drafts);
  return { lines: drafts.map((l, i) => ({ ...l, amountHt: totals.lines[i] ?? 0 })), totals };
}
