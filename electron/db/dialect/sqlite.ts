import type { QueryRunner } from 'typeorm';

// The SQLite-only SQL of the app lives in this folder.

/**
 * The audit log is append-only with one exception, Law 09-08: when a client is anonymised, the personal values in the
 * summaries of its entries are replaced by {"_redacted": true, …}; every other column stays as written.
 */
export async function makeAuditLogAppendOnly(q: QueryRunner): Promise<void> {
  await q.query(
    `CREATE TRIGGER "audit_log_no_delete" BEFORE DELETE ON "audit_log" BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
  );
  await q.query(
    `CREATE TRIGGER "audit_log_no_update" BEFORE UPDATE ON "audit_log"
     WHEN NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.user_id IS NOT OLD.user_id
       OR NEW.username IS NOT OLD.username OR NEW.action IS NOT OLD.action OR NEW.entity IS NOT OLD.entity
       OR NEW.entity_id IS NOT OLD.entity_id OR json_extract(NEW.summary, '$._redacted') IS NOT 1
     BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
  );
}

/**
 * The client search index: two FTS5 tables keyed by client id. client_prefix finds words by their first letters (a
 * prefix index for 1, 2 and 3 characters, where trigrams cannot help); client_trigram finds any 3+ character fragment
 * of a name or an identifier (code, ICE, phones, e-mails; later domains and document numbers). Text is normalised by
 * shared/search-text.ts before it is indexed or searched.
 */
export async function createClientSearchTables(q: QueryRunner): Promise<void> {
  await q.query(
    `CREATE VIRTUAL TABLE client_prefix USING fts5(names, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')`,
  );
  await q.query(`CREATE VIRTUAL TABLE client_trigram USING fts5(names, ids, tokenize = 'trigram remove_diacritics 1')`);
}

/** Triggers that refuse any UPDATE or DELETE on a table (history that must never be rewritten). */
export async function makeAppendOnly(q: QueryRunner, table: string): Promise<void> {
  for (const event of ['UPDATE', 'DELETE'] as const) {
    await q.query(
      `CREATE TRIGGER "${table}_no_${event.toLowerCase()}" BEFORE ${event} ON "${table}" ` +
        `BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
    );
  }
}

/**
 * Issued documents are never deleted nor rewritten (SPEC §4): past the draft, only the status, the amount paid, the
 * print count, the cancellation and the first PDF hash may change; lines only their credited quantity. The client
 * block may be replaced only by its redacted form (Law 09-08, once the 10-year retention is over).
 */
export async function protectIssuedDocuments(q: QueryRunner): Promise<void> {
  const frozen = [
    'type',
    'number',
    'series_year',
    'seq',
    'client_id',
    'currency',
    'issue_date',
    'due_date',
    'source_id',
    'ht',
    'total_vat',
    'ttc',
    'vat_breakdown',
    'reason',
    'credit_mode',
    'payments',
    'notes',
    'seller',
    'issued_at',
    'issued_by',
    'created_at',
    'created_by',
  ];
  const changed = frozen.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ');
  await q.query(
    `CREATE TRIGGER "documents_no_delete" BEFORE DELETE ON "documents" BEGIN SELECT RAISE(ABORT, 'documents are never deleted'); END`,
  );
  await q.query(
    `CREATE TRIGGER "documents_issued_frozen" BEFORE UPDATE ON "documents"
     WHEN OLD.status <> 'draft' AND (${changed}
       OR (OLD.pdf_sha256 IS NOT NULL AND NEW.pdf_sha256 IS NOT OLD.pdf_sha256)
       OR (NEW.buyer IS NOT OLD.buyer AND json_extract(NEW.buyer, '$._redacted') IS NOT 1))
     BEGIN SELECT RAISE(ABORT, 'an issued document cannot be changed'); END`,
  );
  const parentIssued = `(SELECT status FROM documents WHERE id = OLD.document_id) <> 'draft'`;
  await q.query(
    `CREATE TRIGGER "document_lines_no_delete" BEFORE DELETE ON "document_lines" WHEN ${parentIssued}
     BEGIN SELECT RAISE(ABORT, 'lines of an issued document cannot be deleted'); END`,
  );
  const lineColumns = ['document_id', 'position', 'kind', 'service_id', 'product_id', 'description', 'quantity']
    .concat(['unit_price', 'vat_rate', 'amount_ht', 'period_from', 'period_to', 'months', 'source_line_id'])
    .map((c) => `NEW.${c} IS NOT OLD.${c}`)
    .join(' OR ');
  await q.query(
    `CREATE TRIGGER "document_lines_issued_frozen" BEFORE UPDATE ON "document_lines"
     WHEN ${parentIssued} AND (${lineColumns})
     BEGIN SELECT RAISE(ABORT, 'lines of an issued document cannot be changed'); END`,
  );
}
