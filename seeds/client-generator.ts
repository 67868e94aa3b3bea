import type { ClientFields, CONSENT_SOURCES } from '../shared/client';
import { blankClientFields } from '../shared/client';
import { normalizePhone } from '../shared/phone';
import {
  ARABIC_COMPANY_ACTIVITIES,
  ARABIC_COMPANY_STEMS,
  COMPANY_ACTIVITIES,
  COMPANY_MAILBOXES,
  COMPANY_STEMS,
  EMAIL_DOMAINS,
  LEGAL_FORM_WEIGHTS,
} from './companies';
import {
  ENGLISH_FAMILY_NAMES,
  ENGLISH_FIRST_NAMES,
  FOREIGN_COUNTRIES,
  FRENCH_FAMILY_NAMES,
  FRENCH_FIRST_NAMES,
} from './names/foreign';
import { FAMILY_NAMES, FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, type BilingualName } from './names/moroccan';
import { CITIES, MOBILE_PREFIXES, STREETS, type City } from './places';
import type { Prng } from './prng';

export interface ClientGeneratorOptions {
  /** Share of companies among the clients (the rest are individuals). */
  companyShare: number;
  consentSource: (typeof CONSENT_SOURCES)[number];
}

const CITY_WEIGHTS = CITIES.map((c) => [c, c.weight] as const);

/** The ways people write a Moroccan number on a form, from a national "0661234567". */
const PHONE_FORMATS: readonly (readonly [(n: string) => string, number])[] = [
  [(n) => `${n.slice(0, 2)} ${n.slice(2, 4)} ${n.slice(4, 6)} ${n.slice(6, 8)} ${n.slice(8)}`, 30],
  [(n) => n, 25],
  [(n) => `${n.slice(0, 4)} ${n.slice(4, 6)} ${n.slice(6, 8)} ${n.slice(8)}`, 10],
  [(n) => `+212 ${n.slice(1, 2)} ${n.slice(2, 4)} ${n.slice(4, 6)} ${n.slice(6, 8)} ${n.slice(8)}`, 10],
  [(n) => `+212${n.slice(1)}`, 8],
  [(n) => `+212 ${n.slice(1, 4)} ${n.slice(4, 6)} ${n.slice(6, 8)} ${n.slice(8)}`, 7],
  [(n) => `${n.slice(0, 4)}-${n.slice(4, 6)}-${n.slice(6, 8)}-${n.slice(8)}`, 4],
  [(n) => `${n.slice(0, 2)}.${n.slice(2, 4)}.${n.slice(4, 6)}.${n.slice(6, 8)}.${n.slice(8)}`, 3],
  [(n) => `00212 ${n.slice(1, 4)} ${n.slice(4, 7)} ${n.slice(7)}`, 3],
];

const NOTES = [
  'Préfère être contacté par WhatsApp.',
  'Paie par virement en fin de mois.',
  'Facture au nom du gérant.',
  'Client historique, très fidèle.',
  'Passe au guichet le samedi matin.',
  'Envoyer les factures par e-mail uniquement.',
] as const;

const TAGS: readonly (readonly [readonly string[], number])[] = [
  [[], 80],
  [['revendeur'], 8],
  [['grand compte'], 4],
  [['VIP'], 4],
  [['revendeur', 'VIP'], 2],
  [['à relancer'], 2],
];

/** Lower-case ASCII for e-mails and domains: "Hélène El Idrissi" → "heleneelidrissi" (or "helene-el-idrissi"). */
export function slug(text: string, separator: '' | '-' = ''): string {
  const words = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.join(separator);
}

/**
 * Generates realistic clients of a Moroccan hosting company, deterministically from the PRNG it is given. Identifiers
 * that the app checks for duplicates (phones, e-mails, ICE, CIN) are unique across one generator's output, as in a
 * well-kept client file; names repeat, as they do in life.
 */
export class ClientGenerator {
  private readonly used = new Set<string>();

  constructor(
    private readonly rng: Prng,
    private readonly options: ClientGeneratorOptions,
  ) {}

  next(): ClientFields {
    return this.rng.chance(this.options.companyShare) ? this.company() : this.individual();
  }

  /** A value not produced before: `first` if it is new, else `retry()` until one is. */
  private unique(kind: string, first: string, retry: () => string): string {
    let value = first;
    while (this.used.has(`${kind}:${value}`)) value = retry();
    this.used.add(`${kind}:${value}`);
    return value;
  }

  /** A random value not produced before by `make`. */
  private fresh(kind: string, make: () => string): string {
    return this.unique(kind, make(), make);
  }

  /** A new phone number that the app accepts (libphonenumber knows every numbering plan's ranges). */
  private phone(make: () => string): string {
    return this.fresh('phone', () => {
      let display = make();
      while (normalizePhone(display) === null) display = make();
      return display;
    });
  }

