import path from 'node:path';
import { formatDateTime } from '../../shared/dates';
import { listFolder, primaryFolder } from '../modules/backup/catalogue';
import { BackupService } from '../modules/backup/service';
import { inspectFile } from '../modules/backup/snapshot';
import { UsageError } from './args';
import type { CliCommand } from './commands';
import type { CliContext } from './context';

const KIND_FR: Record<string, string> = {
  startup: 'démarrage',
  daily: 'quotidienne',
  manual: 'manuelle',
  'pre-migration': 'avant mise à jour',
  'pre-restore': 'avant restauration',
  damaged: 'base endommagée',
  unknown: 'autre fichier',
};

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} Mo`;

async function create(context: CliContext): Promise<number> {
  const db = await context.database();
  const service = new BackupService({ db, dataDir: context.dataDir, clock: context.clock, log: context.err });
  const { backup, secondary } = await service.create('manual');
  context.out(
    `Sauvegarde faite et vérifiée : ${path.join(service.primary, backup.file)} (${megabytes(backup.bytes)}).`,
  );
  if (secondary?.ok) context.out(`Copie vérifiée dans le second dossier : ${secondary.backup.file}.`);
  if (secondary && !secondary.ok) {
    context.err(`Copie dans le second dossier impossible : ${secondary.message}`);
    return 1;
  }
  return 0;
}

async function list(context: CliContext): Promise<number> {
  const backups = await listFolder(primaryFolder(context.dataDir), 'primary');
  if (backups.length === 0) context.out(`Aucune sauvegarde dans ${primaryFolder(context.dataDir)}.`);
  for (const b of backups) {
    const state = b.verified ? 'vérifiée' : 'non vérifiée';
    context.out(
      `${formatDateTime(b.createdAt)}  ${KIND_FR[b.kind] ?? b.kind}  ${megabytes(b.bytes)}  ${state}  ${b.file}`,
    );
  }
  return 0;
}

/** A name in the backups folder, or the path of any file (a copy on a USB drive). */
async function verify(context: CliContext, target: string): Promise<number> {
  const file =
    target.includes('/') || target.includes('\\')
      ? path.resolve(target)
      : path.join(primaryFolder(context.dataDir), target);
  const { inspected, refusal } = await inspectFile(file, 'full', true);
  if (refusal || !inspected) {
    context.err(`${file} : cette sauvegarde ne peut pas être restaurée : ${refusal ?? 'illisible'}.`);
    return 1;
  }
  const c = inspected.contents;
  context.out(
    `${file} : intègre (integrity_check), version ${inspected.migrations[inspected.migrations.length - 1] ?? '?'}` +
      (c
        ? ` ; ${c.clients} clients, ${c.proformas} proformas, ${c.invoices} factures, ${c.creditNotes} avoirs, ` +
          `${c.payments} encaissements ; dernière facture ${c.lastNumbers.invoice ?? '—'}, dernier reçu ${c.lastNumbers.receipt ?? '—'}.`
        : '.'),
  );
  return 0;
}

/**
 * `backup [create|list|verify FICHIER]`: a verified backup now (as the app's "Sauvegarder maintenant", copied to the
 * second folder and rotated), the list of the data folder's backups, or the full check of one backup file.
 */
export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'Fait une sauvegarde vérifiée (par défaut), liste les sauvegardes ou en vérifie une.',
  usage: [
    'create                    fait une sauvegarde vérifiée maintenant (par défaut)',
    'list                      liste les sauvegardes du dossier des données',
    'verify FICHIER            vérifie une sauvegarde (nom dans le dossier, ou chemin complet)',
  ],
  options: [],
  async run(args, context) {
    const [action = 'create', target, ...extra] = args.positional;
    if (extra.length > 0) throw new UsageError(`Argument en trop : « ${extra.join(' ')} ».`);
    if (action === 'create' && target === undefined) return create(context);
    if (action === 'list' && target === undefined) return list(context);
    if (action === 'verify') {
      if (!target) throw new UsageError('Indiquez le fichier à vérifier : backup verify FICHIER.');
      return verify(context, target);
    }
    throw new UsageError(
      `Action inconnue : « ${[action, target].filter(Boolean).join(' ')} » (create, list ou verify FICHIER).`,
    );
  },
};
