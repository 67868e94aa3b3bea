import { formatTime } from '../../../shared/dates';
import type { Database } from '../../db/database';
import { UserEntity, type UserRow } from '../../db/entities';
import { AppError } from '../../errors';
import { decoyHash, verifyPassword } from './passwords';

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

/** An unknown or disabled name costs the time of a real check, so that the answer's timing does not tell it apart. */
export async function refuseUnknown(password: string): Promise<never> {
  await verifyPassword(password, await decoyHash());
  throw invalidCredentials();
}

/** Attempts on one account, one at a time (per database): the queue's tail for each user id. */
const attempts = new WeakMap<Database, Map<number, Promise<unknown>>>();

function oneAtATime<T>(db: Database, userId: number, attempt: () => Promise<T>): Promise<T> {
  let queues = attempts.get(db);
  if (!queues) {
    queues = new Map();
    attempts.set(db, queues);
  }
  const run = (queues.get(userId) ?? Promise.resolve()).then(attempt, attempt);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(userId, tail);
  void tail.then(() => {
    if (queues.get(userId) === tail) queues.delete(userId);
  });
  return run;
}

/**
 * Checks a password for a login, an unlock, a manager's approval or a change of password. Attempts on one account run
 * one at a time on the account as it is now, and its lock is checked again after the hash: forty wrong passwords sent at
 * once lock it after the fifth, and the right one that follows finds it locked. A wrong one is counted (and audited) in
 * its own committed transaction; the fifth in a row locks the account for 15 minutes. Resolves with the user when the
 * password is right.
 */
export function checkPassword(
  db: Database,
  user: UserRow,
  password: string,
  action: string,
  now: Date,
): Promise<UserRow> {
  return oneAtATime(db, user.id, async () => {
    const fresh = await db.reader.findOneBy(UserEntity, { id: user.id });
    if (!fresh?.active) return refuseUnknown(password);
    return checkFresh(db, fresh, password, action, now);
  });
}

async function checkFresh(db: Database, user: UserRow, password: string, action: string, now: Date): Promise<UserRow> {
  const actor = { userId: user.id, username: user.username };
  if (isLocked(user, now)) throw accountLockedError(user);
  const right = await verifyPassword(password, user.passwordHash);
  // Locked meanwhile (by another path than these attempts): the lock wins over a right password.
  const after = await db.reader.findOneBy(UserEntity, { id: user.id });
  if (after && isLocked(after, now)) throw accountLockedError(after);
  if (right) {
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
  const counted = await db.write(actor, action, async (tx) => {
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
  if (counted.failedAttempts >= MAX_FAILED_ATTEMPTS) throw accountLockedError(counted);
  throw invalidCredentials();
}
