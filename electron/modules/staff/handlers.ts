import type { Registry } from '../../api/registry';
import type { Database } from '../../db/database';
import { diff } from '../../db/database';
import { UserEntity, type UserRow } from '../../db/entities';
import { AppError, notFound } from '../../errors';
import { hashPassword } from '../auth/passwords';
import type { SessionStore } from '../auth/sessions';
import { toStaffDto } from '../auth/staff-dto';

export interface StaffDeps {
  db: Database;
  sessions: SessionStore;
}

async function findUser(db: Database, id: number, em = db.reader): Promise<UserRow> {
  const user = await em.findOneBy(UserEntity, { id });
  if (!user) throw notFound('Membre du personnel');
  return user;
}

export function registerStaffHandlers(registry: Registry, { db, sessions }: StaffDeps): void {
  registry.register('staff.list', async () => {
    const rows = await db.reader.find(UserEntity, { order: { displayName: 'ASC' } });
    return rows.map(toStaffDto);
  });

  registry.register('staff.create', async (input, ctx) => {
    const passwordHash = await hashPassword(input.password);
    const row = await db.write(ctx.actor, 'staff.create', async (tx) => {
      if (await tx.em.existsBy(UserEntity, { username: input.username })) {
        throw new AppError('CONFLICT', 'Cet identifiant est déjà utilisé.', { username: 'Identifiant déjà utilisé.' });
      }
      const at = tx.now.toISOString();
      const saved = await tx.em.save(UserEntity, {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        passwordHash,
        active: true,
        failedAttempts: 0,
        lockedUntil: null,
        createdAt: at,
        updatedAt: at,
      });
      await tx.audit({
        action: 'staff.create',
        entity: 'user',
        entityId: saved.id,
        summary: { username: saved.username, displayName: saved.displayName, role: saved.role },
      });
      return saved;
    });
    return toStaffDto(row);
  });

  registry.register('staff.update', async (input, ctx) => {
    const row = await db.write(ctx.actor, 'staff.update', async (tx) => {
      const before = await findUser(db, input.id, tx.em);
      const losesAdmin = before.role === 'admin' && before.active && (input.role !== 'admin' || !input.active);
      if (losesAdmin) {
        const admins = await tx.em.countBy(UserEntity, { role: 'admin', active: true });
        if (admins <= 1) throw new AppError('CONFLICT', 'Il doit rester au moins un administrateur actif.');
      }
      if (input.id === ctx.actor.userId && !input.active) {
        throw new AppError('CONFLICT', 'Vous ne pouvez pas désactiver votre propre compte.');
      }
      const after = {
        ...before,
        displayName: input.displayName,
        role: input.role,
        active: input.active,
        updatedAt: tx.now.toISOString(),
      };
      await tx.em.update(
        UserEntity,
        { id: input.id },
        { displayName: after.displayName, role: after.role, active: after.active, updatedAt: after.updatedAt },
      );
      const changes = diff(
        { displayName: before.displayName, role: before.role, active: before.active },
        { displayName: after.displayName, role: after.role, active: after.active },
      );
      await tx.audit({ action: 'staff.update', entity: 'user', entityId: input.id, summary: changes });
      return after;
    });
    // A new role or a disabled account takes effect at once: the person logs in again, and an admin who changes
    // their own role keeps the session with the new role from the next call.
    sessions.changeRole(row.id, row.role);
    sessions.closeUser(row.id, ctx.channel);
    return toStaffDto(row);
  });

  registry.register('staff.resetPassword', async (input, ctx) => {
    const passwordHash = await hashPassword(input.password);
    await db.write(ctx.actor, 'staff.resetPassword', async (tx) => {
      await findUser(db, input.id, tx.em);
      await tx.em.update(
        UserEntity,
        { id: input.id },
        { passwordHash, failedAttempts: 0, lockedUntil: null, updatedAt: tx.now.toISOString() },
      );
      await tx.audit({
        action: 'staff.resetPassword',
        entity: 'user',
        entityId: input.id,
        summary: { password: 'réinitialisé' },
      });
    });
    sessions.closeUser(input.id);
    return null;
  });

  registry.register('staff.unlock', async (input, ctx) => {
    const row = await db.write(ctx.actor, 'staff.unlock', async (tx) => {
      const before = await findUser(db, input.id, tx.em);
      await tx.em.update(UserEntity, { id: input.id }, { failedAttempts: 0, lockedUntil: null });
      await tx.audit({
        action: 'staff.unlock',
        entity: 'user',
        entityId: input.id,
        summary: diff(
          { lockedUntil: before.lockedUntil, failedAttempts: before.failedAttempts },
          { lockedUntil: null, failedAttempts: 0 },
        ),
      });
      return { ...before, failedAttempts: 0, lockedUntil: null };
    });
    return toStaffDto(row);
  });
}
