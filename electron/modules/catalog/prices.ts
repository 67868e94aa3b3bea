import type { EntityManager } from 'typeorm';
import type { PriceDto, PriceType, ProductDto } from '../../../shared/api/catalog';
import type { Currency } from '../../../shared/money';
import { ProductPriceEntity, type ProductPriceRow, type ProductRow } from '../../db/entities';

const key = (p: Pick<ProductPriceRow, 'priceType' | 'months' | 'currency'>) =>
  `${p.priceType}:${p.months}:${p.currency}`;

function toPriceDto(p: ProductPriceRow): PriceDto {
  return {
    priceType: p.priceType,
    months: p.months,
    currency: p.currency,
    amount: p.amount,
    effectiveFrom: p.effectiveFrom,
  };
}

/** The prices in force at an instant: for each (type, months, currency), the latest row that had started. */
export function pricesInForce(rows: ProductPriceRow[], at: string): PriceDto[] {
  const latest = new Map<string, ProductPriceRow>();
  for (const row of rows) {
    if (row.effectiveFrom > at) continue;
    const current = latest.get(key(row));
    if (
      !current ||
      row.effectiveFrom > current.effectiveFrom ||
      (row.effectiveFrom === current.effectiveFrom && row.id > current.id)
    ) {
      latest.set(key(row), row);
    }
  }
  return [...latest.values()]
    .map(toPriceDto)
    .sort(
      (a, b) => a.priceType.localeCompare(b.priceType) || a.months - b.months || a.currency.localeCompare(b.currency),
    );
}

export async function productDtos(em: EntityManager, products: ProductRow[], at: string): Promise<ProductDto[]> {
  const prices = await em.find(ProductPriceEntity, { order: { id: 'ASC' } });
  const byProduct = new Map<number, ProductPriceRow[]>();
  for (const p of prices) {
    const list = byProduct.get(p.productId);
    if (list) list.push(p);
    else byProduct.set(p.productId, [p]);
  }
  return products.map((p) => ({ ...p, active: p.active, prices: pricesInForce(byProduct.get(p.id) ?? [], at) }));
}

/** One price in force, or null when the catalogue has none for that combination. */
export async function priceInForce(
  em: EntityManager,
  productId: number,
  priceType: PriceType,
  months: number,
  currency: Currency,
  at: string,
): Promise<number | null> {
  const rows = await em.findBy(ProductPriceEntity, { productId, priceType, months, currency });
  return pricesInForce(rows, at)[0]?.amount ?? null;
}

export { toPriceDto };
