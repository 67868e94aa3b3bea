import type { LineKind } from '../../../shared/api/documents';
import { documentTotals, lineHt, type DocumentTotals } from '../../../shared/totals';
import type { WriteTx } from '../../db/database';
import { DocumentLineEntity, type DocumentRow } from '../../db/entities';
import { AppError } from '../../errors';
import { insertRow } from '../../db/rows';

export interface NewLine {
  kind: LineKind;
  serviceId: number | null;
  productId: number | null;
  description: string;
  quantity: number;
  unitPrice: number;
  vatRate: number;
  periodFrom: string | null;
  periodTo: string | null;
  months: number;
  sourceLineId?: number | null;
}

/** Ten billion dirhams: far above any real document, far below where sums of centimes stop being exact. */
const MAX_TOTAL = 1_000_000_000_000;

/** The totals by the one rounding rule, refused with a French message when out of any sensible range. */
export function totalsFor(lines: readonly NewLine[]): DocumentTotals {
  const totals = documentTotals(lines);
  if (!Number.isSafeInteger(totals.ttc) || totals.ttc > MAX_TOTAL) {
    throw new AppError('VALIDATION', 'Le montant total du document est trop élevé.', {
      lines: 'Montant total trop élevé.',
    });
  }
  return totals;
}

export function totalsColumns(t: DocumentTotals): Pick<DocumentRow, 'ht' | 'totalVat' | 'ttc' | 'vatBreakdown'> {
  return { ht: t.ht, totalVat: t.totalVat, ttc: t.ttc, vatBreakdown: JSON.stringify(t.vat) };
}

/** Writes the lines of a document in order, each with its HT amount by the one rounding rule. */
export function insertLines(tx: WriteTx, documentId: number, lines: readonly NewLine[]): Promise<void> {
  lines.forEach((l, i) =>
    insertRow(tx.em, DocumentLineEntity, {
      documentId,
      position: i + 1,
      kind: l.kind,
      serviceId: l.serviceId,
      productId: l.productId,
      description: l.description,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      vatRate: l.vatRate,
      amountHt: lineHt(l.quantity, l.unitPrice),
      periodFrom: l.periodFrom,
      periodTo: l.periodTo,
      months: l.months,
      creditedQuantity: 0,
      sourceLineId: l.sourceLineId ?? null,
    }),
  );
  return Promise.resolve();
}
