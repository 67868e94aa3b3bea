import { z } from 'zod';
import { cinError, iceError, ifError, patenteError, rcError } from './identifiers';
import { CURRENCIES } from './money';
import { normalizePhone } from './phone';
import { checkedBy, compactIdentifier, identifierText, optionalText, text } from './validation';

export const CLIENT_KINDS = ['individual', 'company'] as const;
export type ClientKind = (typeof CLIENT_KINDS)[number];
export const CLIENT_STATUSES = ['active', 'suspended', 'abandoned', 'terminated'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];
export const LANGUAGES = ['fr', 'ar', 'en'] as const;
/** How the personal data reached us (Law 09-08: the record of consent and source). */
export const CONSENT_SOURCES = ['counter', 'phone', 'email', 'website', 'import'] as const;
export const CLIENT_LEGAL_FORMS = [
  'SARL',
  'SARL AU',
  'SA',
  'SNC',
  'SCS',
  'GIE',
  'Association',
  'Coopérative',
  'Entreprise individuelle',
  'Auto-entrepreneur',
  'Administration',
  'Autre',
] as const;

/** A phone as typed: kept for display, normalised to E.164 for search and duplicates. */
export const phoneInput = text(30)
  .min(1, 'Numéro vide.')
  .refine((v) => normalizePhone(v) !== null, 'Numéro de téléphone invalide (ex. 0661 23 45 67 ou +212 661 23 45 67).');

const email = z.string().trim().toLowerCase().max(120).pipe(z.email('Adresse e-mail invalide.'));
const tag = text(30).min(1);

export const clientInputSchema = z
  .object({
    kind: z.enum(CLIENT_KINDS, { message: 'Choisissez particulier ou entreprise.' }),
    firstName: optionalText(60),
    lastName: optionalText(60),
    companyName: optionalText(120),
    legalForm: z.union([z.literal(''), z.enum(CLIENT_LEGAL_FORMS)]).default(''),
    contactPerson: optionalText(120),
    emails: z.array(email).max(5, 'Cinq adresses au plus.').default([]),
    phones: z.array(phoneInput).max(5, 'Cinq numéros au plus.').default([]),
    address: optionalText(200),
    city: optionalText(80),
    /** ISO 3166 alpha-2. */
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'Code pays sur deux lettres (ex. MA).')
      .default('MA'),
    language: z.enum(LANGUAGES).default('fr'),
    currency: z.enum(CURRENCIES).default('MAD'),
    ice: identifierText(15).superRefine(checkedBy(iceError)),
    ifNumber: identifierText(10).superRefine(checkedBy(ifError)),
    rcNumber: identifierText(10).superRefine(checkedBy(rcError)),
    patente: identifierText(10).superRefine(checkedBy(patenteError)),
    cin: z
      .string()
      .transform(compactIdentifier)
      .pipe(z.string().toUpperCase().max(10))
      .default('')
      .superRefine(checkedBy(cinError)),
    passport: z
      .string()
      .trim()
      .toUpperCase()
      .max(20)
      .regex(/^([A-Z0-9]{5,20})?$/, 'Numéro de passeport : 5 à 20 lettres ou chiffres.')
      .default(''),
    notes: optionalText(2000),
    tags: z.array(tag).max(10).default([]),
    consentSource: z.enum(CONSENT_SOURCES).default('counter'),
  })
  .strict()
  .superRefine((c, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (c.kind === 'company') {
      if (!c.companyName) issue('companyName', 'La raison sociale est obligatoire pour une entreprise.');
      if (!c.legalForm) issue('legalForm', 'La forme juridique est obligatoire pour une entreprise.');
      if (c.country === 'MA' && !c.ice) issue('ice', "L'ICE est obligatoire pour une entreprise facturée au Maroc.");
    } else {
      if (!c.lastName) issue('lastName', 'Le nom est obligatoire.');
      if (!c.firstName) issue('firstName', 'Le prénom est obligatoire.');
    }
    if (c.phones.length === 0 && c.emails.length === 0) {
      issue('phones', 'Indiquez au moins un téléphone ou une adresse e-mail.');
    }
  });

export type ClientInput = z.input<typeof clientInputSchema>;
export type ClientFields = z.output<typeof clientInputSchema>;

/** The name shown everywhere: the company's name with its legal form, or "First LAST". */
export function clientDisplayName(c: {
  kind: ClientKind;
  firstName: string;
  lastName: string;
  companyName: string;
  legalForm: string;
}): string {
  if (c.kind === 'company') return c.legalForm ? `${c.companyName} ${c.legalForm}` : c.companyName;
  return `${c.firstName} ${c.lastName}`.trim();
}

export function formatClientCode(n: number): string {
  return `CL-${String(n).padStart(6, '0')}`;
}

/** A client of the given kind with nothing filled in: every field at its default. */
export function blankClientFields(
  kind: ClientKind,
  consentSource: ClientFields['consentSource'] = 'counter',
): ClientFields {
  return {
    kind,
    firstName: '',
    lastName: '',
    companyName: '',
    legalForm: '',
    contactPerson: '',
    emails: [],
    phones: [],
    address: '',
    city: '',
    country: 'MA',
    language: 'fr',
    currency: 'MAD',
    ice: '',
    ifNumber: '',
    rcNumber: '',
    patente: '',
    cin: '',
    passport: '',
    notes: '',
    tags: [],
    consentSource,
  };
}
