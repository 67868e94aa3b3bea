import type { EntityManager } from 'typeorm';
import type { PlannedAllocation } from '../../../shared/allocation';
import { formatRateValue } from '../../../shared/allocation';
import { formatMoney, formatRate, type Currency } from '../../../shared/money';
import { CASH_LIMIT, cashNeedsApproval, checkCounterRate, type PaymentRules } from '../../../shared/payment-rules';
import { AppError } from '../../errors';
import { cashReceivedOn } from './ledger';

/** Why a payment needs a manager's signature; recorded in its audit entry with the manager and the reason. */
export type ApprovalCause = 'cash_limit' | 'exchange_rate';

interface Needed {
  cause: ApprovalCause;
  message: string;
}

/** Each rule the payment would break without a manager (SPEC §4), with the French words that say which. */
export function approvalsNeeded(
  em: EntityManager,
  payment: { method: string; amount: number; currency: Currency; clientKind: 'individual' | 'company' },
  plan: readonly PlannedAllocation[],
  currencyOf: (documentId: number) => Currency,
  rules: PaymentRules,
): Needed[] {
  const needed: Needed[] = [];
  if (payment.method === 'cash') {
    const before = cashReceivedOn(
      em,
      plan.map((a) => a.documentId),
    );
    const shares = plan.map((a) => ({ before: before.get(a.documentId) ?? 0, now: a.paymentAmount }));
    if (cashNeedsApproval(payment, shares, rules)) {
      needed.push({
        cause: 'cash_limit',
        message:
          `Espèces de ${formatMoney(CASH_LIMIT)} ou plus pour une même opération, timbre exclu et cumul des ` +
          'espèces de la proforma compris (CGI art. 193) : l’accord d’un responsable est requis.',
      });
    }
  }
  for (const a of plan) {
    if (a.rate === null) continue;
    const check = checkCounterRate(a.rate, payment.currency, currencyOf(a.documentId), rules);
    if (check.ok) continue;
    needed.push({
      cause: 'exchange_rate',
      message:
        check.reason === 'no_reference'
          ? `Aucun taux de référence pour ${check.currency} : l’accord d’un responsable est requis.`
          : `Le taux ${formatRateValue(a.rate)} s’écarte de plus de ${formatRate(check.band)} du taux de référence ` +
            `(${formatRateValue(check.expected)}) : l’accord d’un responsable est requis.`,
    });
  }
  return needed;
}

/** Refuses the payment, changing nothing, when a rule needs a manager who has not signed. */
export function requireApproval(needed: readonly Needed[], approvedBy: string | null): void {
  if (needed.length === 0 || approvedBy) return;
  const messages = [...new Set(needed.map((n) => n.message))];
  throw new AppError('FORBIDDEN', messages.join(' '), { approval: 'Accord d’un responsable requis.' });
}
