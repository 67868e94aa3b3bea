import { AuditEntity } from './audit-entry';
import { SettingEntity } from './setting';
import { UserEntity } from './user';

export const entities = [UserEntity, SettingEntity, AuditEntity];
export { AuditEntity, SettingEntity, UserEntity };
export type { AuditRow } from './audit-entry';
export type { SettingRow } from './setting';
export type { UserRow } from './user';
