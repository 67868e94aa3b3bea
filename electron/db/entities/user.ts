import { EntitySchema } from 'typeorm';
import type { Role } from '../../../shared/roles';

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  active: boolean;
  failedAttempts: number;
  /** ISO instant, or null when not locked. */
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

export const UserEntity = new EntitySchema<UserRow>({
  name: 'User',
  tableName: 'users',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    username: { type: 'varchar', length: 32 },
    displayName: { name: 'display_name', type: 'varchar', length: 80 },
    role: { type: 'varchar', length: 16 },
    passwordHash: { name: 'password_hash', type: 'varchar', length: 200 },
    active: { type: 'boolean', default: true },
    failedAttempts: { name: 'failed_attempts', type: 'integer', default: 0 },
    lockedUntil: { name: 'locked_until', type: 'varchar', length: 30, nullable: true },
    createdAt: { name: 'created_at', type: 'varchar', length: 30 },
    updatedAt: { name: 'updated_at', type: 'varchar', length: 30 },
  },
  uniques: [{ name: 'uq_users_username', columns: ['username'] }],
});
