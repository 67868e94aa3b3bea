import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CashSessionDto } from '../../shared/api/cash';
import type { PaymentDto } from '../../shared/api/payments';
import { documentTotals } from '../../shared/totals';
import {
  commercialDocumentPdf,
  type PrintableDocument,
  type PrintableLine,
  type SellerBlock,
} from '../../electron/pdf/commercial-document';
import { receiptPdf } from '../../electron/pdf/receipt';
import { zReportPdf } from '../../electron/pdf/z-report';

/**
 * Fixed documents of every kind the app prints, rendered straight from their printable shape (no database, no clock):
 * the same input always gives the same PDF, so a change of layout code can be checked byte for byte against what the
 * code printed before (test/integration/pdf-output.test.ts).
 */
export const sampleSeller: SellerBlock = {
  name: 'HeberDomaine',
  legalForm: 'SARL',
  address: '12, rue Ibn Batouta',
  city: 'Casablanca',
  phone: '+212 5 22 00 01 02',
  email: 'contact@heberdomaine.ma',
  website: 'www.heberdomaine.ma',
  ice: '001234567000089',
  ifNumber: '40123456',
  rcNumber: '345678',
  rcCourt: 'Casablanca',
  patente: '35123456',
  cnss: '7654321',
  capital: 10_000_000,
  rib: '011780000001234567890128',
  bank: 'Bank of Africa',
  ccpAccount: '1234567 A',
  wafacashBeneficiary: 'HeberDomaine SARL',
  logoSha256: 'logo',
};

const line = (
  description: string,
  quantity: number,
  unitPrice: number,
  vatRate = 2000,
  period = true,
): PrintableLine => ({
  description,
  periodFrom: period ? '2026-06-01' : null,
  periodTo: period ? '2027-05-31' : null,
  quantity,
  unitPrice,
  vatRate,
  amountHt: Math.round((quantity * unitPrice) / 1000),
});

function printable(overrides: Partial<PrintableDocument> & Pick<PrintableDocument, 'lines'>): PrintableDocument {
  return {
    type: 'proforma',
    number: 'PF-2026-000123',
    issueDate: '2026-05-15',
    dueDate: '2026-05-31',
    currency: 'MAD',
    seller: sampleSeller,
    buyer: {
      code: 'CL-000042',
      name: 'Atlas Digital',
      kind: 'company',
      contactPerson: 'Karim Bennani',
      address: '45, avenue Hassan II',
      city: 'Rabat',
      country: 'MA',
      ice: '002345678000091',
      ifNumber: '',
      rcNumber: '',
      email: 'compta@atlas-digital.ma',
      phone: '+212 6 61 23 45 67',
    },
    logo: null,
    totals: documentTotals(overrides.lines),
    paid: 0,
    payments: [],
    sourceNumber: null,
    reason: '',
    creditMode: null,
    notes: '',
    copy: 'original',
    cancelled: null,
    createdAt: new Date('2026-05-15T09:30:00.000Z'),
    ...overrides,
  };
}

const logo = () => ({ mime: 'image/png', data: readFileSync(path.resolve('build', 'icon.png')) });

export function sampleDocuments(): Record<string, PrintableDocument> {
  const renewal = [line('Nom de domaine atlas-digital.ma — renouvellement 1 an', 1000, 15_000)];
  return {
    proforma: printable({ lines: renewal, logo: logo() }),
    proformaArabic: printable({
      lines: renewal,
      buyer: {
        code: 'CL-000077',
        name: 'محمد العلوي',
        kind: 'individual',
        contactPerson: '',
        address: '7, derb Sidi Bouloukat — المدينة القديمة',
        city: 'Marrakech',
        country: 'MA',
        ice: '',
        ifNumber: '',
        rcNumber: '',
        email: 'm.alaoui@example.ma',
        phone: '+212 6 62 00 11 22',
      },
    }),
    invoice: printable({
      type: 'invoice',
      number: 'FA-2026-000456',
      lines: [
        line('Hébergement mutualisé Pro — 10 Go', 1000, 120_000),
        line('Certificat SSL DV', 1000, 45_000),
        line('Intervention sur serveur dédié (heures)', 2500, 40_000, 2000, false),
        line('Formation', 1000, 80_000, 1000, false),
      ],
      payments: [
        { date: '2026-05-20', method: 'wafacash', reference: 'WC-889900', amount: 100_000 },
        { date: '2026-05-22', method: 'cash', reference: '', amount: 260_000 },
      ],
      sourceNumber: 'PF-2026-000120',
      notes: 'Merci de votre confiance. Le certificat est installé sur www.atlas-digital.ma et mail.atlas-digital.ma.',
      copy: 'duplicate',
    }),
    creditNoteLong: printable({
      type: 'credit_note',
      number: 'AV-2026-000007',
      lines: Array.from({ length: 45 }, (_, i) =>
        line(`Boîte e-mail contact${i + 1}@atlas-digital.ma`, 1000, 2_500 + i),
      ),
      sourceNumber: 'FA-2026-000400',
      reason: 'Boîtes e-mail facturées deux fois après la migration du domaine.',
      creditMode: 'balance',
    }),
    invoiceLongFooter: printable({
      type: 'invoice',
      number: 'FA-2026-000457',
      seller: {
        ...sampleSeller,
        name: 'Société Marocaine d’Hébergement et de Noms de Domaine',
        address: 'Immeuble Al Manar, 3e étage, bureau 12, angle boulevard Zerktouni et rue Ibnou Mounir, Maârif',
        email: 'service.comptabilite-clients@heberdomaine-solutions.ma',
        rcCourt: 'Tribunal de commerce de Casablanca',
      },
      lines: [line('Hébergement mutualisé Pro — 10 Go', 1000, 120_000)],
      payments: [{ date: '2026-05-22', method: 'transfer', reference: 'VIR-2026-0522-889900', amount: 144_000 }],
      sourceNumber: 'PF-2026-000121',
    }),
    cancelledDraftEuro: printable({
      number: null,
      currency: 'EUR',
      lines: [line('Serveur VPS — infogérance mensuelle', 3000, 9_900, 2000, false)],
      copy: 'draft',
      cancelled: { reason: 'Commande annulée par le client' },
    }),
  };
}

