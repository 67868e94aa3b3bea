import type { EntityManager } from 'typeorm';
import { einvoiceSettingsSchema, type EinvoiceSettings } from '../../../shared/api/einvoice';
import { statement } from '../../db/rows';

export const EINVOICE = 'einvoice';

/** As stored: the settings, and the instant an adapter was first chosen (documents issued since are submitted). */
export interface StoredEinvoiceSettings extends EinvoiceSettings {
  since: string | null;
}

let parsed: { raw: string; value: StoredEinvoiceSettings } | null = null;

export function einvoiceSettings(em: EntityManager): StoredEinvoiceSettings {
  const row = statement(em, 'SELECT "value" FROM "settings" WHERE "key" = ?').get(EINVOICE) as
    { value: string } | undefined;
  if (!row) return { ...einvoiceSettingsSchema.parse({}), since: null };
  if (parsed?.raw !== row.value) {
    const json = JSON.parse(row.value) as { since?: string | null };
    parsed = { raw: row.value, value: { ...einvoiceSettingsSchema.parse(json), since: json.since ?? null } };
  }
  return parsed.value;
}