  private moroccanName(): { first: BilingualName; last: BilingualName } {
    const first = this.rng.pick(this.rng.chance(0.55) ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES);
    return { first, last: this.rng.pick(FAMILY_NAMES) };
  }

  private mobile(): string {
    const national = this.phone(() => `${this.rng.pick(MOBILE_PREFIXES)}${this.rng.digits(6)}`);
    return this.rng.weighted(PHONE_FORMATS)(national);
  }

  private fixed(city: City): string {
    const national = this.phone(() => `${city.areaCode}${this.rng.digits(6)}`);
    return this.rng.weighted(PHONE_FORMATS)(national);
  }

  private personalEmail(first: string, last: string): string {
    const f = slug(first);
    const l = slug(last);
    const local = this.rng.weighted([
      [`${f}.${l}`, 35],
      [`${f}${l}`, 15],
      [`${f.slice(0, 1)}.${l}`, 15],
      [`${l}.${f}`, 10],
      [`${f}_${l}`, 10],
      [`${f}.${l}${this.rng.int(60, 99)}`, 15],
    ]);
    const domain = this.rng.weighted(EMAIL_DOMAINS);
    return this.unique('email', `${local}@${domain}`, () => `${local}${this.rng.int(2, 999)}@${domain}`);
  }

  /** contact@atlas-digital.ma; namesakes get another domain (atlas-digital2.ma), as they would have to. */
  private companyEmail(companyName: string, family: string): string {
    const name = slug(companyName, '-') || slug(family);
    const tld = this.rng.chance(0.7) ? 'ma' : 'com';
    const mailbox = this.rng.pick(COMPANY_MAILBOXES);
    return this.unique('email', `${mailbox}@${name}.${tld}`, () => `${mailbox}@${name}${this.rng.int(2, 999)}.${tld}`);
  }

  private address(city: City): string {
    const street = this.rng.pick(STREETS);
    const quarter = this.rng.pick(city.quarters);
    return this.rng.weighted([
      [`${this.rng.int(1, 250)}, ${street}, ${quarter}`, 50],
      [`Imm. ${this.rng.int(1, 90)}, Appt ${this.rng.int(1, 24)}, ${street}`, 25],
      [`${this.rng.int(1, 120)}, ${street}`, 25],
    ]);
  }

  private cin(city: City): string {
    return this.fresh('cin', () => `${this.rng.pick(city.cinPrefixes)}${this.rng.int(10_000, 999_999)}`);
  }

  private moroccanContacts(c: ClientFields, city: City): void {
    const mobiles = this.rng.weighted([
      [1, 70],
      [2, 22],
      [0, 8],
    ]);
    for (let i = 0; i < mobiles; i++) c.phones.push(this.mobile());
    if (this.rng.chance(0.08)) c.phones.push(this.fixed(city));
  }

  private individual(): ClientFields {
    const c = blankClientFields('individual', this.options.consentSource);
    const city = this.rng.weighted(CITY_WEIGHTS);
    const group = this.rng.weighted([
      ['latin', 72],
      ['arabic', 18],
      ['foreign', 10],
    ] as const);
    if (group === 'foreign') return this.foreigner(c, city);

    const { first, last } = this.moroccanName();
    c.city = city.name;
    if (this.rng.chance(0.7)) c.address = this.address(city);
    if (this.rng.chance(0.85)) c.cin = this.cin(city);
    this.moroccanContacts(c, city);
    if (group === 'arabic') {
      // Typed as on the CIN's Arabic side; the e-mail address is Latin all the same.
      c.firstName = first.arabic;
      c.lastName = last.arabic;
      c.language = 'ar';
      if (this.rng.chance(0.6) || c.phones.length === 0) c.emails.push(this.personalEmail(first.latin, last.latin));
    } else {
      c.firstName = first.latin;
      c.lastName = last.latin;
      c.language = this.rng.weighted([
        ['fr', 85],
        ['ar', 10],
        ['en', 5],
      ] as const);
      if (this.rng.chance(0.85) || c.phones.length === 0) c.emails.push(this.personalEmail(first.latin, last.latin));
    }
    this.extras(c);
    return c;
  }

  private foreigner(c: ClientFields, city: City): ClientFields {
    const english = this.rng.chance(0.2);
    c.firstName = this.rng.pick(english ? ENGLISH_FIRST_NAMES : FRENCH_FIRST_NAMES);
    c.lastName = this.rng.pick(english ? ENGLISH_FAMILY_NAMES : FRENCH_FAMILY_NAMES);
    c.emails.push(this.personalEmail(c.firstName, c.lastName));
    if (this.rng.chance(0.5)) c.passport = this.fresh('passport', () => `${this.rng.digits(2)}FV${this.rng.digits(5)}`);
    if (this.rng.chance(0.4)) {
      // Living in Morocco: a Moroccan number and address, billed in dirhams.
      c.city = city.name;
      c.address = this.address(city);
      c.language = english ? 'en' : 'fr';
      c.phones.push(this.mobile());
    } else {
      const abroad = this.rng.pick(FOREIGN_COUNTRIES.filter((f) => (f.language === 'en') === english));
      c.country = abroad.country;
      c.currency = abroad.currency;
      c.language = abroad.language;
      if (this.rng.chance(0.8)) c.phones.push(this.phone(() => abroad.phone(this.rng.digits(8))));
    }
    this.extras(c);
    return c;
  }

