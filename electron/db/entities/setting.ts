import { EntitySchema } from 'typeorm';

/** One row per settings section ("company", "security", …), its value a JSON document validated by a shared schema. */
export interface SettingRow {
  key: string;
  value: string;
  updatedAt: string;
  updatedBy: number | null;
}

export const SettingEntity = new EntitySchema<SettingRow>({
  name: 'Setting',
  tableName: 'settings',
  columns: {
    key: { type: 'varchar', length: 60, primary: true },
    value: { type: 'text' },
    updatedAt: { name: 'updated_at', type: 'varchar', length: 30 },
    updatedBy: { name: 'updated_by', type: 'integer', nullable: true },
  },
  relations: {},
});
