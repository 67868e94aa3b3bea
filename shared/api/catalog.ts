import { z } from 'zod';
import { PRODUCT_KINDS, type ProductKind } from '../catalog';
import { CURRENCIES, type Currency } from '../money';
import { optionalText, requiredText } from '../validation';
import { method } from './contract';

/**
 * Kinds of price: a recurring period ("period": 1, 3, 6 or 12 months), a domain's registration, renewal or transfer
 * (per year), its late-renewal fee, a one-off price, or an hourly rate (outsourcing missions).
 */
export const PRICE_TYPES = ['period', 'register', 'renew', 'transfer', 'late_fee', 'once', 'hour'] as const;
export type PriceType = (typeof PRICE_TYPES)[number];

export interface PriceDto {
  priceType: PriceType;
  months: number;
  currency: Currency;
  amount: number;
  effectiveFrom: string;
}

export interface ProductDto {
  id: number;
  code: string;
  kind: ProductKind;
  name: string;
  description: string;
  tld: string;
  vatRate: number;
  estimatedHours: number;
  /** Monthly outsourcing: hours of administration a month included in the price. */
  includedHours: number;
  active: boolean;
  /** The prices in force now, one per (type, months, currency). */
  prices: PriceDto[];
}

const id = z.number().int().positive();

export const productInputSchema = z
  .object({
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9.\-_]{2,30}$/, 'Code de 2 à 30 caractères : lettres, chiffres, . - _'),
    kind: z.enum(PRODUCT_KINDS, { message: 'Type de produit inconnu.' }),
    name: requiredText(120),
    description: optionalText(1000),
    tld: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^(\.[a-z0-9-]{2,20}){1,2}$|^$/, 'Extension attendue, ex. .ma ou .co.ma')
      .default(''),
    vatRate: z.number().int().min(0).max(10000).default(2000),
    estimatedHours: z.number().int().min(0).max(1000).default(0),
    /** Absent: 2 h for a monthly outsourcing contract (terms §2.3.2), none for anything else. */
    includedHours: z.number().int('Nombre d’heures entier attendu.').min(0).max(744).optional(),
    active: z.boolean().default(true),
  })
  .strict()
  .transform((p) => ({ ...p, includedHours: p.includedHours ?? (p.kind === 'outsourcing_monthly' ? 2 : 0) }))
  .superRefine((p, ctx) => {
    if (p.kind === 'domain' && !p.tld)
      ctx.addIssue({ code: 'custom', path: ['tld'], message: "L'extension est obligatoire pour un nom de domaine." });
    if (p.kind !== 'domain' && p.tld)
      ctx.addIssue({ code: 'custom', path: ['tld'], message: 'Seuls les noms de domaine ont une extension.' });
    if (p.kind !== 'outsourcing_monthly' && p.includedHours > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['includedHours'],
        message: 'Seul un contrat d’infogérance mensuel inclut des heures.',
      });
  });
export type ProductInput = z.input<typeof productInputSchema>;

export const priceInputSchema = z
  .object({
    productId: id,
    priceType: z.enum(PRICE_TYPES),
    months: z.number().int().min(0).max(120),
    currency: z.enum(CURRENCIES),
    amount: z.number().int('Montant en centimes entier attendu.').min(0).max(1e12),
  })
  .strict();

export const catalogApi = {
  'catalog.list': method<ProductDto[]>()({
    input: z.object({ includeInactive: z.boolean().default(false) }).strict(),
    access: 'cashier',
    mutates: false,
  }),
  'catalog.create': method<ProductDto>()({ input: productInputSchema, access: 'manager', mutates: true }),
  'catalog.update': method<ProductDto>()({
    input: z.object({ id, product: productInputSchema }).strict(),
    access: 'manager',
    mutates: true,
  }),
  /** A new price from now on; the old one stays in the history (issued documents keep theirs). */
  'catalog.setPrice': method<ProductDto>()({ input: priceInputSchema, access: 'manager', mutates: true }),
  'catalog.priceHistory': method<PriceDto[]>()({
    input: z.object({ productId: id }).strict(),
    access: 'manager',
    mutates: false,
  }),
};
