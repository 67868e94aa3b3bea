import type { Currency } from '../../../shared/money';
import type { PaymentMethod } from '../../../shared/payment-methods';

/** What a figure of the report is made of: its payments, or its invoices and credit notes. */
export type Drill =
  | {
      kind: 'payments';
      title: string;
      filter: {
        method?: PaymentMethod;
        currency?: Currency;
        staff?: string;
        date?: string;
        direction?: 'in' | 'out';
        cashOnly?: boolean;
      };
    }
  | { kind: 'documents'; title: string; filter: { type?: 'invoice' | 'credit_note'; currency?: Currency } };

export type OnDrill = (drill: Drill) => void;
