import { RUN_ACTIONS } from '../../shared/api/automation';
import { formatCalendarDate } from '../../shared/periods';
import { SYSTEM } from '../modules/automation/run-log';
import { automationServices } from '../modules/automation/services';
import { UsageError, single } from './args';
import type { CliCommand } from './commands';

/** Labels of the run log's actions, for the line a scheduled job writes to its log. */
const ACTION_FR: Record<(typeof RUN_ACTIONS)[number], string> = {
  renewal_issued: 'proformas émises',
  renewal_existing: 'déjà sur une proforma',
  renewal_failed: 'proformas non émises',
  proforma_replaced: 'proformas remplacées',
  proforma_cancelled: 'proformas annulées',
  overdue: 'en retard',
  grace: 'domaines en grâce',
  lost: 'domaines perdus',
  suspended: 'services suspendus',
  terminated: 'services résiliés',
  abandoned: 'comptes abandonnés',
  warning: 'à vérifier',
  hours_billed: 'mois d’heures d’infogérance facturés',
};

/**
 * `billing-run`: the day's billing run, as the app does it at start-up, for a scheduled job on a machine where the app
 * is not open; then the outbox's waiting messages are sent (unless --mail keep). Running it again the same day does
 * nothing more.
 */
export const billingRunCommand: CliCommand = {
  name: 'billing-run',
  summary: 'Passe la facturation automatique du jour (renouvellements, retards, suspensions) et envoie les e-mails.',
  usage: ['--mail send|keep           envoyer les e-mails en attente après le passage (par défaut : send)'],
  options: ['mail'],
  async run(args, context) {
    const mail = single(args, 'mail') ?? 'send';
    if (mail !== 'send' && mail !== 'keep') throw new UsageError(`--mail : « send » ou « keep », pas « ${mail} ».`);
    const db = await context.database();
    const { runner, outbox } = automationServices(db, context.clock);
    const run = await runner.run('cli', SYSTEM);
    await runner.idle();
    const done = RUN_ACTIONS.flatMap((a) => (run.counts[a] ? [`${ACTION_FR[a]} : ${run.counts[a]}`] : []));
    const day = formatCalendarDate(run.runDate);
    if (run.status !== 'done') {
      context.err(`Facturation du ${day} (passage n° ${run.id}) en échec : ${run.error}`);
      return 1;
    }
    context.out(
      `Facturation du ${day} (passage n° ${run.id}) : ${done.length ? done.join(', ') : 'rien à faire'} ; ` +
        `${run.mails} e-mail(s) mis en file.`,
    );
    if (mail === 'send') {
      await outbox.recover();
      const sent = await outbox.flush(true);
      const status = outbox.status();
      if (status.enabled && status.configured) {
        context.out(
          `E-mails : ${sent.sent} envoyé(s), ${sent.failed} en échec, ${status.queued} en attente` +
            (status.lastConnectionError ? ` (${status.lastConnectionError})` : '') +
            '.',
        );
      } else {
        context.out('E-mails : envoi désactivé ou non configuré (Paramètres › E-mails).');
      }
    }
    return 0;
  },
};
