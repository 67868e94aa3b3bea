import type { PaymentDetails } from '../../../shared/api/payments';
import type { Currency } from '../../../shared/money';
import type { PaymentMethod } from '../../../shared/payment-methods';
import { CASH_LIMIT } from '../../../shared/payment-rules';
import { DEFAULT_STAMP_DUTY, stampDuty } from '../../../shared/stamp-duty';
import type { Prng } from '../../prng';
import type { Buyer } from './snapshots';

/** How clients pay at the counter in dirhams (cash is about 45 %). */
const MAD_METHODS: readonly (readonly [PaymentMethod, number])[] = [
  ['cash', 45],
  ['wafacash', 15],
  ['ccp', 8],
  ['transfer', 17],
  ['card', 8],
  ['paypal', 3],
  ['other', 4],
];
/** Clients billed in euros or dollars pay from abroad. */
const FOREIGN_METHODS: readonly (readonly [PaymentMethod, number])[] = [
  ['transfer', 60],
  ['card', 25],
  ['paypal', 15],
];
const BANKS = ['Attijariwafa bank', 'Banque Populaire', 'Bank of Africa', 'CIH Bank', 'BMCI', 'Société Générale Maroc'];
const CITIES = ['Casablanca', 'Rabat', 'Marrakech', 'Fès', 'Tanger', 'Agadir', 'Oujda', 'Meknès', 'Kénitra', 'Tétouan'];
const ALPHANUMERIC = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

export const DESKS = ['Guichet 1', 'Guichet 2'] as const;

export interface PaymentChoice {
  method: PaymentMethod;
  /** JSON of the method's fields, as the app stores the parsed input (keys in the schema's order). */
  details: string;
  stampDuty: number;
  desk: string;
}

function details(method: PaymentMethod, rng: Prng, buyer: Buyer, date: string): PaymentDetails {
  switch (method) {
    case 'cash':
      return { method };
    case 'wafacash':
      return { method, transferNumber: rng.digits(10), senderName: buyer.name, originCity: rng.pick(CITIES) };
    case 'ccp':
      return { method, receiptNumber: rng.digits(8), postOffice: `${rng.pick(CITIES)} Principal` };
    case 'transfer':
      return { method, bank: rng.pick(BANKS), reference: `VIR${rng.digits(9)}`, valueDate: date };
    case 'card':
      return { method, authorizationCode: rng.digits(6) };
    case 'paypal': {
      let id = '';
      for (let i = 0; i < 17; i++) id += ALPHANUMERIC.charAt(rng.int(0, ALPHANUMERIC.length - 1));
      return { method, transactionId: id };
    }
    case 'other':
      return { method, description: `Chèque n° ${rng.digits(7)} (${rng.pick(BANKS)})` };
  }
}

/**
 * How one payment was made: the method (cash only in dirhams, and never 20,000 DH or more from a company without a
 * manager: such payments go by transfer), its reference fields, the stamp duty on cash and the desk that took it.
 */
export function choosePayment(
  rng: Prng,
  amount: number,
  currency: Currency,
  buyer: Buyer,
  date: string,
  desks: number,
): PaymentChoice {
  let method = rng.weighted(currency === 'MAD' ? MAD_METHODS : FOREIGN_METHODS);
  if (method === 'cash' && buyer.company && amount + stampDuty(amount, 'cash', DEFAULT_STAMP_DUTY) >= CASH_LIMIT) {
    method = 'transfer';
  }
  return {
    method,
    details: JSON.stringify(details(method, rng, buyer, date)),
    stampDuty: stampDuty(amount, method, DEFAULT_STAMP_DUTY),
    desk: DESKS[rng.int(0, desks - 1)] ?? DESKS[0],
  };
}

/** A total in instalments: round tens of dirhams first, the rest on the last. */
export function splitAmount(total: number, count: number): number[] {
  if (count <= 1) return [total];
  const step = total >= count * 100_000 ? 1000 : 1;
  const part = Math.floor(total / count / step) * step;
  return Array.from({ length: count }, (_, i) => (i < count - 1 ? part : total - part * (count - 1)));
}
