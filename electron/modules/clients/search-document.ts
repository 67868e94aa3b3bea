import { phoneSearchForms, searchText } from '../../../shared/search-text';

export interface SearchDocument {
  /** Names, normalised: found by word prefix and by fragment. */
  names: string;
  /** Identifiers, normalised: found by fragment (3+ characters). */
  ids: string;
}

export interface SearchableClient {
  code: string;
  firstName: string;
  lastName: string;
  companyName: string;
  contactPerson: string;
  ice: string;
  cin: string;
  passport: string;
  ifNumber: string;
  rcNumber: string;
}

/**
 * What the search index holds for one client. Used by the use cases and by the raw generators alike, so a client
 * written either way is found the same way. `extraIds` is the hook for other modules (domain names, document numbers).
 */
export function searchDocument(
  client: SearchableClient,
  phones: string[],
  emails: string[],
  extraIds: string[] = [],
): SearchDocument {
  const names = [client.firstName, client.lastName, client.companyName, client.contactPerson].filter(Boolean).join(' ');
  const ids = [
    client.code,
    client.code.replace(/\D/g, ''),
    client.ice,
    client.cin,
    client.passport,
    client.ifNumber,
    client.rcNumber,
    ...phones.flatMap(phoneSearchForms),
    ...emails,
    ...extraIds,
  ].filter(Boolean);
  return { names: searchText(names), ids: ids.map(searchText).join(' ') };
}
