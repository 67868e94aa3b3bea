import type { EinvoiceState } from '../../../shared/api';

/** The badge colour of each e-invoice state. */
export const STATE_COLOR: Record<EinvoiceState, string> = {
  not_required: 'gray',
  pending: 'yellow',
  submitted: 'blue',
  cleared: 'green',
  rejected: 'red',
};
