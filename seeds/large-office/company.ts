import { companySettingsSchema } from '../../shared/company';
import { COMPANY } from '../../electron/modules/settings/handlers';
import { demoCompany } from '../demo-company';
import type { Stage } from './stage';

/** The office's company (its legal mentions are frozen on every document), as an administrator saved it. */
export const companyStage: Stage = {
  name: 'company',
  run({ db, end }) {
    const company = companySettingsSchema.parse(demoCompany);
    db.prepare('INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, 1)').run(
      COMPANY,
      JSON.stringify(company),
      new Date(end.getTime() - 10 * 365.25 * 24 * 3600 * 1000).toISOString(),
    );
    return { settings: 1 };
  },
};
