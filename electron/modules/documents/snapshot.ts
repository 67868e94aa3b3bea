import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { clientDisplayName } from '../../../shared/client';
import { companySettingsSchema, type CompanySettings } from '../../../shared/company';
import type { WriteTx } from '../../db/database';
import {
  ClientEmailEntity,
  ClientEntity,
  ClientPhoneEntity,
  DocumentAssetEntity,
  SettingEntity,
  type DocumentRow,
} from '../../db/entities';
import { AppError, notFound } from '../../errors';
import { findRow, insertRow, statement } from '../../db/rows';
import type { BuyerBlock, SellerBlock } from '../../pdf/commercial-document';
import { COMPANY } from '../settings/handlers';

let parsed: { raw: string; company: CompanySettings } | null = null;

/** The company settings, parsed again only when they changed (every document reads them, some twice). */
export function companySettings(em: EntityManager): Promise<CompanySettings> {
  const row = findRow(em, SettingEntity, { key: COMPANY });
  if (row && parsed?.raw !== row.value) {
    parsed = { raw: row.value, company: companySettingsSchema.parse(JSON.parse(row.value)) };
  }
  const company = row ? parsed?.company : null;
  if (!company) {
    throw new AppError(
      'CONFLICT',
      'Renseignez d’abord la société (Paramètres › Société) : ses mentions légales figurent sur chaque document.',
    );
  }
  return Promise.resolve(company);
}

function decodeLogo(dataUrl: string): { mime: string; data: Buffer } {
  const [head = '', body = ''] = dataUrl.split(',', 2);
  return { mime: head.replace(/^data:|;base64$/g, ''), data: Buffer.from(body, 'base64') };
}

function sellerFields(c: CompanySettings, logoSha256: string | null): SellerBlock {
  return {
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
    logoSha256,
  };
}

/** The company as it is now, its logo stored once by content hash so that the document can always be re-rendered. */
export async function freezeSeller(tx: WriteTx): Promise<SellerBlock> {
  const company = await companySettings(tx.em);
  if (!company.logo) return sellerFields(company, null);
  const logo = decodeLogo(company.logo);
  const sha256 = createHash('sha256').update(logo.data).digest('hex');
  if (!statement(tx.em, 'SELECT 1 FROM "document_assets" WHERE "sha256" = ?').get(sha256)) {
    insertRow(tx.em, DocumentAssetEntity, { sha256, mime: logo.mime, data: logo.data });
  }
  return sellerFields(company, sha256);
}

/** A draft is printed with the company as it is now. */
export async function liveSeller(
  em: EntityManager,
): Promise<{ seller: SellerBlock; logo: ReturnType<typeof decodeLogo> | null }> {
  const company = await companySettings(em);
  return { seller: sellerFields(company, null), logo: company.logo ? decodeLogo(company.logo) : null };
}

export async function logoOf(em: EntityManager, seller: SellerBlock): Promise<{ mime: string; data: Buffer } | null> {
  if (!seller.logoSha256) return null;
  const asset = await em.findOneBy(DocumentAssetEntity, { sha256: seller.logoSha256 });
  return asset ? { mime: asset.mime, data: Buffer.from(asset.data) } : null;
}

/** The client block: name, address, and for a company its ICE and IF (CGI art. 145). */
export function buyerOf(em: EntityManager, clientId: number): Promise<BuyerBlock> {
  const client = findRow(em, ClientEntity, { id: clientId });
  if (!client) throw notFound('Client');
  const phone = findRow(em, ClientPhoneEntity, { clientId }, '"position"');
  const email = findRow(em, ClientEmailEntity, { clientId }, '"position"');
  return Promise.resolve({
    code: client.code,
    name: clientDisplayName(client),
    kind: client.kind,
    contactPerson: client.contactPerson,
    address: client.address,
    city: client.city,
    country: client.country,
    ice: client.ice,
    ifNumber: client.ifNumber,
    rcNumber: client.rcNumber,
    email: email?.email ?? '',
    phone: phone?.display ?? '',
  });
}

export function frozenSeller(row: DocumentRow): SellerBlock | null {
  return row.seller ? (JSON.parse(row.seller) as SellerBlock) : null;
}

export function frozenBuyer(row: DocumentRow): BuyerBlock | null {
  return row.buyer ? (JSON.parse(row.buyer) as BuyerBlock) : null;
}
