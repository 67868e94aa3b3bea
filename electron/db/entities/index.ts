import { AuditEntity } from './audit-entry';
import { ClientEmailEntity, ClientEntity, ClientPhoneEntity, CounterEntity } from './client';
import { SettingEntity } from './setting';
import { UserEntity } from './user';

export const entities = [
  UserEntity,
  SettingEntity,
  AuditEntity,
  ClientEntity,
  ClientPhoneEntity,
  ClientEmailEntity,
  CounterEntity,
];
export { AuditEntity, ClientEmailEntity, ClientEntity, ClientPhoneEntity, CounterEntity, SettingEntity, UserEntity };
export type { ClientEmailRow, ClientPhoneRow, ClientRow, CounterRow } from './client';
export type { AuditRow } from './audit-entry';
export type { SettingRow } from './setting';
export type { UserRow } from './user';
