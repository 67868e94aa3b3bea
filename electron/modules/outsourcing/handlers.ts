import { In } from 'typeorm';
import type { OutsourcingSummaryDto } from '../../../shared/api/outsourcing';
import { businessDate } from '../../../shared/dates';
import type { Registry } from '../../api/registry';
import type { Clock } from '../../clock';
import type { Database } from '../../db/database';
import { ProductEntity, ServiceEntity, TimeEntryEntity } from '../../db/entities';
import { notFound } from '../../errors';
import { readSection, writeSection } from '../settings/store';
import { outsourcingSettingsSchema } from '../../../shared/api/outsourcing';
import { addEntry, entryDto, outsourcingService, updateEntry } from './entries';
import { billedHours, estimateLines, monthOf, monthStatements, OUTSOURCING_KINDS, usedByMonth } from './hours';
import { missionEstimate, missionFinal } from './missions';
import { OUTSOURCING, outsourcingSettings } from './settings';

export function registerOutsourcingHandlers(registry: Registry, { db, clock }: { db: Database; clock: Clock }): void {
  const today = () => businessDate(clock.now());

  const entry = async (id: number) => {
    const row = await db.reader.findOneBy(TimeEntryEntity, { id });
    if (!row) throw notFound('Temps passé');
    const { product } = await outsourcingService(db.reader, row.serviceId);
    return entryDto(db.reader, product, row);
  };

  registry.register('outsourcing.entries', async (input) => {
    const { product } = await outsourcingService(db.reader, input.serviceId);
    const rows = await db.reader.find(TimeEntryEntity, {
      where: { serviceId: input.serviceId },
      order: { workDate: 'DESC', id: 'DESC' },
    });
    return rows.map((r) => entryDto(db.reader, product, r));
  });

  registry.register('outsourcing.addEntry', async (input, ctx) => {
    const { duration, serviceId, ...rest } = input;
    const id = await db.write(ctx.actor, 'outsourcing.addEntry', (tx) =>
      addEntry(tx, ctx.actor, serviceId, { ...rest, minutes: duration }),
    );
    return entry(id);
  });

  registry.register('outsourcing.updateEntry', async (input, ctx) => {
    const { duration, id, ...rest } = input;
    await db.write(ctx.actor, 'outsourcing.updateEntry', (tx) =>
      updateEntry(tx, ctx.actor, id, { ...rest, minutes: duration }),
    );
    return entry(id);
  });

  registry.register('outsourcing.statements', async (input) => {
    const { service, product } = await outsourcingService(db.reader, input.serviceId);
    return monthStatements(db.reader, service.id, product.includedHours, today());
  });

  registry.register('outsourcing.forClient', async (input) => {
    const services = await db.reader.find(ServiceEntity, {
      where: { clientId: input.clientId },
      order: { id: 'ASC' },
    });
    const products = await db.reader.findBy(ProductEntity, {
      id: In([...new Set(services.map((s) => s.productId))]),
      kind: In([...OUTSOURCING_KINDS]),
    });
    const byId = new Map(products.map((p) => [p.id, p]));
    const month = monthOf(today());
    const summaries: OutsourcingSummaryDto[] = [];
    for (const service of services) {
      const product = byId.get(service.productId);
      if (!product) continue;
      const used = usedByMonth(db.reader, service.id);
      if (product.kind === 'outsourcing_monthly') {
        summaries.push({
          serviceId: service.id,
          kind: product.kind,
          used: used.find((u) => u.month === month)?.used ?? 0,
          included: product.includedHours * 60,
          finalProforma: null,
        });
        continue;
      }
      const estimated = estimateLines(db.reader, service.id).reduce((sum, l) => sum + l.quantity, 0);
      const final = billedHours(db.reader, service.id)[0];
      summaries.push({
        serviceId: service.id,
        kind: 'outsourcing_mission',
        used: used.reduce((sum, u) => sum + u.used, 0),
        included: estimated > 0 ? Math.round((estimated * 60) / 1000) : product.estimatedHours * 60,
        finalProforma: final ? { id: final.documentId, number: final.number } : null,
      });
    }
    return summaries;
  });

  registry.register('outsourcing.missionEstimate', async (input, ctx) => ({
    documentId: await db.write(ctx.actor, 'outsourcing.missionEstimate', (tx) =>
      missionEstimate(tx, ctx.actor, input.serviceId, input.estimate),
    ),
  }));

  registry.register('outsourcing.missionFinal', async (input, ctx) => ({
    documentId: await db.write(ctx.actor, 'outsourcing.missionFinal', (tx) =>
      missionFinal(tx, ctx.actor, input.serviceId),
    ),
  }));

  registry.register('outsourcing.getSettings', () => outsourcingSettings(db.reader));

  registry.register('outsourcing.saveSettings', async (input, ctx) => {
    await db.write(ctx.actor, 'outsourcing.saveSettings', async (tx) => {
      const before = await readSection(tx.em, OUTSOURCING, outsourcingSettingsSchema);
      await writeSection(tx, OUTSOURCING, input, before, ctx.actor.userId);
    });
    return outsourcingSettings(db.reader);
  });
}
