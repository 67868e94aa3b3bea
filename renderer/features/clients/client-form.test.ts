import { describe, expect, it } from 'vitest';
import type { ClientDto } from '../../../shared/api';
import { clientInputSchema } from '../../../shared/client';
import { clientFormErrors, clientFormValues, duplicateQuery, emptyClientForm, prepareClient } from './client-form';

const company = {
  ...emptyClientForm(),
  kind: 'company' as const,
  companyName: 'Étoile Numérique',
  legalForm: 'SARL',
  ice: '001525874000062',
  firstName: 'left over',
  cin: 'AB123456',
};

describe('client form', () => {
  it('drops empty contact rows and remembers which row each value came from', () => {
    const prepared = prepareClient({
      ...emptyClientForm(),
      firstName: 'Hélène',
      lastName: 'Skalli',
      phones: ['', '0661 23 45 67', '  ', '0700112233'],
      emails: ['h@example.ma', ''],
    });
    expect(prepared.input.phones).toEqual(['0661 23 45 67', '0700112233']);
    expect(prepared.input.emails).toEqual(['h@example.ma']);
    expect(prepared.phoneRows).toEqual([1, 3]);
    expect(prepared.emailRows).toEqual([0]);
    expect(clientInputSchema.safeParse(prepared.input).success).toBe(true);
  });

  it("clears the other kind's fields, so a hidden field never blocks the save", () => {
    const { input } = prepareClient({ ...company, phones: ['0522 45 67 89'] });
    expect(input).toMatchObject({ kind: 'company', firstName: '', cin: '', companyName: 'Étoile Numérique' });
    const individual = prepareClient({ ...company, kind: 'individual', lastName: 'Skalli' }).input;
    expect(individual).toMatchObject({ companyName: '', legalForm: '', ice: '', cin: 'AB123456' });
  });

  it('puts the server errors on the form rows they belong to, for a creation and an update', () => {
    const rows = { phoneRows: [1, 3], emailRows: [0, 2] };
    expect(
      clientFormErrors({ 'phones.1': 'Numéro invalide.', 'emails.1': 'Adresse invalide.', ice: 'ICE ?' }, rows),
    ).toEqual({ 'phones.3': 'Numéro invalide.', 'emails.2': 'Adresse invalide.', ice: 'ICE ?' });
    expect(clientFormErrors({ 'client.phones.0': 'Numéro invalide.', 'client.phones': 'Au moins un.' }, rows)).toEqual({
      'phones.1': 'Numéro invalide.',
      phones: 'Au moins un.',
    });
  });

  it('asks the duplicate check only about complete phones, e-mails and ICE', () => {
    expect(duplicateQuery({ ...emptyClientForm(), phones: ['0661'], emails: ['h@'] })).toBeNull();
    expect(
      duplicateQuery({ ...company, phones: ['06 61 23 45 67', '05'], emails: ['contact@etoile.ma', 'x@y'] }, 7),
    ).toEqual({ phones: ['06 61 23 45 67'], emails: ['contact@etoile.ma'], ice: '001525874000062', excludeId: 7 });
    expect(duplicateQuery({ ...company, kind: 'individual', phones: [''] })).toBeNull();
  });

  it('reads a saved client back into the form with one empty row for an empty list', () => {
    const saved = {
      ...prepareClient({ ...company, phones: ['0522 45 67 89'] }).input,
      id: 3,
      code: 'CL-000003',
      displayName: 'Étoile Numérique SARL',
      phones: [{ e164: '+212522456789', display: '0522 45 67 89' }],
      emails: [],
      tags: ['vip'],
      status: 'active',
      consentAt: '',
      anonymizedAt: null,
      createdAt: '',
      updatedAt: '',
    } as unknown as ClientDto;
    const values = clientFormValues(saved);
    expect(values.phones).toEqual(['0522 45 67 89']);
    expect(values.emails).toEqual(['']);
    expect(values.tags).toEqual(['vip']);
  });
});
