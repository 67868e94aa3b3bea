import { CYCLE_MONTHS, isRecurring, type BillingCycle, type ProductKind } from '../../../shared/catalog';
import type { Currency } from '../../../shared/money';
import type { ProductRow } from '../../../electron/db/entities';
import type { Prng } from '../../prng';
import type { Calendar } from '../calendar';
import type { Catalogue } from '../catalogue';
import type { Account, PlannedClient, PlannedService } from './types';

type Weighted<T> = readonly (readonly [T, number])[];

/** What a new client signs up for at the counter, the day it arrives. */
const FIRST_ORDERS: Weighted<readonly ProductKind[]> = [
  [['domain'], 22],
  [['domain', 'hosting'], 28],
  [['domain', 'hosting', 'email'], 16],
  [['domain', 'hosting', 'ssl'], 6],
  [['domain', 'hosting', 'email', 'ssl'], 6],
  [['hosting'], 7],
  [['email'], 3],
  [['ssl'], 2],
  [['vps'], 4],
  [['dedicated'], 0.6],
  [['outsourcing_monthly'], 0.8],
  [['domain', 'website'], 3],
  [['outsourcing_mission'], 2],
  [['backup_restore'], 1],
];
const FIRST_ORDER_SIZE =
  FIRST_ORDERS.reduce((sum, [kinds, weight]) => sum + kinds.length * weight, 0) /
  FIRST_ORDERS.reduce((sum, [, weight]) => sum + weight, 0);

/** What an existing client adds later. */
const LATER_ORDERS: Weighted<ProductKind> = [
  ['domain', 35],
  ['email', 15],
  ['ssl', 12],
  ['hosting', 14],
  ['vps', 5],
  ['outsourcing_mission', 8],
  ['backup_restore', 6],
  ['website', 3],
  ['dedicated', 0.5],
  ['outsourcing_monthly', 1.5],
];

const PRODUCTS: Partial<Record<ProductKind, Weighted<string>>> = {
  domain: [
    ['DOM.MA', 45],
    ['DOM.COM', 28],
    ['DOM.CO.MA', 8],
    ['DOM.NET', 7],
    ['DOM.ORG', 4],
    ['DOM.FR', 8],
  ],
  hosting: [
    ['HEB-STARTER', 50],
    ['HEB-PRO', 35],
    ['HEB-BUSINESS', 15],
  ],
  ssl: [
    ['SSL-DV', 85],
    ['SSL-WILDCARD', 15],
  ],
  email: [['MAIL-PRO', 1]],
  vps: [
    ['VPS-S', 70],
    ['VPS-M', 30],
  ],
  dedicated: [['DEDIE-E3', 1]],
  outsourcing_monthly: [['INFOG-MENSUEL', 1]],
  outsourcing_mission: [['INFOG-MISSION', 1]],
  website: [['SITE-VITRINE', 1]],
  backup_restore: [['RESTAURATION', 1]],
};

const CYCLES: Weighted<BillingCycle> = [
  ['annual', 80],
  ['semiannual', 7],
  ['quarterly', 7],
  ['monthly', 6],
];
const OUTSOURCING_CYCLES: Weighted<BillingCycle> = [
  ['monthly', 70],
  ['quarterly', 20],
  ['annual', 10],
];

interface Order {
  ms: number;
  client: PlannedClient;
  kinds: readonly ProductKind[];
}

