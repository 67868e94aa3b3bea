import type { CompanySettingsInput } from '../shared/company';

/**
 * The identity of the demo office: a Casablanca hosting company with identifiers in the right formats (the RIB's key
 * is right). Used by the tests and, later, by the demo office loaded from the UI.
 */
export const demoCompany = {
  name: 'HeberDomaine',
  legalForm: 'SARL',
  address: '12, rue Ibn Batouta, 3e étage',
  city: 'Casablanca',
  phone: '+212 662 16 18 18',
  email: 'contact@heberdomaine.ma',
  website: 'www.heberdomaine.com',
  ice: '001525487000088',
  ifNumber: '15201477',
  rcNumber: '345721',
  rcCourt: 'Casablanca',
  patente: '35702145',
  cnss: '8745123',
  capital: 10_000_000,
  rib: '011780000001234567890187',
  bank: 'Bank of Africa',
  ccpAccount: '1234567 A Casablanca',
  wafacashBeneficiary: 'HeberDomaine SARL',
  defaultVatRate: 2000,
} satisfies CompanySettingsInput;
