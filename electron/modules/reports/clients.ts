import { clientDisplayName, type ClientKind } from '../../../shared/client';

/** The columns a report selects to name a client ("c" is the clients table in the query). */
export const CLIENT_COLUMNS =
  'c.code AS clientCode, c.kind AS clientKind, c.first_name AS firstName, c.last_name AS lastName, ' +
  'c.company_name AS companyName, c.legal_form AS legalForm';

export interface ClientColumns {
  clientCode: string;
  clientKind: ClientKind;
  firstName: string;
  lastName: string;
  companyName: string;
  legalForm: string;
}

/** The name shown everywhere else in the app for a client (company with its legal form, or first and last name). */
export function clientNameOf(row: ClientColumns): string {
  return clientDisplayName({
    kind: row.clientKind,
    firstName: row.firstName,
    lastName: row.lastName,
    companyName: row.companyName,
    legalForm: row.legalForm,
  });
}
