import type { DocumentType } from './api/documents';
import type { CompanySettings } from './company';

/** The settings' prefix of each series (PF, FA, AV by default). */
export function seriesPrefix(type: DocumentType, prefixes: CompanySettings['prefixes']): string {
  return { proforma: prefixes.proforma, invoice: prefixes.invoice, credit_note: prefixes.creditNote }[type];
}

/** "FA-2026-000045": prefix, year of issue, number in the year's series on six digits (more if ever needed). */
export function formatDocumentNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}-${year}-${String(seq).padStart(6, '0')}`;
}

/**
 * What a person typed to find a document: a whole or partial number ("FA-2026-000045", "fa-2026-45"), a year and number
 * ("2026-45"), or just the number in its series ("45", "000045").
 */
export type NumberQuery =
  { kind: 'seq'; seq: number; year: number | null; prefix: string | null } | { kind: 'prefix'; text: string };

export function parseNumberQuery(text: string): NumberQuery | null {
  const t = text.trim().toUpperCase();
  if (!t) return null;
  const full = /^(?:([A-Z]{1,4})-)?(?:(\d{4})-)?(\d{1,9})$/.exec(t);
  if (full) {
    const [, prefix, year, seq] = full;
    return { kind: 'seq', seq: Number(seq), year: year ? Number(year) : null, prefix: prefix ?? null };
  }
  return /^[A-Z0-9-]+$/.test(t) ? { kind: 'prefix', text: t } : null;
}
