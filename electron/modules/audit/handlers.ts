import type { AuditEntryDto } from '../../../shared/api';
import { startOfBusinessDayUtc, startOfNextBusinessDayUtc } from '../../../shared/dates';
import type { Registry } from '../../api/registry';
import type { Clock } from '../../clock';
import { nativeHandle } from '../../db/data-source';
import type { Database } from '../../db/database';
import { AuditEntity, type AuditRow } from '../../db/entities';
import { verifyAuditChain } from './chain';

function toDto(row: AuditRow): AuditEntryDto {
  return {
    id: row.id,
    at: row.at,
    userId: row.userId,
    username: row.username,
    desk: row.desk,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    summary: JSON.parse(row.summary) as Record<string, unknown>,
  };
}

export function registerAuditHandlers(registry: Registry, { db, clock }: { db: Database; clock: Clock }): void {
  registry.register('audit.verifyChain', async () => ({
    ...(await verifyAuditChain(nativeHandle(db.dataSource))),
    checkedAt: clock.now().toISOString(),
  }));

  registry.register('audit.list', async (input) => {
    const query = db.reader.createQueryBuilder(AuditEntity, 'a');
    if (input.userId !== undefined) query.andWhere('a.userId = :userId', { userId: input.userId });
    if (input.action) query.andWhere('a.action LIKE :action', { action: `${input.action.replace(/[%_]/g, '')}%` });
    if (input.from) query.andWhere('a.at >= :from', { from: startOfBusinessDayUtc(input.from) });
    if (input.to) query.andWhere('a.at < :to', { to: startOfNextBusinessDayUtc(input.to) });
    const [rows, total] = await query
      .orderBy('a.id', 'DESC')
      .skip((input.page - 1) * input.pageSize)
      .take(input.pageSize)
      .getManyAndCount();
    return { rows: rows.map(toDto), total };
  });
}
