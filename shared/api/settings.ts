import { z } from 'zod';
import type { CompanySettings, SecuritySettings } from '../company';
import { companySettingsSchema, securitySettingsSchema } from '../company';
import { method } from './contract';

export interface SavedCompanySettings {
  settings: CompanySettings;
  /** Saved anyway, but worth a second look (e.g. a RIB whose key does not match). */
  warnings: Record<string, string>;
}

export const settingsApi = {
  'settings.getCompany': method<CompanySettings | null>()({
    input: z.object({}).strict(),
    access: 'cashier',
    mutates: false,
  }),
  'settings.saveCompany': method<SavedCompanySettings>()({
    input: companySettingsSchema,
    access: 'admin',
    mutates: true,
  }),
  'settings.getSecurity': method<SecuritySettings>()({
    input: z.object({}).strict(),
    access: 'cashier',
    mutates: false,
  }),
  'settings.saveSecurity': method<SecuritySettings>()({
    input: securitySettingsSchema,
    access: 'admin',
    mutates: true,
  }),
};
