import type { Registry } from '../../api/registry';
import type { Clock } from '../../clock';
import type { Database } from '../../db/database';
import { paymentData } from './build';
import { documentLines, paymentLines } from './lines';
import { loadDocuments } from './load';
import { exportReport, screenReport } from './service';
import { withSnapshot } from './snapshot';

function pageOf<T>(rows: readonly T[], page: number, pageSize: number): T[] {
  return rows.slice((page - 1) * pageSize, page * pageSize);
}

/** The monthly report (SPEC §8): on screen, the rows behind its figures, and its exports. Managers only. */
export function registerReportHandlers(registry: Registry, { db, clock }: { db: Database; clock: Clock }): void {
  registry.register('reports.monthly', (input) =>
    screenReport(db, clock, { period: { from: input.from, to: input.to }, rates: input.rates }),
  );

  registry.register('reports.payments', (input) => {
    const found = withSnapshot(db.dataSource, (snapshot) => {
      const period = { from: input.from, to: input.to };
      const { payments, values } = paymentData(snapshot, { period, rates: input.rates });
      const matching = payments
        .filter(
          (p) =>
            values.has(p.id) &&
            (input.method === undefined || p.method === input.method) &&
            (input.currency === undefined || p.currency === input.currency) &&
            (input.staff === undefined || p.staff === input.staff) &&
            (input.date === undefined || p.paidOn === input.date) &&
            (input.direction === undefined || p.direction === input.direction) &&
            (input.cashOnly !== true || p.method === 'cash'),
        )
        .sort((a, b) => (a.paidOn < b.paidOn ? -1 : a.paidOn > b.paidOn ? 1 : a.id - b.id));
      const rows = paymentLines(snapshot, pageOf(matching, input.page, input.pageSize), values);
      return { rows, total: matching.length };
    });
    return Promise.resolve(found);
  });

  registry.register('reports.documents', (input) => {
    const found = withSnapshot(db.dataSource, (snapshot) => {
      const matching = loadDocuments(snapshot, { from: input.from, to: input.to })
        .filter(
          (d) =>
            (input.type === undefined || d.type === input.type) &&
            (input.currency === undefined || d.currency === input.currency),
        )
        .sort((a, b) =>
          a.type !== b.type
            ? a.type === 'invoice'
              ? -1
              : 1
            : a.issueDate < b.issueDate
              ? -1
              : a.issueDate > b.issueDate
                ? 1
                : a.id - b.id,
        );
      return { rows: documentLines(snapshot, pageOf(matching, input.page, input.pageSize)), total: matching.length };
    });
    return Promise.resolve(found);
  });

  registry.register('reports.export', async (input, ctx) => {
    const file = await exportReport(
      db,
      clock,
      { period: { from: input.from, to: input.to }, rates: input.rates },
      input.format,
      ctx.actor,
      'app',
    );
    return { fileName: file.fileName, mime: file.mime, data: file.data.toString('base64') };
  });
}
