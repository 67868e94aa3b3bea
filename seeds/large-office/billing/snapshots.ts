import type BetterSqlite3 from 'better-sqlite3';
import { clientDisplayName, type ClientKind } from '../../../shared/client';
import { companySettingsSchema, type CompanySettings } from '../../../shared/company';
import type { BuyerBlock, SellerBlock } from '../../../electron/pdf/commercial-document';
import { COMPANY } from '../../../electron/modules/settings/handlers';

/** The company as saved by the company stage, read back through its schema (prefixes and all). */
export function readCompany(db: BetterSqlite3.Database): CompanySettings {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(COMPANY);
  if (!row) throw new Error('The large office has no company: the company stage must run first.');
  return companySettingsSchema.parse(JSON.parse(row.value));
}

/** The seller block frozen on every document (the same fields, in the same order, as the app's freezeSeller). */
export function sellerJson(c: CompanySettings): string {
  const seller: SellerBlock = {
    name: c.name,
    legalForm: c.legalForm,
    address: c.address,
    city: c.city,
    phone: c.phone,
    email: c.email,
    website: c.website,
    ice: c.ice,
    ifNumber: c.ifNumber,
    rcNumber: c.rcNumber,
    rcCourt: c.rcCourt,
    patente: c.patente,
    cnss: c.cnss,
    capital: c.capital,
    rib: c.rib,
    bank: c.bank,
    ccpAccount: c.ccpAccount,
    wafacashBeneficiary: c.wafacashBeneficiary,
    logoSha256: null,
  };
  return JSON.stringify(seller);
}

interface BuyerFacts {
  code: string;
  kind: ClientKind;
  firstName: string;
  lastName: string;
  companyName: string;
  legalForm: string;
  contactPerson: string;
  address: string;
  city: string;
  country: string;
  ice: string;
  ifNumber: string;
  rcNumber: string;
  email: string | null;
  phone: string | null;
}

export interface Buyer {
  json: string;
  name: string;
  city: string;
  company: boolean;
}

/** The client blocks frozen on documents, as the app's buyerOf builds them, read once per client. */
export class Buyers {
  private readonly cache = new Map<number, Buyer>();
  private readonly statement: BetterSqlite3.Statement<[number], BuyerFacts>;

  constructor(db: BetterSqlite3.Database) {
    this.statement = db.prepare(
      `SELECT code, kind, first_name AS firstName, last_name AS lastName, company_name AS companyName,
         legal_form AS legalForm, contact_person AS contactPerson, address, city, country, ice, if_number AS ifNumber,
         rc_number AS rcNumber,
         (SELECT email FROM client_emails e WHERE e.client_id = c.id ORDER BY position LIMIT 1) AS email,
         (SELECT display FROM client_phones p WHERE p.client_id = c.id ORDER BY position LIMIT 1) AS phone
       FROM clients c WHERE id = ?`,
    );
  }

  of(clientId: number): Buyer {
    let buyer = this.cache.get(clientId);
    if (buyer) return buyer;
    const c = this.statement.get(clientId);
    if (!c) throw new Error(`No client ${clientId}`);
    const block: BuyerBlock = {
      code: c.code,
      name: clientDisplayName(c),
      kind: c.kind,
      contactPerson: c.contactPerson,
      address: c.address,
      city: c.city,
      country: c.country,
      ice: c.ice,
      ifNumber: c.ifNumber,
      rcNumber: c.rcNumber,
      email: c.email ?? '',
      phone: c.phone ?? '',
    };
    buyer = { json: JSON.stringify(block), name: block.name, city: c.city, company: c.kind === 'company' };
    this.cache.set(clientId, buyer);
    return buyer;
  }
}
