import { openSqlite } from '../../db/sqlite-binding';
import { AppError } from '../../errors';
import { decoyHash, verifyPassword } from '../auth/passwords';

/**
 * When the database is damaged nobody can log in, yet a restore must not be open to whoever sits at the PC: it asks
 * for an administrator's name and password as recorded in the backup chosen (the accounts that will exist after it).
 */
export async function checkBackupAdmin(file: string, username: string, password: string): Promise<void> {
  const db = openSqlite(file, { readonly: true, fileMustExist: true });
  let user: { passwordHash: string; role: string; active: number } | undefined;
  try {
    user = db
      .prepare<[string], { passwordHash: string; role: string; active: number }>(
        'SELECT password_hash AS passwordHash, role, active FROM users WHERE username = ?',
      )
      .get(username);
  } finally {
    db.close();
  }
  // An unknown name costs as much time as a wrong password.
  const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !matches || !user.active) {
    throw new AppError('INVALID_CREDENTIALS', 'Identifiant ou mot de passe incorrect.');
  }
  if (user.role !== 'admin') {
    throw new AppError('FORBIDDEN', 'Seul un administrateur peut restaurer une sauvegarde.');
  }
}
