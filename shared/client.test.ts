import { describe, expect, it } from 'vitest';
import { clientDisplayName, clientInputSchema, formatClientCode } from './client';
import { fieldErrors } from './validation';

const errorsOf = (input: unknown) => {
  const result = clientInputSchema.safeParse(input);
  return result.success ? {} : fieldErrors(result.error);
};

describe('client input', () => {
  it('accepts an individual with a CIN and a company with its ICE', () => {
    expect(
      errorsOf({ kind: 'individual', firstName: 'Youssef', lastName: 'Tazi', phones: ['0612345678'], cin: 'be123456' }),
    ).toEqual({});
    expect(
      errorsOf({
        kind: 'company',
        companyName: 'Atlas',
        legalForm: 'SARL',
        emails: ['a@atlas.ma'],
        ice: '001525487000088',
      }),
    ).toEqual({});
  });

  it('keeps the phone as typed and normalises CIN and passport to capitals', () => {
    const parsed = clientInputSchema.parse({
      kind: 'individual',
      firstName: 'A',
      lastName: 'B',
      phones: [' 06 12 34 56 78 '],
      cin: 'be123456',
      passport: 'x1234567',
    });
    expect(parsed.phones).toEqual(['06 12 34 56 78']);
    expect(parsed.cin).toBe('BE123456');
    expect(parsed.passport).toBe('X1234567');
  });

  it('asks for what each kind needs, in French', () => {
    expect(errorsOf({ kind: 'individual', phones: ['0612345678'] })).toEqual({
      firstName: 'Le prénom est obligatoire.',
      lastName: 'Le nom est obligatoire.',
    });
    expect(errorsOf({ kind: 'company', companyName: 'Atlas', phones: ['0612345678'] })).toEqual({
      legalForm: 'La forme juridique est obligatoire pour une entreprise.',
      ice: "L'ICE est obligatoire pour une entreprise facturée au Maroc.",
    });
    // A company invoiced abroad needs no ICE.
    expect(
      errorsOf({ kind: 'company', companyName: 'Dupont', legalForm: 'SA', country: 'FR', emails: ['a@b.fr'] }),
    ).toEqual({});
    expect(errorsOf({ kind: 'individual', firstName: 'A', lastName: 'B' })).toEqual({
      phones: 'Indiquez au moins un téléphone ou une adresse e-mail.',
    });
  });

  it('refuses invalid identifiers and contacts field by field', () => {
    expect(
      errorsOf({
        kind: 'individual',
        firstName: 'A',
        lastName: 'B',
        phones: ['0612'],
        emails: ['x@'],
        cin: '12AB',
        passport: 'P-1',
        country: 'Maroc',
      }),
    ).toEqual({
      'phones.0': 'Numéro de téléphone invalide (ex. 0661 23 45 67 ou +212 661 23 45 67).',
      'emails.0': 'Adresse e-mail invalide.',
      cin: 'Le numéro de CIN doit comporter une ou deux lettres majuscules suivies de 1 à 6 chiffres (ex. AB123456).',
      passport: 'Numéro de passeport : 5 à 20 lettres ou chiffres.',
      country: 'Code pays sur deux lettres (ex. MA).',
    });
  });
});

it('names and codes clients', () => {
  expect(
    clientDisplayName({ kind: 'company', companyName: 'Atlas', legalForm: 'SARL', firstName: '', lastName: '' }),
  ).toBe('Atlas SARL');
  expect(
    clientDisplayName({ kind: 'individual', firstName: 'محمد', lastName: 'العلوي', companyName: '', legalForm: '' }),
  ).toBe('محمد العلوي');
  expect(formatClientCode(123)).toBe('CL-000123');
});
