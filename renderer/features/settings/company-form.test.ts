import { describe, expect, it } from 'vitest';
import { companySettingsSchema } from '../../../shared/company';
import {
  companyFormValues,
  companyInput,
  emptyCompanyForm,
  errorsByTab,
  numberExample,
  tabOfField,
} from './company-form';

describe('company settings form', () => {
  it('reads the capital as money and the VAT rate as basis points', () => {
    const result = companyInput({ ...emptyCompanyForm(), capital: '1 234,50', vatRate: 7.5 });
    expect(result).toMatchObject({ ok: true, input: { capital: 123450, defaultVatRate: 750 } });
  });

  it('refuses an amount that is not money and a rate out of range, without calling the server', () => {
    expect(companyInput({ ...emptyCompanyForm(), capital: '12,345', vatRate: 120 })).toEqual({
      ok: false,
      errors: { capital: 'invalidAmount', vatRate: 'invalidRate' },
    });
    expect(companyInput({ ...emptyCompanyForm(), vatRate: '' })).toMatchObject({
      ok: false,
      errors: { vatRate: 'invalidRate' },
    });
  });

  it('round-trips saved settings through the form', () => {
    const saved = companySettingsSchema.parse({
      name: 'Atlas',
      legalForm: 'SARL',
      address: '12, rue Ibnou Mounir',
      city: 'Casablanca',
      ice: '001234567000089',
      capital: 10_000_050,
      defaultVatRate: 1000,
    });
    const values = companyFormValues(saved);
    expect(values.capital.replace(/\s/g, ' ')).toBe('100 000,50');
    expect(values.vatRate).toBe(10);
    const back = companyInput(values);
    expect(back.ok && companySettingsSchema.parse(back.input)).toEqual(saved);
  });

  it('places every server error path on its tab', () => {
    expect(tabOfField('ice')).toBe('legal');
    expect(tabOfField('prefixes.invoice')).toBe('documents');
    expect(tabOfField('rib')).toBe('bank');
    expect(errorsByTab({ ice: 'x', cnss: 'y', rib: 'z', name: null })).toEqual({ legal: 2, bank: 1 });
  });

  it('shows how a number of a series will look', () => {
    expect(numberExample('FA', 2026)).toBe('FA-2026-000123');
  });
});
