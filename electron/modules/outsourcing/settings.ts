import type { EntityManager } from 'typeorm';
import { outsourcingSettingsSchema, type OutsourcingSettings } from '../../../shared/api/outsourcing';
import { readSection } from '../settings/store';

export const OUTSOURCING = 'outsourcing';

/** Where extra hours are billed: on the next renewal proforma unless the manager chose a proforma of their own. */
export async function outsourcingSettings(em: EntityManager): Promise<OutsourcingSettings> {
  return (await readSection(em, OUTSOURCING, outsourcingSettingsSchema)) ?? outsourcingSettingsSchema.parse({});
}
