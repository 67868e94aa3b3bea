import type { DocumentStatus, DocumentType, EinvoiceState, Input } from '../../../shared/api';
import { parseMoney } from '../../../shared/money';

export type TypeTab = DocumentType | 'all';

/** The list's filters as the screen holds them: amounts as typed (dirhams), the number as last searched. */
export interface DocumentFilters {
  type: TypeTab;
  status: DocumentStatus | null;
  clientId: number | null;
  from: string;
  to: string;
  minAmount: string;
  maxAmount: string;
  number: string;
  /** Invoices and credit notes in this e-invoice state. */
  einvoiceState: EinvoiceState | null;
}

export const NO_FILTERS: DocumentFilters = {
  type: 'all',
  status: null,
  clientId: null,
  from: '',
  to: '',
  minAmount: '',
  maxAmount: '',
  number: '',
  einvoiceState: null,
};

/** The statuses a document of each type can have, for the status filter. */
export const STATUSES_BY_TYPE: Record<TypeTab, readonly DocumentStatus[]> = {
  all: ['draft', 'issued', 'partially_paid', 'paid', 'cancelled', 'partially_credited', 'credited'],
  proforma: ['draft', 'issued', 'partially_paid', 'paid', 'cancelled'],
  invoice: ['issued', 'partially_credited', 'credited'],
  credit_note: ['issued'],
};

/** An amount filter typed in dirhams: centimes, undefined when empty, null when it cannot be read. */
export function amountFilter(text: string): number | undefined | null {
  if (text.trim() === '') return undefined;
  const centimes = parseMoney(text);
  return centimes === null || centimes < 0 ? null : centimes;
}

/** The documents.list call for the filters; an amount that cannot be read is left out (its field says why). */
export function listInput(filters: DocumentFilters, page: number, pageSize: number): Input<'documents.list'> {
  const min = amountFilter(filters.minAmount);
  const max = amountFilter(filters.maxAmount);
  const status = filters.status && STATUSES_BY_TYPE[filters.type].includes(filters.status) ? filters.status : null;
  return {
    page,
    pageSize,
    ...(filters.type === 'all' ? {} : { type: filters.type }),
    ...(status ? { status } : {}),
    ...(filters.clientId === null ? {} : { clientId: filters.clientId }),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    ...(typeof min === 'number' ? { minAmount: min } : {}),
    ...(typeof max === 'number' ? { maxAmount: max } : {}),
    ...(filters.number.trim() ? { number: filters.number.trim() } : {}),
    ...(filters.einvoiceState && filters.type !== 'proforma' ? { einvoiceState: filters.einvoiceState } : {}),
  };
}
