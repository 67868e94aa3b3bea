import type { PaymentDetails } from './api/payments';

/** The ways a client pays at the counter (terms, SPEC §3 rule 8). */
export const PAYMENT_METHODS = ['cash', 'wafacash', 'ccp', 'transfer', 'card', 'paypal', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** As printed on invoices and receipts. */
export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  cash: 'Espèces',
  wafacash: 'Wafacash',
  ccp: 'La Poste (CCP)',
  transfer: 'Virement bancaire',
  card: 'Carte bancaire',
  paypal: 'PayPal',
  other: 'Autre',
};

export function paymentMethodLabel(method: string): string {
  if (method === 'credit') return 'Crédit client (avoir ou trop-perçu)';
  return (PAYMENT_METHOD_LABELS as Record<string, string>)[method] ?? method;
}

/** The reference printed beside the method on receipts and invoices (CGI art. 145: "le mode de paiement et sa référence"). */
export function paymentReference(details: PaymentDetails): string {
  switch (details.method) {
    case 'cash':
      return '';
    case 'wafacash':
      return `${details.transferNumber}, ${details.senderName}, ${details.originCity}`;
    case 'ccp':
      return `${details.receiptNumber}, ${details.postOffice}`;
    case 'transfer':
      return `${details.bank}, ${details.reference}`;
    case 'card':
      return `autorisation ${details.authorizationCode}`;
    case 'paypal':
      return details.transactionId;
    case 'other':
      return details.description;
  }
}
