import { IMPORT_FIELDS, type ImportField } from './api/clients';
import { searchText } from './search-text';

/** Column titles other billing systems use, in French and English, for each field a client import can fill. */
const SYNONYMS: Record<ImportField, string[]> = {
  kind: ['type', 'type client', 'kind', 'categorie'],
  firstName: ['prenom', 'first name', 'firstname', 'given name'],
  lastName: ['nom', 'nom de famille', 'last name', 'lastname', 'surname', 'family name'],
  companyName: ['societe', 'raison sociale', 'entreprise', 'company', 'company name', 'organisation', 'organization'],
  legalForm: ['forme juridique', 'legal form', 'forme'],
  contactPerson: ['contact', 'personne a contacter', 'contact person', 'interlocuteur'],
  email: ['email', 'e mail', 'courriel', 'adresse email', 'mail'],
  phone: ['telephone', 'tel', 'phone', 'mobile', 'gsm', 'portable', 'phone number'],
  address: ['adresse', 'address', 'address 1', 'adresse 1', 'rue'],
  city: ['ville', 'city', 'localite'],
  country: ['pays', 'country', 'code pays'],
  language: ['langue', 'language'],
  currency: ['devise', 'currency', 'monnaie'],
  ice: ['ice', 'identifiant commun de l entreprise'],
  ifNumber: ['if', 'identifiant fiscal', 'tax id'],
  rcNumber: ['rc', 'registre de commerce', 'registre du commerce'],
  patente: ['patente', 'tp', 'taxe professionnelle'],
  cin: ['cin', 'cni', 'carte nationale', 'national id'],
  passport: ['passeport', 'passport'],
  notes: ['notes', 'note', 'remarques', 'commentaire', 'comments'],
};

/** Suggests which column feeds which field, from the header row; the person checks and corrects it. */
export function suggestMapping(headers: string[]): Partial<Record<ImportField, number>> {
  const mapping: Partial<Record<ImportField, number>> = {};
  const normalized = headers.map((h) => searchText(h).replace(/[.@+]/g, ' ').replace(/\s+/g, ' ').trim());
  for (const field of IMPORT_FIELDS) {
    const index = normalized.findIndex((h) => SYNONYMS[field].includes(h));
    if (index >= 0 && !Object.values(mapping).includes(index)) mapping[field] = index;
  }
  return mapping;
}
