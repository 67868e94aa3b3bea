import { expect, it } from 'vitest';
import { suggestMapping } from './import-mapping';

it('suggests the column mapping from French or English headers, accents and case aside', () => {
  const headers = [
    'Type',
    'Prénom',
    'NOM',
    'Société',
    'Forme juridique',
    'Téléphone',
    'E-mail',
    'Ville',
    'ICE',
    'Divers',
  ];
  expect(suggestMapping(headers)).toEqual({
    kind: 0,
    firstName: 1,
    lastName: 2,
    companyName: 3,
    legalForm: 4,
    phone: 5,
    email: 6,
    city: 7,
    ice: 8,
  });
  expect(suggestMapping(['First name', 'Last name', 'Company', 'Phone number', 'Email'])).toEqual({
    firstName: 0,
    lastName: 1,
    companyName: 2,
    phone: 3,
    email: 4,
  });
});
