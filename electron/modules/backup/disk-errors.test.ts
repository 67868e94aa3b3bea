import { describe, expect, it } from 'vitest';
import { diskError } from './disk-errors';

const failure = (code: string) => Object.assign(new Error(`${code}: failed`), { code });

describe('disk errors in French', () => {
  it('names a full disk, a read-only folder and a missing one, each saying nothing was made', () => {
    for (const code of ['ENOSPC', 'SQLITE_FULL', 'EDQUOT']) {
      expect(diskError(failure(code), 'E:\\Sauvegardes')).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringMatching(
          /^Espace disque insuffisant dans E:\\Sauvegardes : la sauvegarde n'a pas été faite/,
        ),
      });
    }
    for (const code of ['EROFS', 'EACCES', 'EPERM', 'SQLITE_READONLY', 'SQLITE_CANTOPEN']) {
      expect(diskError(failure(code), '/mnt/usb')).toMatchObject({
        code: 'READ_ONLY',
        message: expect.stringContaining("n'est pas accessible en écriture"),
      });
    }
    expect(diskError(failure('ENOENT'), '/mnt/usb').message).toContain('introuvable (clé USB débranchée');
    expect(diskError(new Error('boom'), '/x').message).toBe(
      "La sauvegarde dans /x a échoué (boom) ; rien n'a été modifié.",
    );
  });
});
