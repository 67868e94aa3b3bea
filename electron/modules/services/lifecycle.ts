import type { EntityManager } from 'typeorm';
import { lifecycleSettingsSchema } from '../../../shared/api/services';
import { DEFAULT_LIFECYCLE, type LifecycleRules, type ProductKind } from '../../../shared/catalog';
import { readSection } from '../settings/store';

export const LIFECYCLE = 'lifecycle';

/** The days per product kind: the defaults documented in shared/catalog.ts, overridden by the manager's settings. */
export async function lifecycleRules(em: EntityManager): Promise<Record<ProductKind, LifecycleRules>> {
  const saved = (await readSection(em, LIFECYCLE, lifecycleSettingsSchema)) ?? {};
  return { ...DEFAULT_LIFECYCLE, ...saved };
}
