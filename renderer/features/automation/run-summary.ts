import type { TFunction } from 'i18next';
import { RUN_ACTIONS, type BillingRunDto, type RunAction } from '../../../shared/api/automation';

/** Actions that are only bookkeeping: shown in the log, left out of the one-line summary. */
const QUIET: readonly RunAction[] = ['renewal_existing'];

/** The run's counts, in the order of RUN_ACTIONS: [action, count] for each action it did. */
export function runCounts(run: Pick<BillingRunDto, 'counts'>, withQuiet = false): [RunAction, number][] {
  return RUN_ACTIONS.flatMap((action) => {
    const n = run.counts[action] ?? 0;
    return n > 0 && (withQuiet || !QUIET.includes(action)) ? [[action, n] as [RunAction, number]] : [];
  });
}

/** "Proforma émise : 12, Suspendu : 3, 15 e-mails", or "rien à faire". */
export function runSummary(t: TFunction, run: Pick<BillingRunDto, 'counts' | 'mails'>): string {
  const parts = runCounts(run).map(([action, n]) => `${t(`automation.action.${action}`)}\u00a0: ${n}`);
  if (run.mails > 0) parts.push(t('dashboard.run.mails', { count: run.mails }));
  return parts.length > 0 ? parts.join(', ') : t('automation.nothing');
}