  private company(): ClientFields {
    const c = blankClientFields('company', this.options.consentSource);
    if (this.rng.chance(0.03)) return this.foreignCompany(c);
    const city = this.rng.weighted(CITY_WEIGHTS);
    const legalForm = this.rng.weighted(LEGAL_FORM_WEIGHTS);
    const { first, last } = this.moroccanName();
    c.legalForm = legalForm;
    c.city = city.name;
    c.address = this.address(city);
    c.companyName = this.companyName(legalForm, city, last.latin);
    const arabicContact = this.rng.chance(0.15);
    if (this.rng.chance(0.85)) {
      c.contactPerson = arabicContact ? `${first.arabic} ${last.arabic}` : `${first.latin} ${last.latin}`;
    }
    c.language = this.rng.weighted([
      ['fr', 85],
      ['ar', 10],
      ['en', 5],
    ] as const);
    c.ice = this.fresh('ice', () => `00${this.rng.digits(7)}0000${this.rng.digits(2)}`);
    if (legalForm !== 'Association' && legalForm !== 'Administration') {
      c.ifNumber = String(this.rng.int(1_000_000, 52_999_999));
      c.rcNumber = String(this.rng.int(1_000, 599_999));
      c.patente = String(this.rng.int(10_000_000, 79_999_999));
    }
    if (this.rng.chance(0.7)) c.phones.push(this.fixed(city));
    if (c.phones.length === 0 || this.rng.chance(0.6)) c.phones.push(this.mobile());
    if (this.rng.chance(0.9)) c.emails.push(this.companyEmail(c.companyName, last.latin));
    if (this.rng.chance(0.25)) c.emails.push(this.personalEmail(first.latin, last.latin));
    this.extras(c);
    return c;
  }

  /** A French company buying a .ma domain: no ICE (billed abroad), in euros. */
  private foreignCompany(c: ClientFields): ClientFields {
    const family = this.rng.pick(FRENCH_FAMILY_NAMES);
    c.legalForm = 'Autre';
    c.companyName = `${family} ${this.rng.pick(COMPANY_ACTIVITIES)}`;
    c.contactPerson = `${this.rng.pick(FRENCH_FIRST_NAMES)} ${family}`;
    c.country = 'FR';
    c.currency = 'EUR';
    c.phones.push(
      this.phone(() => `+33 1 ${this.rng.digits(2)} ${this.rng.digits(2)} ${this.rng.digits(2)} ${this.rng.digits(2)}`),
    );
    c.emails.push(this.companyEmail(c.companyName, family));
    this.extras(c);
    return c;
  }

  private companyName(legalForm: string, city: City, family: string): string {
    const stem = this.rng.pick(COMPANY_STEMS);
    const activity = this.rng.pick(COMPANY_ACTIVITIES);
    if (this.rng.chance(0.08))
      return `شركة ${this.rng.pick(ARABIC_COMPANY_STEMS)} ${this.rng.pick(ARABIC_COMPANY_ACTIVITIES)}`;
    switch (legalForm) {
      case 'Association':
        return this.rng.chance(0.5) ? `Association ${stem} pour le développement` : `Association ${stem} ${city.name}`;
      case 'Coopérative':
        return `Coopérative ${stem} ${this.rng.pick(['Argan', 'Safran', 'Miel', 'Olives', 'Tapis'])}`;
      case 'Administration':
        return this.rng.chance(0.5) ? `Commune de ${city.name}` : `Agence urbaine de ${city.name}`;
      case 'Entreprise individuelle':
      case 'Auto-entrepreneur':
        return this.rng.chance(0.5) ? `Ets ${family}` : `${family} ${activity}`;
      default:
        return this.rng.weighted([
          [`${stem} ${activity}`, 60],
          [`${stem} ${activity} ${this.rng.pick(['Maroc', 'Plus', 'Pro', 'Group', city.name])}`, 20],
          [`Groupe ${stem}`, 8],
          [`${family} & Fils`, 6],
          [`${family} Frères ${activity}`, 6],
        ]);
    }
  }

  private extras(c: ClientFields): void {
    c.tags = [...this.rng.weighted(TAGS)];
    if (this.rng.chance(0.05)) c.notes = this.rng.pick(NOTES);
  }
}
