import type { CLIENT_LEGAL_FORMS } from '../shared/client';

type LegalForm = (typeof CLIENT_LEGAL_FORMS)[number];

/** The first word of many Moroccan trade names: places, landmarks, good omens. */
export const COMPANY_STEMS = [
  'Atlas',
  'Sahara',
  'Maghreb',
  'Anfa',
  'Argan',
  'Oasis',
  'Médina',
  'Kasbah',
  'Al Amal',
  'Al Baraka',
  'Nour',
  'Riad',
  'Zagora',
  'Tafilalet',
  'Souss',
  'Bouregreg',
  'Toubkal',
  'Menara',
  'Palmeraie',
  'Andalous',
  'Majorelle',
  'Oudaya',
  'Atlantique',
  'Mogador',
  'Volubilis',
  'Tingis',
  'Sebou',
  'Draa',
  'Chellah',
  'Ifriqiya',
] as const;

/** What the company does, as it appears in its name. */
export const COMPANY_ACTIVITIES = [
  'Digital',
  'Consulting',
  'Travaux',
  'Négoce',
  'Web',
  'Immobilier',
  'Services',
  'Informatique',
  'Transport',
  'Distribution',
  'Import Export',
  'Conseil',
  'Études',
  'Agro',
  'Tourisme',
  'Voyages',
  'Médical',
  'Textile',
  'Bâtiment',
  'Énergie',
  'Solaire',
  'Logistique',
  'Communication',
  'Événementiel',
  'Formation',
  'Sécurité',
  'Électricité',
  'Télécom',
  'Hôtellerie',
  'Cosmétiques',
] as const;

/** Arabic trade names, "شركة <stem> <activity>": a company may register and be known under its Arabic name. */
export const ARABIC_COMPANY_STEMS = [
  'الأطلس',
  'الصحراء',
  'المغرب',
  'أنفا',
  'الأركان',
  'الواحة',
  'النور',
  'البركة',
  'الأمل',
  'سوس',
] as const;
export const ARABIC_COMPANY_ACTIVITIES = [
  'للتجارة',
  'للخدمات',
  'للأشغال',
  'للاستشارات',
  'للنقل',
  'للعقار',
  'للمعلوميات',
  'للسياحة',
] as const;

/** How often each legal form appears among the company clients of a hosting company (SARL far ahead). */
export const LEGAL_FORM_WEIGHTS: readonly (readonly [LegalForm, number])[] = [
  ['SARL', 45],
  ['SARL AU', 25],
  ['SA', 6],
  ['SNC', 1],
  ['SCS', 1],
  ['GIE', 1],
  ['Association', 6],
  ['Coopérative', 3],
  ['Entreprise individuelle', 5],
  ['Auto-entrepreneur', 5],
  ['Administration', 1],
  ['Autre', 1],
];

export const EMAIL_DOMAINS = [
  ['gmail.com', 50],
  ['hotmail.com', 12],
  ['yahoo.fr', 10],
  ['outlook.fr', 6],
  ['menara.ma', 5],
  ['live.fr', 4],
  ['icloud.com', 3],
  ['iam.net.ma', 2],
] as const;

export const COMPANY_MAILBOXES = ['contact', 'info', 'direction', 'compta', 'commercial', 'admin'] as const;
