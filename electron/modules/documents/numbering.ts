import type { DocumentType } from '../../../shared/api/documents';
import { formatDocumentNumber, seriesPrefix } from '../../../shared/document-numbers';
import type { WriteTx } from '../../db/database';
import { nextNumber } from '../../db/counters';
import { companySettings } from './snapshot';

export interface AssignedNumber {
  number: string;
  seriesYear: number;
  seq: number;
}

/**
 * The next number of a document's series for the year of its date, from the counter row bumped inside the finalising
 * transaction (never a MAX()): a rollback gives the number back, and the UNIQUE constraints refuse any duplicate.
 */
export async function assignNumber(tx: WriteTx, type: DocumentType, issueDate: string): Promise<AssignedNumber> {
  const company = await companySettings(tx.em);
  const seriesYear = Number(issueDate.slice(0, 4));
  const seq = await nextNumber(tx.em, type, seriesYear);
  return { number: formatDocumentNumber(seriesPrefix(type, company.prefixes), seriesYear, seq), seriesYear, seq };
}
