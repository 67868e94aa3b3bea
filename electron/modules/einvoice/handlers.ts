import { strToU8, zipSync } from 'fflate';
import type {
  EinvoiceHistoryDto,
  EinvoiceSettingsDto,
  EinvoiceState,
  EinvoiceStatusDto,
} from '../../../shared/api/einvoice';
import type { Registry } from '../../api/registry';
import type { Clock } from '../../clock';
import type { Database } from '../../db/database';
import { statement } from '../../db/rows';
import { findDocument } from '../documents/repository';
import { writeSection } from '../settings/store';
import { buildYearArchive } from './archive';
import { exportUbl } from './export';
import { einvoiceQueue } from './queue';
import { EINVOICE, einvoiceSettings } from './settings';

// Types, not interfaces: rows read by a statement are records.
type SubmissionRow = {
  state: Exclude<EinvoiceState, 'not_required'>;
  adapter: EinvoiceStatusDto['adapter'];
  reference: string;
  clearedAt: string | null;
  reason: string;
  attempts: number;
  lastError: string;
  nextAttemptAt: string;
};
type HistoryRow = { at: string; summary: string };

function historyOf(db: Database, documentId: number): EinvoiceHistoryDto[] {
  const rows = statement(
    db.reader,
    `SELECT "at", "summary" FROM "audit_log" WHERE "entity" = 'document' AND "entity_id" = ?
        AND "action" = 'einvoice.state' ORDER BY "id"`,
  ).all(String(documentId)) as HistoryRow[];
  return rows.map((r) => {
    const s = JSON.parse(r.summary) as { state: EinvoiceState; error?: string; reference?: string; reason?: string };
    return { at: r.at, state: s.state, detail: s.error ?? s.reason ?? s.reference ?? '' };
  });
}

function statusOf(db: Database, documentId: number): EinvoiceStatusDto {
  const row = statement(
    db.reader,
    `SELECT "state", "adapter", "reference", "cleared_at" AS clearedAt, "reason", "attempts",
            "last_error" AS lastError, "next_attempt_at" AS nextAttemptAt
       FROM "einvoice_submissions" WHERE "document_id" = ?`,
  ).get(documentId) as SubmissionRow | undefined;
  const history = historyOf(db, documentId);
  if (!row) {
    return {
      documentId,
      state: 'not_required',
      adapter: null,
      reference: '',
      clearedAt: null,
      reason: '',
      attempts: 0,
      lastError: '',
      nextAttemptAt: null,
      history,
    };
  }
  return {
    documentId,
    ...row,
    nextAttemptAt: row.state === 'pending' ? row.nextAttemptAt : null,
    history,
  };
}

export function registerEinvoiceHandlers(registry: Registry, { db, clock }: { db: Database; clock: Clock }): void {
  const queue = einvoiceQueue(db, clock);
  const settingsDto = (): EinvoiceSettingsDto => einvoiceSettings(db.reader);

  registry.register('einvoice.settings', () => Promise.resolve(settingsDto()));

  registry.register('einvoice.saveSettings', async (input, ctx) => {
    await db.write(ctx.actor, 'einvoice.saveSettings', async (tx) => {
      const before = einvoiceSettings(tx.em);
      // Documents issued from the moment an adapter is first chosen are submitted; earlier ones stay "not required".
      const since = before.since ?? (input.adapter !== 'none' ? tx.now.toISOString() : null);
      await writeSection(tx, EINVOICE, { ...input, since }, before, ctx.actor.userId);
    });
    if (input.adapter !== 'none') void queue.flush().catch(() => undefined);
    return settingsDto();
  });

  registry.register('einvoice.status', async (input) => {
    await findDocument(db.reader, input.id);
    return statusOf(db, input.id);
  });

  registry.register('einvoice.queue', () => Promise.resolve(queue.status()));

  registry.register('einvoice.flush', async (input, ctx) => {
    await db.write(ctx.actor, 'einvoice.flush', (tx) =>
      tx.audit({ action: 'einvoice.flush', entity: 'einvoice', entityId: null, summary: {} }),
    );
    await queue.flush();
    return queue.status();
  });

  registry.register('einvoice.export', async (input, ctx) => {
    const files = await exportUbl(db, ctx.actor, input, 'app');
    const zip = zipSync(Object.fromEntries(files.map((f) => [f.fileName, strToU8(f.xml)])));
    const name = 'ids' in input ? `ubl-${files.length}-documents` : `ubl-${input.from}_${input.to}`;
    return { fileName: `${name}.zip`, mime: 'application/zip', data: Buffer.from(zip).toString('base64') };
  });

  registry.register('einvoice.archive', async (input, ctx) => {
    const { zip } = await buildYearArchive(db, ctx.actor, input.year, clock.now(), 'app');
    return {
      fileName: `archive-${input.year}.zip`,
      mime: 'application/zip',
      data: Buffer.from(zip).toString('base64'),
    };
  });
}
