import { EntitySchema } from 'typeorm';
import type { ProductKind } from '../../../shared/catalog';
import type { Currency } from '../../../shared/money';
import type { PriceType } from '../../../shared/api/catalog';

export interface ProductRow {
  id: number;
  code: string;
  kind: ProductKind;
  name: string;
  description: string;
  /** Domains: the extension sold, e.g. ".ma". */
  tld: string;
  /** Basis points: 2000 = 20 %. */
  vatRate: number;
  /** One-off outsourcing: the usual estimated duration, in hours. */
  estimatedHours: number;
  /** Monthly outsourcing: hours of administration a month included in the price (migration 0014). */
  includedHours: number;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export const ProductEntity = new EntitySchema<ProductRow>({
  name: 'Product',
  tableName: 'products',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    code: { type: 'varchar', length: 30 },
    kind: { type: 'varchar', length: 24 },
    name: { type: 'varchar', length: 120 },
    description: { type: 'text', default: '' },
    tld: { type: 'varchar', length: 20, default: '' },
    vatRate: { name: 'vat_rate', type: 'integer' },
    estimatedHours: { name: 'estimated_hours', type: 'integer', default: 0 },
    includedHours: { name: 'included_hours', type: 'integer', default: 0 },
    active: { type: 'boolean', default: true },
    createdAt: { name: 'created_at', type: 'varchar', length: 30 },
    updatedAt: { name: 'updated_at', type: 'varchar', length: 30 },
  },
  uniques: [{ name: 'uq_products_code', columns: ['code'] }],
});

/** Append-only: a price change is a new row from its date; documents keep the price they were issued with. */
export interface ProductPriceRow {
  id: number;
  productId: number;
  priceType: PriceType;
  /** Months the price buys (1, 3, 6, 12; 12 for a domain year); 0 for a one-off price. */
  months: number;
  currency: Currency;
  /** Centimes, excluding tax. */
  amount: number;
  effectiveFrom: string;
  createdAt: string;
  createdBy: number | null;
}

export const ProductPriceEntity = new EntitySchema<ProductPriceRow>({
  name: 'ProductPrice',
  tableName: 'product_prices',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    productId: { name: 'product_id', type: 'integer' },
    priceType: { name: 'price_type', type: 'varchar', length: 12 },
    months: { type: 'integer' },
    currency: { type: 'varchar', length: 3 },
    amount: { type: 'integer' },
    effectiveFrom: { name: 'effective_from', type: 'varchar', length: 30 },
    createdAt: { name: 'created_at', type: 'varchar', length: 30 },
    createdBy: { name: 'created_by', type: 'integer', nullable: true },
  },
  foreignKeys: [
    { name: 'fk_product_prices_product', columnNames: ['productId'], target: 'Product', referencedColumnNames: ['id'] },
  ],
  indices: [
    { name: 'idx_product_prices_lookup', columns: ['productId', 'priceType', 'months', 'currency', 'effectiveFrom'] },
  ],
});
