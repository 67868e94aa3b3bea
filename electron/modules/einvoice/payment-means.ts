/**
 * How each payment method of the counter is named in UBL's PaymentMeansCode (UN/CEFACT UNTDID 4461). The DGI's
 * specifications are not published: these are the standard codes, with the method's French name as the note.
 */
const UNCL4461: Record<string, string> = {
  cash: '10', // In cash
  ccp: '50', // Payment by postgiro: La Poste's Compte Chèque Postal
  transfer: '30', // Credit transfer
  card: '48', // Bank card
  paypal: '68', // Online payment service
  credit: '97', // Clearing between partners: a credit note or an overpayment used
  wafacash: 'ZZZ', // Mutually defined: a cash transfer network (money remittance), no 4461 code of its own
  other: 'ZZZ',
};

export function paymentMeansCode(method: string): string {
  return UNCL4461[method] ?? 'ZZZ';
}
