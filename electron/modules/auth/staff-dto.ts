import type { StaffDto } from '../../../shared/api';
import type { UserRow } from '../../db/entities';

export function toStaffDto(row: UserRow): StaffDto {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    active: row.active,
    lockedUntil: row.lockedUntil,
    failedAttempts: row.failedAttempts,
    createdAt: row.createdAt,
  };
}
