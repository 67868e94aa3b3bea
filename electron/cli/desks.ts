import { formatDateTime } from '../../shared/dates';
import { deskName } from '../../shared/api/desks';
import { DeskService } from '../modules/desks/service';
import { UsageError } from './args';
import type { CliCommand } from './commands';
import type { CliContext } from './context';

const CLI_ACTOR = { userId: null, username: null, desk: null };

function idOf(text: string | undefined): number {
  const id = Number(text);
  if (!Number.isInteger(id) || id <= 0) throw new UsageError('Indiquez le numéro du poste (voir « desks list »).');
  return id;
}

async function service(context: CliContext): Promise<DeskService> {
  return new DeskService(await context.database(), context.clock, null);
}

/**
 * `desks [list|rename N NOM|revoke N]`: the office server's paired desks, on the server PC, beside the running server
 * (SQLite lets both open the database; the server reads a desk's state on every call, so a revocation acts at once).
 */
export const desksCommand: CliCommand = {
  name: 'desks',
  summary: 'Liste, renomme ou révoque les postes appairés au serveur du bureau.',
  usage: [
    'list                      liste les postes (par défaut)',
    'rename N NOM              renomme le poste n° N (le nom de sa caisse)',
    'revoke N                  révoque le poste n° N : il est refusé dès son prochain appel',
  ],
  options: [],
  async run(args, context) {
    const [action = 'list', target, ...rest] = args.positional;
    const desks = await service(context);
    if (action === 'list' && target === undefined) {
      const rows = await desks.list();
      if (rows.length === 0) context.out('Aucun poste appairé.');
      for (const d of rows) {
        const state = d.revokedAt ? `révoqué le ${formatDateTime(d.revokedAt)}` : 'actif';
        context.out(`${d.id}  ${d.name}  appairé le ${formatDateTime(d.pairedAt)}  ${state}`);
      }
      return 0;
    }
    if (action === 'rename') {
      const parsed = deskName.safeParse(rest.join(' '));
      if (!parsed.success)
        throw new UsageError('Indiquez le nouveau nom : desks rename N NOM (40 caractères au plus).');
      const renamed = await desks.rename(CLI_ACTOR, idOf(target), parsed.data);
      context.out(`Poste n° ${renamed.id} renommé « ${renamed.name} ».`);
      return 0;
    }
    if (action === 'revoke' && rest.length === 0) {
      const revoked = await desks.revoke(CLI_ACTOR, idOf(target));
      context.out(`Poste n° ${revoked.id} « ${revoked.name} » révoqué : il est refusé dès son prochain appel.`);
      return 0;
    }
    throw new UsageError(`Action inconnue : « ${args.positional.join(' ')} » (list, rename N NOM ou revoke N).`);
  },
};
