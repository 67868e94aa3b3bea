/** The smallest company identity the settings accept. */
export const validCompany = {
  name: 'HeberDomaine',
  legalForm: 'SARL' as const,
  address: '12, rue Ibn Batouta',
  city: 'Casablanca',
  ice: '001525487000088',
};
