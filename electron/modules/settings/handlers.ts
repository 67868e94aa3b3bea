import { companySettingsSchema, securitySettingsSchema, type CompanySettings } from '../../../shared/company';
import { expectedRibKey, ribKeyMatches } from '../../../shared/identifiers';
import type { Registry } from '../../api/registry';
import type { Database } from '../../db/database';
import type { SessionStore } from '../auth/sessions';
import { readSection, writeSection } from './store';

export const COMPANY = 'company';
export const SECURITY = 'security';

export interface SettingsDeps {
  db: Database;
  sessions: SessionStore;
}

/** Saved anyway, but shown to the admin: a RIB key that does not match is more often a typo than a real RIB. */
export function companyWarnings(settings: CompanySettings): Record<string, string> {
  const warnings: Record<string, string> = {};
  if (settings.rib && !ribKeyMatches(settings.rib)) {
    warnings.rib = `La clé du RIB ne correspond pas au numéro (clé attendue : ${expectedRibKey(settings.rib)}). Vérifiez-le.`;
  }
  return warnings;
}

export async function readSecurity(db: Database) {
  return (await readSection(db.reader, SECURITY, securitySettingsSchema)) ?? securitySettingsSchema.parse({});
}

export function registerSettingsHandlers(registry: Registry, { db, sessions }: SettingsDeps): void {
  registry.register('settings.getCompany', () => readSection(db.reader, COMPANY, companySettingsSchema));

  registry.register('settings.saveCompany', async (input, ctx) => {
    await db.write(ctx.actor, 'settings.saveCompany', async (tx) => {
      const before = await readSection(tx.em, COMPANY, companySettingsSchema);
      await writeSection(tx, COMPANY, input, before, ctx.actor.userId, ['logo']);
    });
    return { settings: input, warnings: companyWarnings(input) };
  });

  registry.register('settings.getSecurity', () => readSecurity(db));

  registry.register('settings.saveSecurity', async (input, ctx) => {
    await db.write(ctx.actor, 'settings.saveSecurity', async (tx) => {
      const before = await readSection(tx.em, SECURITY, securitySettingsSchema);
      await writeSection(tx, SECURITY, input, before, ctx.actor.userId);
    });
    sessions.setIdleLockMinutes(input.idleLockMinutes);
    return input;
  });
}
