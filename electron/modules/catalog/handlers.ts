import { productInputSchema, type ProductInput } from '../../../shared/api/catalog';
import type { Registry } from '../../api/registry';
import type { Clock } from '../../clock';
import type { Database, WriteTx } from '../../db/database';
import { diff } from '../../db/database';
import { ProductEntity, ProductPriceEntity, type ProductRow } from '../../db/entities';
import { AppError, notFound } from '../../errors';
import { seedCatalogue } from '../../../seeds/catalogue';
import { productDtos, toPriceDto } from './prices';

async function productDto(db: Database, id: number, at: string) {
  const row = await db.reader.findOneBy(ProductEntity, { id });
  if (!row) throw notFound('Produit');
  const [dto] = await productDtos(db.reader, [row], at);
  if (!dto) throw notFound('Produit');
  return dto;
}

async function insertProduct(tx: WriteTx, input: ReturnType<typeof productInputSchema.parse>): Promise<ProductRow> {
  if (await tx.em.existsBy(ProductEntity, { code: input.code })) {
    throw new AppError('CONFLICT', 'Ce code produit existe déjà.', { code: 'Code déjà utilisé.' });
  }
  const at = tx.now.toISOString();
  return tx.em.save(ProductEntity, { ...input, createdAt: at, updatedAt: at });
}

/** Loads the starting catalogue into an empty products table (first run). */
export async function seedCatalogueIfEmpty(db: Database): Promise<void> {
  if ((await db.reader.count(ProductEntity)) > 0) return;
  await db.write({ userId: null, username: null }, 'catalog.seed', async (tx) => {
    for (const { product, prices } of seedCatalogue) {
      const row = await insertProduct(tx, productInputSchema.parse(product satisfies ProductInput));
      for (const price of prices) {
        await tx.em.insert(ProductPriceEntity, {
          ...price,
          productId: row.id,
          effectiveFrom: tx.now.toISOString(),
          createdAt: tx.now.toISOString(),
          createdBy: null,
        });
      }
    }
    await tx.audit({ action: 'catalog.seed', entity: 'catalog', summary: { products: seedCatalogue.length } });
  });
}

export function registerCatalogHandlers(registry: Registry, { db, clock }: { db: Database; clock: Clock }): void {
  const now = () => clock.now().toISOString();

  registry.register('catalog.list', async (input) => {
    const rows = await db.reader.find(ProductEntity, {
      where: input.includeInactive ? {} : { active: true },
      order: { kind: 'ASC', name: 'ASC' },
    });
    return productDtos(db.reader, rows, now());
  });

  registry.register('catalog.create', async (input, ctx) => {
    const row = await db.write(ctx.actor, 'catalog.create', async (tx) => {
      const saved = await insertProduct(tx, input);
      await tx.audit({ action: 'catalog.create', entity: 'product', entityId: saved.id, summary: { ...input } });
      return saved;
    });
    return productDto(db, row.id, now());
  });

  registry.register('catalog.update', async (input, ctx) => {
    await db.write(ctx.actor, 'catalog.update', async (tx) => {
      const before = await tx.em.findOneBy(ProductEntity, { id: input.id });
      if (!before) throw notFound('Produit');
      if (before.kind !== input.product.kind)
        throw new AppError('CONFLICT', "Le type d'un produit ne change pas : créez-en un autre.", {
          kind: 'Type non modifiable.',
        });
      if (before.code !== input.product.code && (await tx.em.existsBy(ProductEntity, { code: input.product.code }))) {
        throw new AppError('CONFLICT', 'Ce code produit existe déjà.', { code: 'Code déjà utilisé.' });
      }
      await tx.em.update(ProductEntity, { id: input.id }, { ...input.product, updatedAt: tx.now.toISOString() });
      const { id: _id, createdAt: _c, updatedAt: _u, ...old } = before;
      await tx.audit({
        action: 'catalog.update',
        entity: 'product',
        entityId: input.id,
        summary: diff(old, { ...old, ...input.product }),
      });
    });
    return productDto(db, input.id, now());
  });

  registry.register('catalog.setPrice', async (input, ctx) => {
    await db.write(ctx.actor, 'catalog.setPrice', async (tx) => {
      if (!(await tx.em.existsBy(ProductEntity, { id: input.productId }))) throw notFound('Produit');
      const at = tx.now.toISOString();
      await tx.em.insert(ProductPriceEntity, {
        ...input,
        effectiveFrom: at,
        createdAt: at,
        createdBy: ctx.actor.userId,
      });
      await tx.audit({
        action: 'catalog.setPrice',
        entity: 'product',
        entityId: input.productId,
        summary: { ...input },
      });
    });
    return productDto(db, input.productId, now());
  });

  registry.register('catalog.priceHistory', async (input) => {
    const rows = await db.reader.find(ProductPriceEntity, {
      where: { productId: input.productId },
      order: { effectiveFrom: 'DESC', id: 'DESC' },
    });
    return rows.map(toPriceDto);
  });
}
