import { z } from 'zod';
import { cnssError, iceError, ifError, patenteError, rcError, ribError } from './identifiers';
import { phoneError } from './phone';
import { checkedBy, identifierText, optionalText, requiredIdentifier, requiredText } from './validation';

export const LEGAL_FORMS = [
  'SARL',
  'SARL AU',
  'SA',
  'SNC',
  'SCS',
  'Entreprise individuelle',
  'Auto-entrepreneur',
] as const;

/** The logo travels as a data URL: PNG or JPEG, small enough to embed in every document. */
export const LOGO_MAX_BYTES = 512 * 1024;
const logoDataUrl = z
  .string()
  .max(Math.ceil((LOGO_MAX_BYTES * 4) / 3) + 40, 'Le logo ne doit pas dépasser 512 Ko.')
  .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/, 'Le logo doit être une image PNG ou JPEG.');

const prefix = z
  .string()
  .trim()
  .regex(/^[A-Z]{1,4}$/, 'Le préfixe doit comporter 1 à 4 lettres majuscules (ex. FA).');

export const companySettingsSchema = z
  .object({
    name: requiredText(120),
    legalForm: z.enum(LEGAL_FORMS, { message: 'Choisissez une forme juridique de la liste.' }),
    address: requiredText(200),
    city: requiredText(80),
    phone: optionalText(30).superRefine(checkedBy(phoneError)),
    email: z.union([z.literal(''), z.email('Adresse e-mail invalide.').max(120)]).default(''),
    website: optionalText(120),
    ice: requiredIdentifier(15).superRefine(checkedBy(iceError)),
    ifNumber: identifierText(10).superRefine(checkedBy(ifError)),
    rcNumber: identifierText(10).superRefine(checkedBy(rcError)),
    rcCourt: optionalText(80),
    patente: identifierText(10).superRefine(checkedBy(patenteError)),
    cnss: identifierText(7).superRefine(checkedBy(cnssError)),
    /** Share capital in centimes. */
    capital: z.number().int('Montant en centimes entier attendu.').min(0).max(1e15).default(0),
    rib: identifierText(24).superRefine(checkedBy(ribError)),
    bank: optionalText(80),
    ccpAccount: optionalText(40),
    wafacashBeneficiary: optionalText(120),
    logo: logoDataUrl.nullable().default(null),
    /** Default VAT rate in basis points (2000 = 20 %). */
    defaultVatRate: z.number().int().min(0).max(10000).default(2000),
    prefixes: z
      .object({ proforma: prefix, invoice: prefix, creditNote: prefix, receipt: prefix })
      .default({ proforma: 'PF', invoice: 'FA', creditNote: 'AV', receipt: 'RE' }),
  })
  .superRefine((value, ctx) => {
    const used = Object.entries(value.prefixes);
    for (const [series, p] of used) {
      if (used.some(([other, q]) => other !== series && q === p)) {
        ctx.addIssue({
          code: 'custom',
          path: ['prefixes', series],
          message: 'Chaque série doit avoir son propre préfixe.',
        });
      }
    }
  });

export type CompanySettings = z.output<typeof companySettingsSchema>;
export type CompanySettingsInput = z.input<typeof companySettingsSchema>;

export const securitySettingsSchema = z.object({
  /** Minutes without activity after which the app locks itself (the session stays, the password is asked again). */
  idleLockMinutes: z.number().int().min(1, 'Au moins 1 minute.').max(240, 'Au plus 240 minutes.').default(10),
});
export type SecuritySettings = z.output<typeof securitySettingsSchema>;
