import { AuditEntity } from './audit-entry';
import { BillingRunEntity, BillingRunItemEntity } from './automation';
import { MailMessageEntity } from './mail';
import { DeskEntity } from './desk';
import { EinvoiceSubmissionEntity } from './einvoice';
import { ProductEntity, ProductPriceEntity } from './catalog';
import { ServiceEntity, ServiceEventEntity } from './service';
import { ClientEmailEntity, ClientEntity, ClientPhoneEntity, CounterEntity } from './client';
import { ClientCreditEntity, DocumentAssetEntity, DocumentEntity, DocumentLineEntity } from './document';
import { CashMovementEntity, CashSessionEntity, PaymentAllocationEntity, PaymentEntity } from './payment';
import { SettingEntity } from './setting';
import { UserEntity } from './user';
import { TimeEntryEntity } from './time-entry';

export const entities = [
  UserEntity,
  SettingEntity,
  AuditEntity,
  ClientEntity,
  ClientPhoneEntity,
  ClientEmailEntity,
  CounterEntity,
  ProductEntity,
  ProductPriceEntity,
  ServiceEntity,
  ServiceEventEntity,
  DocumentEntity,
  DocumentLineEntity,
  ClientCreditEntity,
  DocumentAssetEntity,
  CashSessionEntity,
  PaymentEntity,
  PaymentAllocationEntity,
  CashMovementEntity,
  BillingRunEntity,
  BillingRunItemEntity,
  MailMessageEntity,
  DeskEntity,
  EinvoiceSubmissionEntity,
  TimeEntryEntity,
];
export { AuditEntity, ClientEmailEntity, ClientEntity, ClientPhoneEntity, CounterEntity, SettingEntity, UserEntity };
export type { ClientEmailRow, ClientPhoneRow, ClientRow, CounterRow } from './client';
export type { AuditRow } from './audit-entry';
export type { SettingRow } from './setting';
export type { UserRow } from './user';
export { DeskEntity, type DeskRow } from './desk';
export { ProductEntity, ProductPriceEntity, ServiceEntity, ServiceEventEntity };
export type { ProductPriceRow, ProductRow } from './catalog';
export type { ServiceEventRow, ServiceRow } from './service';
export { ClientCreditEntity, DocumentAssetEntity, DocumentEntity, DocumentLineEntity };
export type { ClientCreditRow, DocumentAssetRow, DocumentLineRow, DocumentRow } from './document';
export { CashMovementEntity, CashSessionEntity, PaymentAllocationEntity, PaymentEntity };
export type { CashMovementRow, CashSessionRow, PaymentAllocationRow, PaymentRow } from './payment';
export { BillingRunEntity, BillingRunItemEntity, MailMessageEntity };
export type { BillingRunItemRow, BillingRunRow } from './automation';
export type { MailMessageRow } from './mail';
export { EinvoiceSubmissionEntity };
export type { EinvoiceSubmissionRow } from './einvoice';
export { TimeEntryEntity };
export type { TimeEntryRow } from './time-entry';
