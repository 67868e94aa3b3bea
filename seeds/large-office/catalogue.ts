import type BetterSqlite3 from 'better-sqlite3';
import { productInputSchema, type PriceType } from '../../shared/api/catalog';
import type { Currency } from '../../shared/money';
import type { ProductRow } from '../../electron/db/entities';
import { seedCatalogue } from '../catalogue';
import type { Stage } from './stage';

const TEN_YEARS_MS = 10 * 365.25 * 24 * 3600 * 1000;

/**
 * The starting catalogue (seeds/catalogue.ts, as the app loads it on first run), priced from the first day of the ten
 * years so that every generated document finds its price in force.
 */
export const catalogueStage: Stage = {
  name: 'catalogue',
  run({ db, end }) {
    const at = new Date(end.getTime() - TEN_YEARS_MS).toISOString();
    const insertProduct = db.prepare(
      `INSERT INTO products (code, kind, name, description, tld, vat_rate, estimated_hours, included_hours, active,
         created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertPrice = db.prepare(
      `INSERT INTO product_prices (product_id, price_type, months, currency, amount, effective_from, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL)`,
    );
    const rows = { products: 0, product_prices: 0 };
    for (const { product, prices } of seedCatalogue) {
      const p = productInputSchema.parse(product);
      const { lastInsertRowid } = insertProduct.run(
        p.code,
        p.kind,
        p.name,
        p.description,
        p.tld,
        p.vatRate,
        p.estimatedHours,
        p.includedHours,
        p.active ? 1 : 0,
        at,
        at,
      );
      rows.products++;
      for (const price of prices) {
        insertPrice.run(lastInsertRowid, price.priceType, price.months, price.currency, price.amount, at, at);
        rows.product_prices++;
      }
    }
    return rows;
  },
};

/** The catalogue as the generator prices from it: each product with its one price per (type, months, currency). */
export class Catalogue {
  readonly products: ProductRow[];
  private readonly prices = new Map<string, number>();

  constructor(db: BetterSqlite3.Database) {
    interface Raw extends Omit<ProductRow, 'active'> {
      active: number;
    }
    this.products = db
      .prepare<[], Raw>(
        `SELECT id, code, kind, name, description, tld, vat_rate AS vatRate, estimated_hours AS estimatedHours,
           included_hours AS includedHours, active, created_at AS createdAt, updated_at AS updatedAt FROM products ORDER BY id`,
      )
      .all()
      .map((r) => ({ ...r, active: r.active === 1 }));
    const rows = db
      .prepare<[], { productId: number; priceType: string; months: number; currency: string; amount: number }>(
        'SELECT product_id AS productId, price_type AS priceType, months, currency, amount FROM product_prices ORDER BY id',
      )
      .all();
    for (const r of rows) this.prices.set(`${r.productId}:${r.priceType}:${r.months}:${r.currency}`, r.amount);
  }

  byCode(code: string): ProductRow {
    const product = this.products.find((p) => p.code === code);
    if (!product) throw new Error(`The catalogue has no product ${code}`);
    return product;
  }

  /** The price HT in force, or null when the catalogue has none for that combination. */
  price(productId: number, type: PriceType, months: number, currency: Currency): number | null {
    return this.prices.get(`${productId}:${type}:${months}:${currency}`) ?? null;
  }
}
