import type { PriceType, ProductInput } from '../shared/api/catalog';
import type { Currency } from '../shared/money';

export interface SeedPrice {
  priceType: PriceType;
  months: number;
  currency: Currency;
  /** Centimes, excluding tax. */
  amount: number;
}

export interface SeedProduct {
  product: ProductInput;
  prices: SeedPrice[];
}

const DH = 100;
/** Recurring prices in dirhams for 1, 3, 6 and 12 months, with euro and dollar prices for the yearly period. */
function periods(
  monthly: number,
  quarterly: number,
  semiannual: number,
  annual: number,
  eur: number,
  usd: number,
): SeedPrice[] {
  return [
    { priceType: 'period', months: 1, currency: 'MAD', amount: monthly * DH },
    { priceType: 'period', months: 3, currency: 'MAD', amount: quarterly * DH },
    { priceType: 'period', months: 6, currency: 'MAD', amount: semiannual * DH },
    { priceType: 'period', months: 12, currency: 'MAD', amount: annual * DH },
    { priceType: 'period', months: 12, currency: 'EUR', amount: eur * 100 },
    { priceType: 'period', months: 12, currency: 'USD', amount: usd * 100 },
  ];
}

/** A TLD's yearly prices (registration, renewal, transfer) and late-renewal fee, in dirhams and euros. */
function domainPrices(
  register: number,
  renew: number,
  transfer: number,
  lateFee: number,
  eurRenew: number,
): SeedPrice[] {
  return [
    { priceType: 'register', months: 12, currency: 'MAD', amount: register * DH },
    { priceType: 'renew', months: 12, currency: 'MAD', amount: renew * DH },
    { priceType: 'transfer', months: 12, currency: 'MAD', amount: transfer * DH },
    { priceType: 'late_fee', months: 0, currency: 'MAD', amount: lateFee * DH },
    { priceType: 'renew', months: 12, currency: 'EUR', amount: eurRenew * 100 },
    { priceType: 'register', months: 12, currency: 'EUR', amount: eurRenew * 100 },
    { priceType: 'late_fee', months: 0, currency: 'EUR', amount: Math.round(lateFee / 11) * 100 },
  ];
}

const domain = (tld: string, name: string, prices: SeedPrice[]): SeedProduct => ({
  product: { code: `DOM${tld.toUpperCase()}`, kind: 'domain', name, tld, vatRate: 2000 },
  prices,
});

/** The catalogue a Moroccan hosting company starts with (prices excluding tax), loaded on first run. */
export const seedCatalogue: SeedProduct[] = [
  {
    product: { code: 'HEB-STARTER', kind: 'hosting', name: 'Hébergement Starter (5 Go, 10 e-mails)' },
    prices: periods(49, 140, 270, 490, 45, 49),
  },
  {
    product: { code: 'HEB-PRO', kind: 'hosting', name: 'Hébergement Pro (20 Go, e-mails illimités)' },
    prices: periods(99, 285, 550, 990, 92, 99),
  },
  {
    product: {
      code: 'HEB-BUSINESS',
      kind: 'hosting',
      name: 'Hébergement Business (50 Go, SSD, sauvegardes quotidiennes)',
    },
    prices: periods(199, 570, 1100, 1990, 185, 199),
  },
  domain('.ma', 'Nom de domaine .ma', domainPrices(250, 250, 250, 150, 24)),
  domain('.co.ma', 'Nom de domaine .co.ma', domainPrices(200, 200, 200, 150, 19)),
  domain('.com', 'Nom de domaine .com', domainPrices(140, 160, 160, 120, 15)),
  domain('.net', 'Nom de domaine .net', domainPrices(160, 180, 180, 120, 17)),
  domain('.org', 'Nom de domaine .org', domainPrices(160, 180, 180, 120, 17)),
  domain('.fr', 'Nom de domaine .fr', domainPrices(120, 130, 130, 100, 12)),
  {
    product: { code: 'SSL-DV', kind: 'ssl', name: 'Certificat SSL DV (un domaine)' },
    prices: periods(0, 0, 0, 390, 36, 39).filter((p) => p.months === 12),
  },
  {
    product: { code: 'SSL-WILDCARD', kind: 'ssl', name: 'Certificat SSL Wildcard' },
    prices: periods(0, 0, 0, 1900, 175, 190).filter((p) => p.months === 12),
  },
  {
    product: { code: 'MAIL-PRO', kind: 'email', name: 'Messagerie Pro (par boîte, 25 Go)' },
    prices: periods(25, 72, 140, 250, 23, 25),
  },
  {
    product: { code: 'VPS-S', kind: 'vps', name: 'VPS Cloud S (2 vCPU, 4 Go, 80 Go SSD)' },
    prices: periods(199, 570, 1100, 2150, 199, 215),
  },
  {
    product: { code: 'VPS-M', kind: 'vps', name: 'VPS Cloud M (4 vCPU, 8 Go, 160 Go SSD)' },
    prices: periods(349, 1000, 1950, 3790, 350, 379),
  },
  {
    product: { code: 'DEDIE-E3', kind: 'dedicated', name: 'Serveur dédié E3 (32 Go, 2 × 1 To)' },
    prices: periods(1200, 3500, 6800, 13200, 1220, 1320),
  },
  {
    product: {
      code: 'INFOG-MISSION',
      kind: 'outsourcing_mission',
      name: 'Infogérance ponctuelle (mission, au temps passé)',
      estimatedHours: 2,
    },
    prices: [
      { priceType: 'hour', months: 0, currency: 'MAD', amount: 400 * DH },
      { priceType: 'hour', months: 0, currency: 'EUR', amount: 37 * 100 },
    ],
  },
  {
    product: {
      code: 'INFOG-MENSUEL',
      kind: 'outsourcing_monthly',
      name: 'Infogérance mensuelle (surveillance, sauvegardes, pare-feu, administration)',
      includedHours: 2,
    },
    prices: [
      ...periods(1500, 4350, 8500, 16500, 1530, 1650),
      // Hours beyond those included, billed at the missions' hourly price.
      { priceType: 'hour', months: 0, currency: 'MAD', amount: 400 * DH },
      { priceType: 'hour', months: 0, currency: 'EUR', amount: 37 * 100 },
    ],
  },
  {
    product: { code: 'SITE-VITRINE', kind: 'website', name: 'Création de site vitrine (5 pages)' },
    prices: [{ priceType: 'once', months: 0, currency: 'MAD', amount: 4900 * DH }],
  },
  {
    product: {
      code: 'RESTAURATION',
      kind: 'backup_restore',
      name: 'Restauration de sauvegarde (hébergement mutualisé)',
    },
    prices: [{ priceType: 'once', months: 0, currency: 'MAD', amount: 200 * DH }],
  },
];
