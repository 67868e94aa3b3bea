import type { ProductKind } from '../../shared/catalog';
import type { Currency } from '../../shared/money';
import { Calendar, iso } from './calendar';
import { Catalogue } from './catalogue';
import { planBilling } from './plan/billing-plan';
import { planServices } from './plan/services-plan';
import type { PlannedClient } from './plan/types';
import type { Stage } from './stage';

interface ClientFacts {
  id: number;
  kind: string;
  firstName: string;
  lastName: string;
  companyName: string;
  currency: Currency;
  createdAt: string;
  email: string | null;
}

const LEGAL_WORDS = /\b(sarl|au|sa|snc|scs|ste|societe|ets|etablissements)\b/g;

/** A name as a domain label ("Atlas Transport SARL" → "atlas-transport"); null when it has no Latin letters. */
export function slugOf(text: string): string | null {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(LEGAL_WORDS, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 30)
    .replace(/-+$/, '');
  return slug.length >= 3 ? slug : null;
}

function plannedClient(c: ClientFacts): PlannedClient {
  const name = c.kind === 'company' ? c.companyName : `${c.firstName} ${c.lastName}`;
  const slug = slugOf(name) ?? slugOf(c.email?.split('@')[0] ?? '') ?? `client${c.id}`;
  return { id: c.id, createdMs: Date.parse(c.createdAt), company: c.kind === 'company', currency: c.currency, slug };
}

/**
 * The clients' services (domains, hosting, e-mail, VPS, SSL, outsourcing…) as they stand on the data set's last day,
 * planned together with every proforma and payment that made them so: the billing stage writes that plan.
 */
export const servicesStage: Stage = {
  name: 'services',
  run({ db, rng, size, end, state }) {
    const calendar = new Calendar(end);
    const catalogue = new Catalogue(db);
    const clients = db
      .prepare<[], ClientFacts>(
        `SELECT c.id, c.kind, c.first_name AS firstName, c.last_name AS lastName, c.company_name AS companyName,
           c.currency, c.created_at AS createdAt,
           (SELECT email FROM client_emails e WHERE e.client_id = c.id AND e.position = 0) AS email
         FROM clients c ORDER BY c.created_at, c.id`,
      )
      .all()
      .map(plannedClient);
    const { services, accounts } = planServices(clients, size.services, rng.fork(), calendar, catalogue);
    const kinds = new Map(catalogue.products.map((p) => [p.id, p.kind]));
    const kindOf = (productId: number): ProductKind => kinds.get(productId) ?? 'hosting';
    const billing = planBilling({ calendar, catalogue, size, rng: rng.fork(), services, accounts, clients, kindOf });
    state.plan = { calendar, catalogue, services, accounts, ...billing };

    const insert = db.prepare(
      `INSERT INTO services (id, client_id, product_id, label, billing_cycle, currency, anchor_date, paid_months, due_date,
         status, suspension_reason, termination_requested, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)`,
    );
    for (const s of services) {
      insert.run(
        s.id,
        s.clientId,
        s.productId,
        s.label,
        s.billingCycle,
        s.currency,
        calendar.date(s.anchorDay),
        s.paidMonths,
        calendar.date(calendar.addMonths(s.anchorDay, s.paidMonths)),
        s.status,
        s.suspensionReason,
        s.terminationRequested ? 1 : 0,
        iso(s.createdMs),
        iso(s.updatedMs),
      );
    }
    return { services: services.length };
  },
};
