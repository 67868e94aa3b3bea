import type { EntityManager } from 'typeorm';
import { DEFAULT_STAMP_DUTY, stampDutySettingsSchema, type StampDutySettings } from '../../../shared/stamp-duty';
import { readSection } from '../settings/store';

export const STAMP_DUTY = 'stampDuty';

export async function stampDutySettings(em: EntityManager): Promise<StampDutySettings> {
  return (await readSection(em, STAMP_DUTY, stampDutySettingsSchema)) ?? DEFAULT_STAMP_DUTY;
}
