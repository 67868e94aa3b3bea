import { formatTime } from '../../../shared/dates';
import type { Database } from '../../db/database';
import { UserEntity, type UserRow } from '../../db/entities';
import { AppError } from '../../errors';
import { verifyPassword } from './passwords';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 15 * 60_000;

export function isLocked(user: UserRow, now: Date): boolean {
  return user.lockedUntil !== null && user.lockedUntil > now.toISOString();
}

export function accountLockedError(user: UserRow): AppError {
  return new AppError(
    'ACCOUNT_LOCKED',
    `Compte verrouillé après ${MAX_FAILED_ATTEMPTS} essais infructueux, jusqu'à ${formatTime(user.lockedUntil ?? '')}. ` +
      'Un responsable peut le déverrouiller.',
  );
}

// The same words whether the name or the password is wrong, so the message does not tell which accounts exist.
export const invalidCredentials = () => new AppError('INVALID_CREDENTIALS', 'Identifiant ou mot de passe incorrect.');

/**
 * Checks a password for a login or an unlock. A wrong one is counted (and audited) in its own committed transaction;
 * the fifth in a row locks the account for 15 minutes. Resolves with the user when the password is right.
 */
export async function checkPassword(
  db: Database,
  user: UserRow,
  password: string,
  action: string,
  now: Date,
): Promise<UserRow> {
  const actor = { userId: user.id, username: user.username };
  if (isLocked(user, now)) throw accountLockedError(user);
  if (await verifyPassword(password, user.passwordHash)) {
    if (user.failedAttempts === 0 && user.lockedUntil === null) return user;
    return db.write(actor, action, async (tx) => {
      await tx.em.update(UserEntity, { id: user.id }, { failedAttempts: 0, lockedUntil: null });
      await tx.audit({
        action: `${action}.reset`,
        entity: 'user',
        entityId: user.id,
        summary: { failedAttempts: [user.failedAttempts, 0] },
      });
      return { ...user, failedAttempts: 0, lockedUntil: null };
    });
  }
  const after = await db.write(actor, action, async (tx) => {
    const fresh = await tx.em.findOneByOrFail(UserEntity, { id: user.id });
    const failedAttempts = fresh.failedAttempts + 1;
    const lock = failedAttempts >= MAX_FAILED_ATTEMPTS;
    const lockedUntil = lock ? new Date(tx.now.getTime() + LOCKOUT_MS).toISOString() : fresh.lockedUntil;
    await tx.em.update(UserEntity, { id: user.id }, { failedAttempts: lock ? 0 : failedAttempts, lockedUntil });
    await tx.audit({
      action: lock ? 'auth.locked' : `${action}.failed`,
      entity: 'user',
      entityId: user.id,
      summary: { failedAttempts, ...(lock ? { lockedUntil } : {}) },
    });
    return { ...fresh, failedAttempts, lockedUntil };
  });
  if (after.failedAttempts >= MAX_FAILED_ATTEMPTS) throw accountLockedError(after);
  throw invalidCredentials();
}
