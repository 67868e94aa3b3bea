import { EntitySchema } from 'typeorm';
import type { BillingCycle } from '../../../shared/catalog';
import type { Currency } from '../../../shared/money';
import type { ServiceStatus, SuspensionReason } from '../../../shared/service-state';

export interface ServiceRow {
  id: number;
  clientId: number;
  productId: number;
  /** The domain name, or the main domain of a hosting account. */
  label: string;
  /** Empty for one-off products. */
  billingCycle: BillingCycle | '';
  currency: Currency;
  anchorDate: string;
  paidMonths: number;
  /** anchor + paid months, kept beside them for the due-date queries. */
  dueDate: string;
  status: ServiceStatus;
  suspensionReason: SuspensionReason | null;
  terminationRequested: boolean;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export const ServiceEntity = new EntitySchema<ServiceRow>({
  name: 'Service',
  tableName: 'services',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    clientId: { name: 'client_id', type: 'integer' },
    productId: { name: 'product_id', type: 'integer' },
    label: { type: 'varchar', length: 253 },
    billingCycle: { name: 'billing_cycle', type: 'varchar', length: 12 },
    currency: { type: 'varchar', length: 3 },
    anchorDate: { name: 'anchor_date', type: 'varchar', length: 10 },
    paidMonths: { name: 'paid_months', type: 'integer', default: 0 },
    dueDate: { name: 'due_date', type: 'varchar', length: 10 },
    status: { type: 'varchar', length: 12 },
    suspensionReason: { name: 'suspension_reason', type: 'varchar', length: 12, nullable: true },
    terminationRequested: { name: 'termination_requested', type: 'boolean', default: false },
    notes: { type: 'text', default: '' },
    createdAt: { name: 'created_at', type: 'varchar', length: 30 },
    updatedAt: { name: 'updated_at', type: 'varchar', length: 30 },
  },
  foreignKeys: [
    { name: 'fk_services_client', columnNames: ['clientId'], target: 'Client', referencedColumnNames: ['id'] },
    { name: 'fk_services_product', columnNames: ['productId'], target: 'Product', referencedColumnNames: ['id'] },
  ],
  indices: [
    { name: 'idx_services_client', columns: ['clientId'] },
    { name: 'idx_services_status_due', columns: ['status', 'dueDate'] },
    { name: 'idx_services_due', columns: ['dueDate'] },
  ],
});

/** Append-only: every change of status, extension and termination request, dated and attributed. */
export interface ServiceEventRow {
  id: number;
  serviceId: number;
  at: string;
  userId: number | null;
  username: string | null;
  /** "status", "extension", "termination_request", "created". */
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  /** JSON: reason, channel, period, late flag… */
  details: string;
}

export const ServiceEventEntity = new EntitySchema<ServiceEventRow>({
  name: 'ServiceEvent',
  tableName: 'service_events',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    serviceId: { name: 'service_id', type: 'integer' },
    at: { type: 'varchar', length: 30 },
    userId: { name: 'user_id', type: 'integer', nullable: true },
    username: { type: 'varchar', length: 32, nullable: true },
    kind: { type: 'varchar', length: 24 },
    fromStatus: { name: 'from_status', type: 'varchar', length: 12, nullable: true },
    toStatus: { name: 'to_status', type: 'varchar', length: 12, nullable: true },
    details: { type: 'text', default: '{}' },
  },
  foreignKeys: [
    { name: 'fk_service_events_service', columnNames: ['serviceId'], target: 'Service', referencedColumnNames: ['id'] },
  ],
  indices: [
    { name: 'idx_service_events_service', columns: ['serviceId'] },
    // Migration 0010: the suspensions and terminations of a month.
    { name: 'idx_service_events_status_at', columns: ['toStatus', 'at', 'fromStatus', 'serviceId'] },
  ],
});