export const samplePayment: PaymentDto = {
  id: 9,
  number: 'RE-2026-000321',
  direction: 'in',
  clientId: 42,
  clientCode: 'CL-000042',
  clientName: 'Atlas Digital',
  amount: 180_000,
  cashRounding: 0,
  stampDuty: 450,
  collected: 180_450,
  currency: 'MAD',
  method: 'cash',
  details: { method: 'cash' },
  paidOn: '2026-05-22',
  receivedAt: '2026-05-22T10:15:00.000Z',
  staff: 'amina',
  staffName: 'Amina Tazi',
  cashSessionId: 3,
  allocations: [
    {
      documentId: 120,
      documentNumber: 'PF-2026-000120',
      amount: 150_000,
      currency: 'MAD',
      rate: null,
      paymentAmount: 150_000,
      balanceAfter: 0,
      reversed: false,
    },
    {
      documentId: 121,
      documentNumber: 'PF-2026-000121',
      amount: 30_000,
      currency: 'MAD',
      rate: null,
      paymentAmount: 30_000,
      balanceAfter: 12_000,
      reversed: false,
    },
  ],
  credit: 0,
  invoices: [{ id: 130, number: 'FA-2026-000456' }],
  status: 'recorded',
  voidReason: '',
  voidedAt: null,
  voidedBy: null,
  voidedByName: null,
  approvedBy: null,
  approvedByName: null,
  approvalReason: '',
  note: '',
  creditNote: null,
};

/** A closed day with a void whose reason is far longer than its column. */
export const sampleSession: CashSessionDto = {
  id: 3,
  desk: 'Guichet 1',
  status: 'closed',
  openedAt: '2026-05-22T08:00:00.000Z',
  openedBy: 'amina',
  float: 50_000,
  cashIn: 230_450,
  cashOut: 50_000,
  expected: 230_450,
  counted: 230_400,
  difference: -50,
  count: { '20000': 10, '10000': 3, '200': 2 },
  closedAt: '2026-05-22T18:05:00.000Z',
  closedBy: 'amina',
  closeNote: 'Une pièce de 0,50 DH manquante.',
  validatedAt: null,
  validatedBy: null,
  movements: [
    {
      id: 1,
      kind: 'payment',
      amount: 180_450,
      reason: '',
      paymentId: 9,
      paymentNumber: 'RE-2026-000321',
      at: '2026-05-22T10:15:00.000Z',
      username: 'amina',
    },
    {
      id: 2,
      kind: 'payment',
      amount: 50_000,
      reason: '',
      paymentId: 10,
      paymentNumber: 'RE-2026-000322',
      at: '2026-05-22T11:40:00.000Z',
      username: 'amina',
    },
    {
      id: 3,
      kind: 'void',
      amount: -50_000,
      reason:
        'Erreur de saisie : le client avait déjà réglé cette proforma par virement bancaire le 20 mai, remboursé en espèces au guichet sur accord de la direction',
      paymentId: 10,
      paymentNumber: 'RE-2026-000322',
      at: '2026-05-22T15:02:00.000Z',
      username: 'youssef.el-mansouri',
    },
  ],
  otherMethods: [{ method: 'wafacash', count: 2, total: 300_000 }],
  staffNames: { amina: 'Amina Tazi', 'youssef.el-mansouri': 'Youssef El Mansouri (responsable)' },
};

/** Every sample rendered, by name. */
export async function renderSamples(): Promise<Record<string, Buffer>> {
  const out: Record<string, Buffer> = {};
  for (const [name, d] of Object.entries(sampleDocuments())) out[name] = await commercialDocumentPdf(d);
  out.receiptThermal = await receiptPdf({
    payment: samplePayment,
    seller: sampleSeller,
    stampDutyRate: 25,
    format: 'thermal',
    copy: 'original',
  });
  out.receiptA5 = await receiptPdf({
    payment: { ...samplePayment, status: 'voided', voidReason: 'Doublon' },
    seller: sampleSeller,
    stampDutyRate: 25,
    format: 'a5',
    copy: 'duplicate',
  });
  out.zReport = await zReportPdf(sampleSession, 'HeberDomaine SARL');
  out.zReportThermal = await zReportPdf(sampleSession, 'HeberDomaine SARL', 'thermal');
  return out;
}
