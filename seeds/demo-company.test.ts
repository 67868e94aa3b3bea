import { expect, it } from 'vitest';
import { companySettingsSchema } from '../shared/company';
import { ribKeyMatches } from '../shared/identifiers';
import { demoCompany } from './demo-company';

it('the demo company passes the settings validation, RIB key included', () => {
  expect(companySettingsSchema.safeParse(demoCompany).success).toBe(true);
  expect(ribKeyMatches(demoCompany.rib)).toBe(true);
});
