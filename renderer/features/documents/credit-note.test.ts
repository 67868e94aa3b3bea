import { describe, expect, it } from 'vitest';
import type { DocumentDto, DocumentLineDto } from '../../../shared/api';
import { creditNoteInputSchema } from '../../../shared/api/documents';
import { buildCreditNote, canCredit, creditable, emptyCreditNote } from './credit-note';

function line(id: number, quantity: number, creditedQuantity: number): DocumentLineDto {
  return {
    id,
    position: id,
    kind: 'item',
    serviceId: null,
    productId: null,
    description: `Ligne ${id}`,
    quantity,
    unitPrice: 10000,
    vatRate: 2000,
    amountHt: 0,
    periodFrom: null,
    periodTo: null,
    months: 0,
    creditedQuantity,
  };
}

const invoice = { id: 30, lines: [line(1, 2000, 500), line(2, 1000, 1000), line(3, 1500, 0)] };

describe('credit notes', () => {
  it('know what is left of each line and whether an invoice can still be credited', () => {
    expect(invoice.lines.map(creditable)).toEqual([1500, 0, 1500]);
    const doc = (patch: Partial<DocumentDto>) =>
      ({ type: 'invoice', status: 'issued', lines: invoice.lines, ...patch }) as DocumentDto;
    expect(canCredit(doc({}))).toBe(true);
    expect(canCredit(doc({ status: 'partially_credited' }))).toBe(true);
    expect(canCredit(doc({ status: 'credited' }))).toBe(false);
    expect(canCredit(doc({ type: 'proforma' }))).toBe(false);
    expect(canCredit(doc({ lines: [line(2, 1000, 1000)] }))).toBe(false);
  });

  it('cancels the whole invoice without lines, or the chosen lines within what is left', () => {
    const whole = buildCreditNote(invoice, { ...emptyCreditNote(), reason: ' Erreur de prix ', mode: 'refund' });
    expect(whole).toEqual({ ok: true, input: { invoiceId: 30, reason: 'Erreur de prix', mode: 'refund' } });
    const some = buildCreditNote(invoice, {
      ...emptyCreditNote(),
      reason: 'Geste commercial',
      scope: 'lines',
      quantities: { '1': '1,5', '3': '', '2': '0' },
    });
    expect(some).toEqual({
      ok: true,
      input: { invoiceId: 30, reason: 'Geste commercial', mode: 'balance', lines: [{ lineId: 1, quantity: 1500 }] },
    });
    if (some.ok) expect(creditNoteInputSchema.safeParse(some.input).success).toBe(true);
  });

  it('refuses a missing reason, unreadable or excessive quantities and an empty choice', () => {
    expect(
      buildCreditNote(invoice, { ...emptyCreditNote(), scope: 'lines', quantities: { '1': '1,6', '3': 'x' } }),
    ).toEqual({
      ok: false,
      errors: { reason: 'reason', 'quantities.1': 'tooMuch', 'quantities.3': 'quantity' },
      max: { 'quantities.1': '1,5' },
    });
    expect(buildCreditNote(invoice, { ...emptyCreditNote(), reason: 'r', scope: 'lines' })).toEqual({
      ok: false,
      errors: { lines: 'noLine' },
      max: {},
    });
  });
});
