import { AppError } from '../../errors';

const NO_SPACE = new Set(['ENOSPC', 'SQLITE_FULL', 'EDQUOT', 'EFBIG']);
const READ_ONLY = new Set(['EROFS', 'EACCES', 'EPERM', 'SQLITE_READONLY', 'SQLITE_CANTOPEN']);
const MISSING = new Set(['ENOENT', 'ENOTDIR']);

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/**
 * A file-system failure while writing into `folder`, as the French sentence a person can act on. The caller has
 * already removed whatever it had started to write: the message can say that nothing partial remains.
 */
export function diskError(error: unknown, folder: string): AppError {
  const code = codeOf(error);
  if (NO_SPACE.has(code)) {
    return new AppError(
      'CONFLICT',
      `Espace disque insuffisant dans ${folder} : la sauvegarde n'a pas été faite (aucun fichier partiel n'a été ` +
        `laissé). Libérez de la place ou choisissez un autre dossier ; Guichet continue de fonctionner.`,
    );
  }
  if (READ_ONLY.has(code)) {
    return new AppError(
      'READ_ONLY',
      `Le dossier ${folder} n'est pas accessible en écriture (disque protégé, droits insuffisants ou partage en ` +
        `lecture seule) : la sauvegarde n'a pas été faite. Guichet continue de fonctionner.`,
    );
  }
  if (MISSING.has(code)) {
    return new AppError(
      'CONFLICT',
      `Le dossier ${folder} est introuvable (clé USB débranchée ou partage réseau indisponible ?) : la sauvegarde ` +
        `n'a pas été faite.`,
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new AppError('CONFLICT', `La sauvegarde dans ${folder} a échoué (${detail}) ; rien n'a été modifié.`);
}
