import type { EntityManager } from 'typeorm';
import { clientDisplayName } from '../../../shared/client';
import type { CompanySettings } from '../../../shared/company';
import { businessDate } from '../../../shared/dates';
import { fillTemplate, templateFor, TEST_MESSAGE, type TemplateValues } from '../../../shared/mail-templates';
import { formatMoney } from '../../../shared/money';
import { daysBetween, formatCalendarDate } from '../../../shared/periods';
import type { Actor, Database } from '../../db/database';
import {
  ClientEmailEntity,
  ClientEntity,
  DocumentEntity,
  ServiceEntity,
  type DocumentRow,
  type MailMessageRow,
} from '../../db/entities';
import { receiptPdf } from '../../pdf/receipt';
import { renderDocument, sealDocument, sha256 } from '../documents/printing';
import { openProformas } from '../documents/renewals';
import { linesOf } from '../documents/repository';
import { companySettings, liveSeller } from '../documents/snapshot';
import { findPayment, paymentDtos } from '../payments/repository';
import { stampDutySettings } from '../payments/settings';
import { mailTemplates } from './settings';

export interface Attachment {
  filename: string;
  content: Buffer;
}

export interface ComposedMail {
  to: string;
  language: string;
  subject: string;
  body: string;
  attachments: Attachment[];
  attachmentNames: string[];
}

/** A message that cannot be composed as things are (no address, no company): sending it again will not help. */
export class ComposeProblem extends Error {}

/** A message that lost its object before it went out (the proforma was paid or cancelled meanwhile). */
export class NoLongerNeeded extends Error {}

const SYSTEM: Actor = { userId: null, username: null };
const OPEN: readonly string[] = ['issued', 'partially_paid'];
const STATUS_FR: Record<string, string> = { paid: 'réglée', cancelled: 'annulée' };
const FILE_PREFIX = { proforma: 'proforma', invoice: 'facture', credit_note: 'avoir' } as const;

const LABELS = {
  fr: { rib: 'RIB', ccp: 'CCP', wafacash: 'Wafacash, bénéficiaire', invoice: 'la facture', invoices: 'les factures' },
  en: {
    rib: 'Bank account (RIB)',
    ccp: 'CCP',
    wafacash: 'Wafacash, beneficiary',
    invoice: 'invoice',
    invoices: 'invoices',
  },
};
const labelsOf = (language: string) => (language === 'en' ? LABELS.en : LABELS.fr);

function paymentInstructions(c: CompanySettings, language: string): string {
  const l = labelsOf(language);
  return [
    c.rib ? `${l.rib} : ${c.rib}${c.bank ? ` (${c.bank})` : ''}` : '',
    c.ccpAccount ? `${l.ccp} : ${c.ccpAccount}` : '',
    c.wafacashBeneficiary ? `${l.wafacash} : ${c.wafacashBeneficiary}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

async function documentOf(em: EntityManager, id: number | null): Promise<DocumentRow> {
  const row = id === null ? null : await em.findOneBy(DocumentEntity, { id });
  if (!row?.number) throw new ComposeProblem('Le document de ce message est introuvable ou non émis.');
  return row;
}

/** The original PDF of an issued document, sealed first if its seal had not been taken yet (Law 53-05). */
async function originalPdf(db: Database, row: DocumentRow): Promise<Attachment> {
  // A proforma's original is the one issued, before anything was paid on it ("Déjà réglé" is printed afterwards).
  const pdf = await renderDocument(db.reader, row.type === 'proforma' ? { ...row, paid: 0 } : row, 'original');
  const sealed = row.pdfSha256 ?? (await sealDocument(db, SYSTEM, row.id));
  if (sealed !== sha256(pdf)) {
    throw new ComposeProblem(
      `Le PDF de ${row.number ?? ''} ne correspond plus à l'original scellé : rien n'est envoyé.`,
    );
  }
  return { filename: `${FILE_PREFIX[row.type]}-${row.number ?? row.id}.pdf`, content: pdf };
}

async function servicesText(em: EntityManager, row: DocumentRow): Promise<string> {
  const lines = await linesOf(em, row.id);
  return lines.map((l) => `- ${l.description}`).join('\n');
}

interface Parts {
  values: TemplateValues;
  attachments: () => Promise<Attachment[]>;
}

async function partsOf(db: Database, row: MailMessageRow, language: string, today: string): Promise<Parts> {
  const em = db.reader;
  const none = () => Promise.resolve([]);
  switch (row.kind) {
    case 'renewal_proforma':
    case 'overdue_reminder': {
      const doc = await documentOf(em, row.documentId);
      if (!OPEN.includes(doc.status)) {
        throw new NoLongerNeeded(
          `La proforma ${doc.number ?? ''} est ${STATUS_FR[doc.status] ?? doc.status} : message sans objet.`,
        );
      }
      return {
        values: {
          number: doc.number ?? '',
          amount: formatMoney(doc.ttc, doc.currency),
          balance: formatMoney(doc.ttc - doc.paid, doc.currency),
          dueDate: doc.dueDate ? formatCalendarDate(doc.dueDate) : '',
          daysLate: doc.dueDate ? String(Math.max(0, daysBetween(doc.dueDate, today))) : '',
          services: await servicesText(em, doc),
        },
        attachments: async () => [await originalPdf(db, doc)],
      };
    }
    case 'suspension_notice': {
      const service = row.serviceId === null ? null : await em.findOneBy(ServiceEntity, { id: row.serviceId });
      if (!service) throw new ComposeProblem('Le service de ce message est introuvable.');
      if (service.status !== 'suspended') {
        throw new NoLongerNeeded(`Le service ${service.label} n'est plus suspendu : message sans objet.`);
      }
      const open = (await openProformas(em, [service.id])).get(service.id);
      const doc = open ? await em.findOneBy(DocumentEntity, { id: open.id }) : null;
      return {
        values: {
          service: service.label,
          date: formatCalendarDate(businessDate(new Date(row.createdAt))),
          number: doc?.number ?? '',
          balance: doc ? formatMoney(doc.ttc - doc.paid, doc.currency) : '',
        },
        attachments: async () => (doc ? [await originalPdf(db, doc)] : []),
      };
    }
    case 'payment_receipt': {
      const [payment] = await paymentDtos(em, [await findPayment(em, row.paymentId ?? 0)]);
      if (!payment) throw new ComposeProblem('Le paiement de ce message est introuvable.');
      const l = labelsOf(language);
      const numbers = payment.invoices.map((i) => i.number ?? '').filter(Boolean);
      const invoices =
        numbers.length === 0
          ? ''
          : `${language === 'en' ? ', and' : ', ainsi que'} ${numbers.length === 1 ? l.invoice : l.invoices} ${numbers.join(', ')}`;
      return {
        values: {
          number: payment.number,
          amount: formatMoney(payment.amount, payment.currency),
          date: formatCalendarDate(payment.paidOn),
          invoices,
        },
        attachments: async () => {
          const { seller } = await liveSeller(em);
          const stampDutyRate = (await stampDutySettings(em)).rate;
          // The client's electronic copy of the receipt handed over at the counter: not a reprint.
          const receipt = await receiptPdf({ payment, seller, stampDutyRate, format: 'a5', copy: 'original' });
          const files: Attachment[] = [{ filename: `recu-${payment.number}.pdf`, content: receipt }];
          for (const invoice of payment.invoices) files.push(await originalPdf(db, await documentOf(em, invoice.id)));
          return files;
        },
      };
    }
    case 'invoice': {
      const doc = await documentOf(em, row.documentId);
      return {
        values: {
          number: doc.number ?? '',
          amount: formatMoney(doc.ttc, doc.currency),
          date: doc.issueDate ? formatCalendarDate(doc.issueDate) : '',
        },
        attachments: async () => [await originalPdf(db, doc)],
      };
    }
    case 'test':
      return { values: {}, attachments: none };
  }
}

