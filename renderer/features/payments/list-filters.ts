import type { Input } from '../../../shared/api';
import type { PaymentMethod } from '../../../shared/payment-methods';

/** The payments list's filters as the screen holds them: the receipt number as last searched. */
export interface PaymentFilters {
  clientId: number | null;
  method: PaymentMethod | null;
  direction: 'in' | 'out' | null;
  status: 'recorded' | 'voided' | null;
  from: string;
  to: string;
  number: string;
}

export const NO_PAYMENT_FILTERS: PaymentFilters = {
  clientId: null,
  method: null,
  direction: null,
  status: null,
  from: '',
  to: '',
  number: '',
};

export function isFiltered(filters: PaymentFilters): boolean {
  return JSON.stringify(filters) !== JSON.stringify(NO_PAYMENT_FILTERS);
}

/** The payments.list call for the filters: only what is set is sent. */
export function paymentListInput(filters: PaymentFilters, page: number, pageSize: number): Input<'payments.list'> {
  const number = filters.number.trim();
  return {
    page,
    pageSize,
    ...(filters.clientId === null ? {} : { clientId: filters.clientId }),
    ...(filters.method === null ? {} : { method: filters.method }),
    ...(filters.direction === null ? {} : { direction: filters.direction }),
    ...(filters.status === null ? {} : { status: filters.status }),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    ...(number ? { number } : {}),
  };
}
