import type { FindOptionsWhere } from 'typeorm';
import type { Registry } from '../../api/registry';
import type { Clock } from '../../clock';
import type { Database } from '../../db/database';
import { BillingRunEntity, BillingRunItemEntity, type BillingRunItemRow } from '../../db/entities';
import { registerDashboardHandlers } from './dashboard';
import { itemDtos, runDto } from './repository';
import { automationServices } from './services';

export function registerAutomationHandlers(registry: Registry, { db, clock }: { db: Database; clock: Clock }): void {
  const { runner } = automationServices(db, clock);

  registry.register('automation.runs', async (input) => {
    const [rows, total] = await db.reader.findAndCount(BillingRunEntity, {
      order: { id: 'DESC' },
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
    });
    return { rows: rows.map(runDto), total };
  });

  registry.register('automation.items', async (input) => {
    const where: FindOptionsWhere<BillingRunItemRow> = {};
    if (input.runId) where.runId = input.runId;
    if (input.action) where.action = input.action;
    if (input.clientId) where.clientId = input.clientId;
    const [rows, total] = await db.reader.findAndCount(BillingRunItemEntity, {
      where,
      order: { id: 'DESC' },
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
    });
    return { rows: await itemDtos(db.reader, rows), total };
  });

  registry.register('automation.runNow', (_input, ctx) => runner.run('manual', ctx.actor));

  registerDashboardHandlers(registry, { db, clock });
}
