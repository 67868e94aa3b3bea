/**
 * The e-mails Guichet sends, as editable templates: a subject and a plain-text body per kind and language, with
 * {{variables}} filled when the message is composed. French is the reference; a client whose language has no template
 * of its own receives the French one.
 */

export const MAIL_KINDS = [
  'renewal_proforma',
  'overdue_reminder',
  'suspension_notice',
  'payment_receipt',
  'invoice',
  'test',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** The kinds a manager edits (the test message is fixed). */
export const TEMPLATE_KINDS = MAIL_KINDS.filter((k) => k !== 'test');
export type TemplateKind = Exclude<MailKind, 'test'>;

export const MAIL_LANGUAGES = ['fr', 'en', 'ar'] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

export interface MailText {
  subject: string;
  body: string;
}

export interface KindTemplates {
  /** Off: nothing of this kind is queued. */
  enabled: boolean;
  fr: MailText;
  en: MailText;
  ar: MailText;
}

export type MailTemplates = Record<TemplateKind, KindTemplates>;

/** Every variable a template may use, with what it holds; a variable with no value for a message prints empty. */
export const TEMPLATE_VARIABLES = [
  'client',
  'number',
  'amount',
  'balance',
  'dueDate',
  'daysLate',
  'date',
  'services',
  'service',
  'invoices',
  'paymentInstructions',
  'company',
  'companyPhone',
  'companyEmail',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateValues = Partial<Record<TemplateVariable, string>>;

const VARIABLE = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** Fills {{variables}}; unknown or missing ones print empty (the editor refuses unknown names before saving). */
export function fillTemplate(text: string, values: TemplateValues): string {
  return text.replace(VARIABLE, (_all, name: string) => values[name as TemplateVariable] ?? '');
}

/** The variables a text uses that do not exist, for the editor's message. */
export function unknownVariables(text: string): string[] {
  const unknown = new Set<string>();
  for (const match of text.matchAll(VARIABLE)) {
    const name = match[1] ?? '';
    if (!(TEMPLATE_VARIABLES as readonly string[]).includes(name)) unknown.add(name);
  }
  return [...unknown];
}

/** The template of a kind in a client's language, or the French one when that language has none. */
export function templateFor(templates: KindTemplates, language: string): MailText {
  const own = (MAIL_LANGUAGES as readonly string[]).includes(language)
    ? templates[language as MailLanguage]
    : undefined;
  return own && own.subject.trim() !== '' && own.body.trim() !== '' ? own : templates.fr;
}

const SIGNATURE_FR = '\n\nCordialement,\n{{company}}\n{{companyPhone}} {{companyEmail}}';
const SIGNATURE_EN = '\n\nKind regards,\n{{company}}\n{{companyPhone}} {{companyEmail}}';
const NONE: MailText = { subject: '', body: '' };

/** What the company sends until a manager rewrites it (Settings › E-mails). Arabic is left to the company to write. */
export const DEFAULT_TEMPLATES: MailTemplates = {
  renewal_proforma: {
    enabled: true,
    fr: {
      subject: 'Renouvellement de vos services — proforma {{number}}',
      body:
        'Bonjour {{client}},\n\n' +
        'Vos services suivants arrivent à échéance :\n{{services}}\n\n' +
        'Vous trouverez ci-joint la facture proforma {{number}} d’un montant de {{amount}}, à régler avant le ' +
        '{{dueDate}}. Le renouvellement n’est jamais tacite : sans paiement, les services seront suspendus puis ' +
        'résiliés (les noms de domaine passent en période de grâce, avec frais de renouvellement tardif).\n\n' +
        'Règlement à notre guichet, par virement, Wafacash ou La Poste :\n{{paymentInstructions}}' +
        SIGNATURE_FR,
    },
    en: {
      subject: 'Renewal of your services — proforma {{number}}',
      body:
        'Hello {{client}},\n\n' +
        'The following services are coming up for renewal:\n{{services}}\n\n' +
        'Please find attached proforma invoice {{number}} for {{amount}}, payable before {{dueDate}}. Renewal is ' +
        'never automatic: without payment, services are suspended and then terminated (domain names enter their ' +
        'grace period, with a late-renewal fee).\n\n' +
        'You can pay at our office, by bank transfer, Wafacash or La Poste:\n{{paymentInstructions}}' +
        SIGNATURE_EN,
    },
    ar: NONE,
  },
  overdue_reminder: {
    enabled: true,
    fr: {
      subject: 'Rappel : proforma {{number}} échue le {{dueDate}}',
      body:
        'Bonjour {{client}},\n\n' +
        'Sauf erreur de notre part, la facture proforma {{number}} échue le {{dueDate}} n’est pas réglée ' +
        '(reste à payer : {{balance}}). Elle concerne :\n{{services}}\n\n' +
        'Sans règlement dans les prochains jours, les services concernés seront suspendus. Si vous avez déjà ' +
        'payé, merci de ne pas tenir compte de ce message.\n\n{{paymentInstructions}}' +
        SIGNATURE_FR,
    },
    en: {
      subject: 'Reminder: proforma {{number}} was due on {{dueDate}}',
      body:
        'Hello {{client}},\n\n' +
        'Unless we are mistaken, proforma invoice {{number}}, due on {{dueDate}}, is still unpaid (balance: ' +
        '{{balance}}). It covers:\n{{services}}\n\n' +
        'Without payment in the coming days, these services will be suspended. If you have already paid, please ' +
        'disregard this message.\n\n{{paymentInstructions}}' +
        SIGNATURE_EN,
    },
    ar: NONE,
  },
  suspension_notice: {
    enabled: true,
    fr: {
      subject: 'Suspension de votre service {{service}}',
      body:
        'Bonjour {{client}},\n\n' +
        'Faute de paiement, votre service {{service}} est suspendu depuis le {{date}}.\n\n' +
        'Il sera réactivé dès le règlement de la facture proforma {{number}} (reste à payer : {{balance}}). ' +
        'Sans règlement, le compte sera considéré comme abandonné et résilié.\n\n{{paymentInstructions}}' +
        SIGNATURE_FR,
    },
    en: {
      subject: 'Your service {{service}} is suspended',
      body:
        'Hello {{client}},\n\n' +
        'Due to non-payment, your service {{service}} has been suspended since {{date}}.\n\n' +
        'It will be reactivated as soon as proforma invoice {{number}} is paid (balance: {{balance}}). Without ' +
        'payment, the account will be deemed abandoned and terminated.\n\n{{paymentInstructions}}' +
        SIGNATURE_EN,
    },
    ar: NONE,
  },
  payment_receipt: {
    enabled: true,
    fr: {
      subject: 'Votre paiement {{number}} — merci',
      body:
        'Bonjour {{client}},\n\n' +
        'Nous avons bien reçu votre paiement de {{amount}} le {{date}}. Vous trouverez ci-joint le reçu ' +
        '{{number}}{{invoices}}.\n\nMerci de votre confiance.' +
        SIGNATURE_FR,
    },
    en: {
      subject: 'Your payment {{number}} — thank you',
      body:
        'Hello {{client}},\n\n' +
        'We received your payment of {{amount}} on {{date}}. Please find attached receipt {{number}}{{invoices}}.' +
        '\n\nThank you for your trust.' +
        SIGNATURE_EN,
    },
    ar: NONE,
  },
  invoice: {
    enabled: true,
    fr: {
      subject: 'Votre facture {{number}}',
      body:
        'Bonjour {{client}},\n\n' +
        'Vous trouverez ci-joint la facture {{number}} du {{date}}, d’un montant de {{amount}}, réglée.' +
        SIGNATURE_FR,
    },
    en: {
      subject: 'Your invoice {{number}}',
      body:
        'Hello {{client}},\n\n' +
        'Please find attached invoice {{number}} dated {{date}}, for {{amount}}, paid in full.' +
        SIGNATURE_EN,
    },
    ar: NONE,
  },
};

/** The test message of the SMTP settings: fixed, in French. */
export const TEST_MESSAGE: MailText = {
  subject: 'Guichet : e-mail de test',
  body:
    'Bonjour,\n\nCe message de test confirme que Guichet peut envoyer des e-mails avec les paramètres SMTP ' +
    'enregistrés.\n\n{{company}}',
};
