import { EntitySchema } from 'typeorm';

/**
 * Time spent on an outsourcing service (a mission or a monthly contract): editable by its author until the hours it
 * counts in are invoiced, then frozen; never deleted (migration 0014).
 */
export interface TimeEntryRow {
  id: number;
  serviceId: number;
  clientId: number;
  /** The Casablanca calendar day the work was done. */
  workDate: string;
  minutes: number;
  /** Who did the work: the staff member who recorded it. */
  userId: number;
  username: string;
  description: string;
  createdAt: string;
  updatedAt: string;
}

export const TimeEntryEntity = new EntitySchema<TimeEntryRow>({
  name: 'TimeEntry',
  tableName: 'time_entries',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    serviceId: { name: 'service_id', type: 'integer' },
    clientId: { name: 'client_id', type: 'integer' },
    workDate: { name: 'work_date', type: 'varchar', length: 10 },
    minutes: { type: 'integer' },
    userId: { name: 'user_id', type: 'integer' },
    username: { type: 'varchar', length: 32 },
    description: { type: 'text', default: '' },
    createdAt: { name: 'created_at', type: 'varchar', length: 30 },
    updatedAt: { name: 'updated_at', type: 'varchar', length: 30 },
  },
  foreignKeys: [
    { name: 'fk_time_entries_service', columnNames: ['serviceId'], target: 'Service', referencedColumnNames: ['id'] },
    { name: 'fk_time_entries_client', columnNames: ['clientId'], target: 'Client', referencedColumnNames: ['id'] },
  ],
  indices: [
    { name: 'idx_time_entries_service', columns: ['serviceId', 'workDate'] },
    { name: 'idx_time_entries_person', columns: ['userId', 'workDate'] },
    { name: 'idx_time_entries_client', columns: ['clientId', 'workDate'] },
    { name: 'idx_time_entries_date', columns: ['workDate', 'serviceId', 'minutes'] },
  ],
});
