import type { CreditMode, CreditNoteInput, DocumentDto, DocumentLineDto } from '../../../shared/api';
import { formatQuantity, parseQuantity } from '../../../shared/totals';

export interface CreditNoteValues {
  reason: string;
  mode: CreditMode;
  /** all: what is left of the whole invoice; lines: the quantities typed per line. */
  scope: 'all' | 'lines';
  /** By line id: the quantity to cancel as typed ("" leaves the line out). */
  quantities: Record<string, string>;
}

/** Client-side refusals, as keys of documents.creditNote.errors. */
export type CreditErrorCode = 'reason' | 'quantity' | 'tooMuch' | 'noLine';

/** Thousandths of a line still on the invoice: what credit notes have not cancelled yet. */
export function creditable(line: Pick<DocumentLineDto, 'quantity' | 'creditedQuantity'>): number {
  return Math.max(0, line.quantity - line.creditedQuantity);
}

/** Whether an invoice still has anything a credit note could cancel. */
export function canCredit(document: Pick<DocumentDto, 'type' | 'status' | 'lines'>): boolean {
  return (
    document.type === 'invoice' &&
    (document.status === 'issued' || document.status === 'partially_credited') &&
    document.lines.some((line) => creditable(line) > 0)
  );
}

export function emptyCreditNote(): CreditNoteValues {
  return { reason: '', mode: 'balance', scope: 'all', quantities: {} };
}

export type BuiltCreditNote =
  | { ok: true; input: CreditNoteInput }
  | { ok: false; errors: Record<string, CreditErrorCode>; max: Record<string, string> };

/**
 * What "Établir l'avoir" sends: the whole invoice (no lines), or the chosen lines with a quantity each, never more than
 * what is left of the line. Field paths are those of the form: reason, quantities.<lineId>, lines.
 */
export function buildCreditNote(invoice: Pick<DocumentDto, 'id' | 'lines'>, values: CreditNoteValues): BuiltCreditNote {
  const errors: Record<string, CreditErrorCode> = {};
  const max: Record<string, string> = {};
  const reason = values.reason.trim();
  if (!reason) errors.reason = 'reason';
  const lines: { lineId: number; quantity: number }[] = [];
  if (values.scope === 'lines') {
    for (const line of invoice.lines) {
      const typed = (values.quantities[String(line.id)] ?? '').trim();
      if (!typed) continue;
      const quantity = parseQuantity(typed);
      const left = creditable(line);
      const path = `quantities.${line.id}`;
      if (quantity === null) errors[path] = 'quantity';
      else if (quantity > left) {
        errors[path] = 'tooMuch';
        max[path] = formatQuantity(left);
      } else if (quantity > 0) lines.push({ lineId: line.id, quantity });
    }
    if (lines.length === 0 && !Object.keys(errors).some((path) => path.startsWith('quantities.'))) {
      errors.lines = 'noLine';
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, max };
  return {
    ok: true,
    input: { invoiceId: invoice.id, reason, mode: values.mode, ...(values.scope === 'lines' ? { lines } : {}) },
  };
}
