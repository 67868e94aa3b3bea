import { describe, expect, it } from 'vitest';
import { paymentsApi } from '../../../shared/api/payments';
import { isFiltered, NO_PAYMENT_FILTERS, paymentListInput } from './list-filters';

describe('payment list filters', () => {
  it('send only what is set, valid for the contract', () => {
    expect(paymentListInput(NO_PAYMENT_FILTERS, 1, 50)).toEqual({ page: 1, pageSize: 50 });
    const input = paymentListInput(
      {
        clientId: 3,
        method: 'wafacash',
        direction: 'out',
        status: 'voided',
        from: '2026-11-01',
        to: '2026-11-30',
        number: ' RE-2026-000004 ',
      },
      2,
      25,
    );
    expect(input).toEqual({
      page: 2,
      pageSize: 25,
      clientId: 3,
      method: 'wafacash',
      direction: 'out',
      status: 'voided',
      from: '2026-11-01',
      to: '2026-11-30',
      number: 'RE-2026-000004',
    });
    expect(paymentsApi['payments.list'].input.safeParse(input).success).toBe(true);
  });

  it('know when something is filtered', () => {
    expect(isFiltered(NO_PAYMENT_FILTERS)).toBe(false);
    expect(isFiltered({ ...NO_PAYMENT_FILTERS, method: 'cash' })).toBe(true);
  });
});
