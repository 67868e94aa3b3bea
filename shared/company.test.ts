import { describe, expect, it } from 'vitest';
import { companySettingsSchema } from './company';
import { normalizePhone } from './phone';
import { fieldErrors } from './validation';
import { validCompany } from '../test/support/fixtures';

describe('company settings', () => {
  it('fills the defaults', () => {
    const parsed = companySettingsSchema.parse(validCompany);
    expect(parsed.defaultVatRate).toBe(2000);
    expect(parsed.prefixes).toEqual({ proforma: 'PF', invoice: 'FA', creditNote: 'AV', receipt: 'RE' });
    expect(parsed.logo).toBeNull();
  });
  it('gives French messages per field', () => {
    const result = companySettingsSchema.safeParse({ ...validCompany, ice: '12', phone: '123', name: '' });
    expect(result.success).toBe(false);
    const fields = result.success ? {} : fieldErrors(result.error);
    expect(fields.ice).toContain('15 chiffres');
    expect(fields.phone).toContain('téléphone invalide');
    expect(fields.name).toBe('Ce champ est obligatoire.');
  });
  it('refuses two series with the same prefix', () => {
    const result = companySettingsSchema.safeParse({
      ...validCompany,
      prefixes: { proforma: 'FA', invoice: 'FA', creditNote: 'AV', receipt: 'RE' },
    });
    expect(result.success).toBe(false);
  });
  it('refuses a logo that is not a PNG or JPEG data URL', () => {
    expect(companySettingsSchema.safeParse({ ...validCompany, logo: 'data:text/html;base64,PGgxPg==' }).success).toBe(
      false,
    );
  });
});

describe('phones', () => {
  it('normalises Moroccan numbers in any usual format to E.164', () => {
    for (const typed of ['0661234567', '06 61 23 45 67', '+212 661-234567', '00212661234567']) {
      expect(normalizePhone(typed)).toBe('+212661234567');
    }
    expect(normalizePhone('+33 1 42 68 53 00')).toBe('+33142685300');
    expect(normalizePhone('12')).toBeNull();
  });
});