async function recipientOf(em: EntityManager, row: MailMessageRow) {
  if (row.kind === 'test') return { to: row.toAddress, language: 'fr', name: '' };
  const client = row.clientId === null ? null : await em.findOneBy(ClientEntity, { id: row.clientId });
  if (!client) throw new ComposeProblem('Le client de ce message est introuvable.');
  if (client.anonymizedAt) throw new ComposeProblem('Ce client a été anonymisé : plus aucun envoi.');
  const [email] = await em.find(ClientEmailEntity, {
    where: { clientId: client.id },
    order: { position: 'ASC' },
    take: 1,
  });
  if (!email) {
    throw new ComposeProblem(
      "Le client n'a pas d'adresse e-mail : ajoutez-en une sur sa fiche, puis renvoyez le message.",
    );
  }
  return { to: email.email, language: client.language, name: clientDisplayName(client) };
}

/**
 * Composes a message from what it refers to, as things are now: the client's first address and language, the template
 * in force, the document's figures; the PDFs only when asked (to send, not to preview).
 */
export async function composeMail(
  db: Database,
  row: MailMessageRow,
  now: Date,
  withAttachments: boolean,
): Promise<ComposedMail> {
  const em = db.reader;
  const recipient = await recipientOf(em, row);
  const company = await Promise.resolve()
    .then(() => companySettings(em))
    .catch(() => null);
  // A client's message is signed by the company; the SMTP test can go before the company is filled in.
  if (!company && row.kind !== 'test') {
    throw new ComposeProblem('Renseignez d’abord la société (Paramètres) : elle signe chaque message.');
  }
  const parts = await partsOf(db, row, recipient.language, businessDate(now));
  const values: TemplateValues = {
    client: recipient.name,
    company: company?.name ?? 'Guichet',
    companyPhone: company?.phone ?? '',
    companyEmail: company?.email ?? '',
    paymentInstructions: company ? paymentInstructions(company, recipient.language) : '',
    ...parts.values,
  };
  const template = row.kind === 'test' ? TEST_MESSAGE : templateFor(mailTemplates(em)[row.kind], recipient.language);
  const attachments = withAttachments ? await parts.attachments() : [];
  return {
    to: recipient.to,
    language: recipient.language,
    subject: fillTemplate(template.subject, values).replace(/\s+/g, ' ').trim(),
    body: fillTemplate(template.body, values)
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
    attachments,
    attachmentNames: attachments.map((a) => a.filename),
  };
}
