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
  return (PAYMENT_METHOD_LABELS as Record<string, string>)[method] ?? method;
}
