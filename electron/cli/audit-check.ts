import { nativeHandle } from '../db/data-source';
import { verifyAuditChain } from '../modules/audit/chain';
import type { CliCommand } from './commands';

/** `audit-check`: walks the audit log's hash chain; exit code 1 and the first broken link when it is not whole. */
export const auditCheckCommand: CliCommand = {
  name: 'audit-check',
  summary: "Vérifie la chaîne d'empreintes du journal d'audit et signale le premier maillon rompu.",
  usage: [],
  options: [],
  async run(_args, context) {
    const db = await context.database();
    const report = await verifyAuditChain(nativeHandle(db.dataSource));
    if (report.broken) {
      context.err(`Journal d'audit altéré : ${report.broken.message}`);
      context.err(`${report.checked} entrée(s) vérifiée(s) avant la rupture.`);
      return 1;
    }
    const redacted = report.redacted > 0 ? ` (dont ${report.redacted} anonymisée(s), loi 09-08)` : '';
    context.out(`Journal d'audit intact : ${report.checked} entrée(s) vérifiée(s)${redacted}.`);
    if (report.headHash) context.out(`Empreinte de la dernière entrée (n° ${report.lastId}) : ${report.headHash}`);
    return 0;
  },
};
