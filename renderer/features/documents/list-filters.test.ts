import { describe, expect, it } from 'vitest';
import { documentsApi } from '../../../shared/api/documents';
import { amountFilter, listInput, NO_FILTERS } from './list-filters';

describe('document list filters', () => {
  it('read amounts typed in dirhams, and say which cannot be read', () => {
    expect(amountFilter('')).toBeUndefined();
    expect(amountFilter('1 234,5')).toBe(123450);
    expect(amountFilter('12,345')).toBeNull();
    expect(amountFilter('-5')).toBeNull();
  });

  it('send only what is set, valid for the contract', () => {
    expect(listInput(NO_FILTERS, 1, 50)).toEqual({ page: 1, pageSize: 50 });
    const input = listInput(
      {
        type: 'proforma',
        status: 'issued',
        clientId: 4,
        from: '2026-01-01',
        to: '2026-01-31',
        minAmount: '100',
        maxAmount: 'abc',
        number: ' PF-2026-000001 ',
        // Proformas have no e-invoice: the filter is left out.
        einvoiceState: 'pending',
      },
      2,
      25,
    );
    expect(input).toEqual({
      page: 2,
      pageSize: 25,
      type: 'proforma',
      status: 'issued',
      clientId: 4,
      from: '2026-01-01',
      to: '2026-01-31',
      minAmount: 10000,
      number: 'PF-2026-000001',
    });
    expect(documentsApi['documents.list'].input.safeParse(input).success).toBe(true);
  });

  it('filter invoices and credit notes by e-invoice state', () => {
    const input = listInput({ ...NO_FILTERS, type: 'invoice', einvoiceState: 'pending' }, 1, 50);
    expect(input).toEqual({ page: 1, pageSize: 50, type: 'invoice', einvoiceState: 'pending' });
    expect(documentsApi['documents.list'].input.safeParse(input).success).toBe(true);
  });

  it('drop a status the chosen type cannot have', () => {
    expect(listInput({ ...NO_FILTERS, type: 'credit_note', status: 'draft' }, 1, 50)).toEqual({
      page: 1,
      pageSize: 50,
      type: 'credit_note',
    });
  });
});
