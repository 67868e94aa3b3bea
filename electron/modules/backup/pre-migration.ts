import path from 'node:path';
import type { Clock } from '../../clock';
import { DATABASE_FILE } from '../../db/data-source';
import { AppError } from '../../errors';
import { primaryFolder } from './catalogue';
import { rotateFolder } from './service';
import { snapshotDatabase } from './snapshot';

/**
 * The backup taken before a new version of Guichet migrates the database. Without it the migration does not run: the
 * app refuses to start rather than change a database it could not put back.
 */
export function backupBeforeMigrating(dataDir: string, clock: Clock): () => Promise<void> {
  return async () => {
    const folder = primaryFolder(dataDir);
    try {
      await snapshotDatabase(path.join(dataDir, DATABASE_FILE), {
        folder,
        location: 'primary',
        kind: 'pre-migration',
        at: clock.now(),
        create: true,
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppError(
        'CONFLICT',
        `Guichet n'a pas pu sauvegarder la base avant de la mettre à jour, et ne l'a donc pas modifiée. ${reason}`,
      );
    }
    await rotateFolder(folder, (message) => console.error(message));
  };
}
