import type { SessionInfo } from '../../../shared/api';
import type { Registry } from '../../api/registry';
import type { Clock } from '../../clock';
import type { Database } from '../../db/database';
import { UserEntity } from '../../db/entities';
import { AppError } from '../../errors';
import { checkPassword, refuseUnknown } from './lockout';
import { hashPassword } from './passwords';
import type { Session, SessionStore } from './sessions';
import { toStaffDto } from './staff-dto';

export interface AuthDeps {
  db: Database;
  sessions: SessionStore;
  clock: Clock;
}

export function registerAuthHandlers(registry: Registry, { db, sessions, clock }: AuthDeps): void {
  const users = () => db.reader.getRepository(UserEntity);

  async function sessionInfo(session: Session): Promise<SessionInfo> {
    const user = await users().findOneByOrFail({ id: session.userId });
    return { user: toStaffDto(user), locked: session.locked, idleLockMinutes: sessions.idleLockMinutes };
  }

  registry.register('auth.status', async (_input, ctx) => ({
    setupNeeded: (await users().count()) === 0,
    session: ctx.session ? await sessionInfo(ctx.session) : null,
  }));

  registry.register('auth.setupAdmin', async (input, ctx) => {
    const passwordHash = await hashPassword(input.password);
    const admin = await db.write(ctx.actor, 'auth.setupAdmin', async (tx) => {
      if ((await tx.em.count(UserEntity)) > 0) {
        throw new AppError('CONFLICT', "L'administrateur a déjà été créé : connectez-vous.");
      }
      const at = tx.now.toISOString();
      const row = await tx.em.save(UserEntity, {
        username: input.username,
        displayName: input.displayName,
        role: 'admin' as const,
        passwordHash,
        active: true,
        failedAttempts: 0,
        lockedUntil: null,
        createdAt: at,
        updatedAt: at,
      });
      await tx.audit({
        action: 'auth.setupAdmin',
        entity: 'user',
        entityId: row.id,
        summary: { username: row.username },
      });
      return row;
    });
    return sessionInfo(sessions.open(ctx.channel, admin, clock.now().getTime()));
  });

  registry.register('auth.login', async (input, ctx) => {
    const user = await users().findOneBy({ username: input.username });
    if (!user?.active) return refuseUnknown(input.password);
    const checked = await checkPassword(db, user, input.password, 'auth.login', clock.now());
    const actor = { userId: checked.id, username: checked.username };
    await db.write(actor, 'auth.login', (tx) =>
      tx.audit({ action: 'auth.login', entity: 'user', entityId: checked.id, summary: {} }),
    );
    return sessionInfo(sessions.open(ctx.channel, checked, clock.now().getTime()));
  });

  registry.register('auth.logout', async (_input, ctx) => {
    if (!ctx.session) return null;
    await db.write(ctx.actor, 'auth.logout', (tx) =>
      tx.audit({ action: 'auth.logout', entity: 'user', entityId: ctx.actor.userId, summary: {} }),
    );
    sessions.close(ctx.channel);
    return null;
  });

  registry.register('auth.lock', async (_input, ctx) => {
    if (ctx.session) ctx.session.locked = true;
    return Promise.resolve(null);
  });

  registry.register('auth.unlock', async (input, ctx) => {
    const session = ctx.session;
    if (!session) throw new AppError('UNAUTHENTICATED', 'Veuillez vous connecter.');
    const user = await users().findOneByOrFail({ id: session.userId });
    try {
      await checkPassword(db, user, input.password, 'auth.unlock', clock.now());
    } catch (error) {
      // A locked account cannot keep an open session behind the lock screen.
      if (error instanceof AppError && error.code === 'ACCOUNT_LOCKED') sessions.close(ctx.channel);
      throw error;
    }
    await db.write(ctx.actor, 'auth.unlock', (tx) =>
      tx.audit({ action: 'auth.unlock', entity: 'user', entityId: user.id, summary: {} }),
    );
    session.locked = false;
    sessions.touch(session, clock.now().getTime());
    return sessionInfo(session);
  });

  registry.register('auth.ping', () => Promise.resolve(null));

  // A wrong current password counts towards the lockout like a wrong login; the new one ends the user's other sessions.
  registry.register('auth.changePassword', async (input, ctx) => {
    if (input.newPassword === input.currentPassword) {
      throw new AppError('VALIDATION', 'Le nouveau mot de passe doit différer de l’actuel.', {
        newPassword: 'Choisissez un mot de passe différent de l’actuel.',
      });
    }
    const user = await users().findOneByOrFail({ id: ctx.actor.userId ?? 0 });
    try {
      await checkPassword(db, user, input.currentPassword, 'auth.changePassword', clock.now());
    } catch (error) {
      if (error instanceof AppError && error.code === 'ACCOUNT_LOCKED') sessions.close(ctx.channel);
      if (error instanceof AppError && error.code === 'INVALID_CREDENTIALS') {
        throw new AppError('VALIDATION', 'Le mot de passe actuel est incorrect.', {
          currentPassword: 'Mot de passe incorrect.',
        });
      }
      throw error;
    }
    const passwordHash = await hashPassword(input.newPassword);
    await db.write(ctx.actor, 'auth.changePassword', async (tx) => {
      await tx.em.update(UserEntity, { id: user.id }, { passwordHash, updatedAt: tx.now.toISOString() });
      await tx.audit({
        action: 'auth.changePassword',
        entity: 'user',
        entityId: user.id,
        summary: { password: 'modifié' },
      });
    });
    sessions.closeUser(user.id, ctx.channel);
    return null;
  });
}
