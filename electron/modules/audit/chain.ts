import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { preparedOn } from '../../db/rows';

/**
 * The tamper-evident audit log: each entry carries the hash of the entry before it and its own hash, computed over every
 * column. Editing, removing, inserting or renumbering an entry breaks the link at that entry, and the check names it.
 *
 * Why the summary enters through its own hash (summary_hash) rather than as text: Law 09-08 requires that an anonymised
 * client's personal values disappear from past summaries (clients/anonymize.ts). The redaction rewrites `summary` only;
 * `summary_hash` keeps the fingerprint of what was written, so the chain itself still verifies. The check then accepts
 * a summary that no longer matches its hash only when it is a redaction ({"_redacted": true, …}) recorded in the chain:
 * a later entry "clients.anonymize" of the same client. Any other change of a summary is reported as tampering.
 */

/** The "previous hash" of the very first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The actions that lawfully redact the earlier summaries of their entity (entity → action). */
const REDACTING_ACTIONS: Record<string, string> = { client: 'clients.anonymize' };

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export interface ChainedEntry {
  id: number;
  at: string;
  userId: number | null;
  username: string | null;
  /** The office desk (migration 0016); null or absent on a standalone PC. */
  desk?: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  summaryHash: string;
}

/**
 * One link: the previous hash and every column of the entry (the summary by its hash). The desk joins the hashed
 * columns only when there is one, so that every entry written before desks existed keeps its hash.
 */
export function entryHash(prevHash: string, e: ChainedEntry): string {
  const columns = [prevHash, e.id, e.at, e.userId, e.username, e.action, e.entity, e.entityId, e.summaryHash];
  return sha256Hex(JSON.stringify(e.desk == null ? columns : [...columns, e.desk]));
}

export type NewAuditEntry = Omit<ChainedEntry, 'id' | 'summaryHash'> & { summary: string };

const LAST_ENTRY = 'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1';
const INSERT_ENTRY = `INSERT INTO audit_log (id, at, user_id, username, desk, action, entity, entity_id, summary, summary_hash, prev_hash, hash)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * Appends one entry, chained to the last one, on the caller's connection and inside its open transaction: the writer
 * queue serialises writes, and a transaction that holds the write lock reads the true last entry. Returns its id.
 */
export function appendAuditEntry(handle: BetterSqlite3.Database, entry: NewAuditEntry): number {
  // Prepared once per connection (rows.ts): this runs inside every write (a payment's budget is 5 ms end to end).
  const last = preparedOn(handle, LAST_ENTRY).get() as { id: number; hash: string } | undefined;
  const prevHash = last?.hash ?? GENESIS_HASH;
  // Explicit ids: the id is part of the hash, so it must be known before the row exists.
  const id = (last?.id ?? 0) + 1;
  const summaryHash = sha256Hex(entry.summary);
  const hash = entryHash(prevHash, { ...entry, id, summaryHash });
  preparedOn(handle, INSERT_ENTRY).run(
    id,
    entry.at,
    entry.userId,
    entry.username,
    entry.desk,
    entry.action,
    entry.entity,
    entry.entityId,
    entry.summary,
    summaryHash,
    prevHash,
    hash,
  );
  return id;
}

export type BrokenReason = 'link' | 'hash' | 'summary' | 'truncated';

export interface ChainBreak {
  /** The first entry that does not verify (for "truncated": the id the log should reach). */
  id: number;
  reason: BrokenReason;
  /** French, for the screen and the command line. */
  message: string;
}

export interface ChainReport {
  /** Entries verified before the first break (all of them when the chain is whole). */
  checked: number;
  /** Entries whose personal values were lawfully redacted (accepted). */
  redacted: number;
  lastId: number | null;
  headHash: string | null;
  broken: ChainBreak | null;
}

interface StoredRow extends ChainedEntry {
  summary: string;
  prevHash: string;
  hash: string;
}

const BREAK_MESSAGES: Record<BrokenReason, (id: number) => string> = {
  link: (id) => `Entrée n° ${id} : le lien avec l'entrée précédente est rompu (entrée supprimée, insérée ou déplacée).`,
  hash: (id) => `Entrée n° ${id} : son contenu a été modifié après son enregistrement.`,
  summary: (id) => `Entrée n° ${id} : son détail a été modifié après son enregistrement.`,
  truncated: (id) =>
    `Les dernières entrées du journal ont été supprimées (le journal devrait aller jusqu'au n° ${id}).`,
};

const chainBreak = (id: number, reason: BrokenReason): ChainBreak => ({
  id,
  reason,
  message: BREAK_MESSAGES[reason](id),
});

function isRedaction(summary: string): boolean {
  try {
    const value = JSON.parse(summary) as unknown;
    return typeof value === 'object' && value !== null && (value as { _redacted?: unknown })._redacted === true;
  } catch {
    return false;
  }
}

/** The last redacting entry of each entity ("client:12" → its id): a redaction before it is lawful. */
function redactionsOf(handle: BetterSqlite3.Database): Map<string, number> {
  const map = new Map<string, number>();
  const select = handle.prepare<[string, string], { entityId: string; id: number }>(
    'SELECT entity_id AS entityId, MAX(id) AS id FROM audit_log WHERE entity = ? AND action = ? GROUP BY entity_id',
  );
  for (const [entity, action] of Object.entries(REDACTING_ACTIONS)) {
    for (const row of select.all(entity, action)) map.set(`${entity}:${row.entityId}`, row.id);
  }
  return map;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Walks the whole log in id order and reports the first broken link. Reads in chunks and lets the event loop breathe
 * between them, so that the counter keeps answering while a long log is checked.
 */
export async function verifyAuditChain(handle: BetterSqlite3.Database, chunk = 5_000): Promise<ChainReport> {
  const redactions = redactionsOf(handle);
  const page = handle.prepare<[number, number], StoredRow>(
    `SELECT id, at, user_id AS userId, username, desk, action, entity, entity_id AS entityId, summary,
            summary_hash AS summaryHash, prev_hash AS prevHash, hash
     FROM audit_log WHERE id > ? ORDER BY id LIMIT ?`,
  );
  const report: ChainReport = { checked: 0, redacted: 0, lastId: null, headHash: null, broken: null };
  let prevHash = GENESIS_HASH;
  let after = 0;
  for (;;) {
    const rows = page.all(after, chunk);
    for (const row of rows) {
      if (row.prevHash !== prevHash) return { ...report, broken: chainBreak(row.id, 'link') };
      if (entryHash(prevHash, row) !== row.hash) return { ...report, broken: chainBreak(row.id, 'hash') };
      if (sha256Hex(row.summary) !== row.summaryHash) {
        const redactedBy = redactions.get(`${row.entity}:${row.entityId ?? ''}`);
        const lawful = redactedBy !== undefined && redactedBy > row.id && isRedaction(row.summary);
        if (!lawful) return { ...report, broken: chainBreak(row.id, 'summary') };
        report.redacted++;
      }
      prevHash = row.hash;
      report.checked++;
      report.lastId = row.id;
      report.headHash = row.hash;
    }
    if (rows.length < chunk) break;
    after = rows[rows.length - 1]?.id ?? after;
    await nextTurn();
  }
  // SQLite remembers the highest id ever given (AUTOINCREMENT): entries cut off the end of the log show there.
  const sequence = handle.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").pluck().get() as
    number | undefined;
  if (sequence !== undefined && sequence > (report.lastId ?? 0))
    return { ...report, broken: chainBreak(sequence, 'truncated') };
  return report;
}
