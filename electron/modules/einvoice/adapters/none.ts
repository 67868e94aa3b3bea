import type { EinvoiceAdapter } from './adapter';

/** The default: e-invoicing is not required yet; nothing is queued and nothing is sent. */
export const noneAdapter: EinvoiceAdapter = {
  submits: false,
  submit: () => Promise.reject(new Error('Aucun mode de transmission choisi.')),
};