/** Binary search: how many clients had arrived by an instant (clients are in arrival order). */
export function arrivedBy(clients: readonly PlannedClient[], ms: number): number {
  let lo = 0;
  let hi = clients.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((clients[mid]?.createdMs ?? Infinity) <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Orders are taken at the counter: one made outside office hours is dated at the next opening (never earlier). */
function officeHours(calendar: Calendar, ms: number, rng: Prng): number {
  const day = calendar.dayOfMs(ms);
  const next = (d: number) => calendar.at(calendar.isSunday(d) ? d + 1 : d, rng.next() * 0.3);
  if (ms < calendar.at(day, 0) || calendar.isSunday(day)) return next(day);
  if (ms >= calendar.closing(day)) return next(day + 1);
  return ms;
}

/** The orders of the ten years: a first order for most new clients, then additions by earlier clients, by time. */
function orders(clients: readonly PlannedClient[], total: number, rng: Prng, calendar: Calendar): Order[] {
  const endMs = calendar.end.getTime();
  const list: Order[] = [];
  const firstShare = Math.min(0.95, (0.84 * total) / (clients.length * FIRST_ORDER_SIZE));
  let count = 0;
  for (const client of clients) {
    if (!rng.chance(firstShare)) continue;
    const kinds = rng.weighted(FIRST_ORDERS);
    const ms = officeHours(calendar, client.createdMs + rng.int(5, 40) * 60_000, rng);
    if (ms >= endMs) continue;
    if (count + kinds.length > total) break;
    list.push({ ms, client, kinds });
    count += kinds.length;
  }
  while (count < total) {
    const ms = officeHours(calendar, calendar.day0Ms + rng.next() * (endMs - calendar.day0Ms), rng);
    const arrived = arrivedBy(clients, ms);
    if (arrived === 0 || ms >= endMs) continue;
    const client = clients[rng.int(0, arrived - 1)];
    if (!client) continue;
    list.push({ ms, client, kinds: [rng.weighted(LATER_ORDERS)] });
    count++;
  }
  return list.sort((a, b) => a.ms - b.ms);
}

/** Labels: domain names made from the client's name, unique in the office, and what the other kinds are known by. */
class Labels {
  private readonly taken = new Set<string>();

  constructor(private readonly rng: Prng) {}

  domain(slug: string, tld: string): string {
    let label = `${slug}${tld}`;
    // Taken: the name with a number, as people do (atlas-transport7.ma).
    for (let n = this.rng.int(2, 99); this.taken.has(label); n++) label = `${slug}${n}${tld}`;
    this.taken.add(label);
    return label;
  }

  of(kind: ProductKind, slug: string, domain: string | null, id: number): string {
    const site = domain ?? `${slug}.${this.rng.chance(0.6) ? 'ma' : 'com'}`;
    switch (kind) {
      case 'hosting':
      case 'email':
      case 'ssl':
        return site;
      case 'vps':
      case 'dedicated':
        return `srv${id}.${site}`;
      case 'outsourcing_monthly':
        return `Infogérance ${site}`;
      case 'outsourcing_mission':
        return `Mission ${site}`;
      case 'website':
        return `Site vitrine ${site}`;
      default:
        return `Restauration ${site}`;
    }
  }
}

/** An account's currency: the client's when the catalogue prices every service of it in that currency for a year. */
function currencyOf(client: PlannedClient, products: ProductRow[], catalogue: Catalogue): Currency {
  if (client.currency === 'MAD') return 'MAD';
  const priced = products.every((p) =>
    p.kind === 'domain'
      ? catalogue.price(p.id, 'renew', 12, client.currency) !== null
      : catalogue.price(p.id, 'period', 12, client.currency) !== null,
  );
  return priced ? client.currency : 'MAD';
}

/**
 * The services of the office with their accounts, in the order they were created (ids follow time). Their final state
 * (paid months, status) is filled in by the billing plan.
 */
export function planServices(
  clients: readonly PlannedClient[],
  total: number,
  rng: Prng,
  calendar: Calendar,
  catalogue: Catalogue,
): { services: PlannedService[]; accounts: Account[] } {
  const services: PlannedService[] = [];
  const accounts: Account[] = [];
  const labels = new Labels(rng.fork());
  const product = (kind: ProductKind) => catalogue.byCode(rng.weighted(PRODUCTS[kind] ?? []));

  for (const order of orders(clients, total, rng, calendar)) {
    const anchorDay = calendar.dayOfMs(order.ms);
    const products = order.kinds.map(product);
    const recurring = products.filter((p) => isRecurring(p.kind));
    const domainProduct = products.find((p) => p.kind === 'domain');
    const domain = domainProduct ? labels.domain(order.client.slug, domainProduct.tld) : null;
    const currency = currencyOf(order.client, recurring, catalogue);
    // Bought together, renewed together: a bundle with a domain goes by the year, as do foreign-currency accounts.
    const single = recurring.length === 1 ? recurring[0] : undefined;
    const priced = (cycles: Weighted<BillingCycle>) =>
      cycles.filter(([c]) => single && catalogue.price(single.id, 'period', CYCLE_MONTHS[c], currency) !== null);
    const cycle: BillingCycle =
      single && single.kind !== 'domain' && currency === 'MAD'
        ? rng.weighted(priced(single.kind === 'outsourcing_monthly' ? OUTSOURCING_CYCLES : CYCLES))
        : 'annual';
    const add = (p: ProductRow, account: number, billingCycle: BillingCycle | '', accountCurrency: Currency) => {
      const id = services.length + 1;
      const label = p.kind === 'domain' && domain ? domain : labels.of(p.kind, order.client.slug, domain, id);
      services.push({
        id,
        clientId: order.client.id,
        productId: p.id,
        account,
        label,
        billingCycle,
        currency: accountCurrency,
        anchorDay,
        createdMs: order.ms,
        paidMonths: 0,
        status: isRecurring(p.kind) ? 'pending' : 'active',
        suspensionReason: null,
        terminationRequested: false,
        updatedMs: order.ms,
      });
    };
    if (recurring.length > 0) {
      const account = accounts.length;
      accounts.push({
        clientId: order.client.id,
        firstService: services.length + 1,
        serviceCount: recurring.length,
        anchorDay,
        cycleMonths: CYCLE_MONTHS[cycle],
        currency,
      });
      for (const p of recurring) add(p, account, cycle, currency);
    }
    for (const p of products.filter((q) => !isRecurring(q.kind))) {
      const account = accounts.length;
      // One-off work is priced in dirhams (the catalogue's missions also in euros).
      const oneOff = catalogue.price(p.id, 'hour', 0, order.client.currency) !== null ? order.client.currency : 'MAD';
      accounts.push({
        clientId: order.client.id,
        firstService: services.length + 1,
        serviceCount: 1,
        anchorDay,
        cycleMonths: 0,
        currency: oneOff,
      });
      add(p, account, '', oneOff);
    }
  }
  return { services, accounts };
}
