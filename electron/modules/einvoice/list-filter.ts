import type { SelectQueryBuilder } from 'typeorm';
import type { EinvoiceState } from '../../../shared/api/einvoice';
import type { DocumentRow } from '../../db/entities';

/** The documents list filtered by e-invoice state: invoices and credit notes only; "not required" has no submission. */
export function filterByEinvoiceState(query: SelectQueryBuilder<DocumentRow>, state: EinvoiceState): void {
  query.andWhere("d.type IN ('invoice', 'credit_note') AND d.number IS NOT NULL");
  if (state === 'not_required') {
    query.andWhere('NOT EXISTS (SELECT 1 FROM einvoice_submissions s WHERE s.document_id = d.id)');
  } else {
    query.andWhere('EXISTS (SELECT 1 FROM einvoice_submissions s WHERE s.document_id = d.id AND s.state = :eState)', {
      eState: state,
    });
  }
}
