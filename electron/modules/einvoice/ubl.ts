import { mulDivRound } from '../../../shared/report-conversion';
import { el, optional, xmlDocument, type XmlChild, type XmlNode } from './xml';
import { paymentMeansCode } from './payment-means';
import { pdfFileName, type UblDocument, type UblLine } from './ubl-document';
import type { BuyerBlock, SellerBlock } from '../../pdf/commercial-document';

/**
 * UBL 2.1 (OASIS) for an issued invoice or credit note: valid against the schemas vendored in build/ubl-2.1 (checked by
 * tests with xmllint) and consistent with the stored totals by rule (rules.ts). The DGI has not published its profile
 * yet: Moroccan identifiers travel as party identifiers with an explicit scheme ("MA:ICE", "MA:IF", "MA:RC" with the
 * court as scheme name, "MA:TP", "MA:CNSS"), so a profile can map them without losing anything.
 */

const NS = {
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
};

/** Centimes → "1234.50", "-3.05": UBL amounts are decimals in the currency's unit. */
export function ublAmount(centimes: number): string {
  const sign = centimes < 0 ? '-' : '';
  const abs = Math.abs(centimes);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Thousandths → "1.5", "2", "0.125". */
export function ublQuantity(milli: number): string {
  const whole = Math.trunc(milli / 1000);
  const fraction = String(Math.abs(milli % 1000))
    .padStart(3, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** Basis points → "20", "5.5". */
export function ublPercent(bp: number): string {
  const fraction = String(bp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return fraction ? `${Math.trunc(bp / 100)}.${fraction}` : String(Math.trunc(bp / 100));
}

/** Millionths → "10.812345". */
export function ublRate(millionths: number): string {
  const fraction = String(millionths % 1_000_000)
    .padStart(6, '0')
    .replace(/0+$/, '');
  return fraction ? `${Math.trunc(millionths / 1_000_000)}.${fraction}` : String(Math.trunc(millionths / 1_000_000));
}

/** A document amount in dirhams at the document's rate, rounded as every conversion (half away from zero). */
export const inDirhams = (centimes: number, rate: number) => mulDivRound(centimes, rate, 1_000_000);

/** UNCL 5305: S standard rate, Z zero rate. */
export const vatCategory = (rate: number) => (rate > 0 ? 'S' : 'Z');

const money = (name: string, centimes: number, currency: string) =>
  el(name, ublAmount(centimes), { currencyID: currency });
const vatScheme = () => el('cac:TaxScheme', [el('cbc:ID', 'VAT')]);

function identifiers(ids: [scheme: string, value: string, schemeName?: string][]): XmlChild[] {
  return ids
    .filter(([, value]) => value !== '')
    .map(([scheme, value, schemeName]) =>
      el('cac:PartyIdentification', [el('cbc:ID', value, { schemeID: scheme, schemeName })]),
    );
}

function address(street: string, city: string, country: string): XmlNode {
  return el('cac:PostalAddress', [
    optional('cbc:StreetName', street),
    optional('cbc:CityName', city),
    el('cac:Country', [el('cbc:IdentificationCode', country || 'MA', { listID: 'ISO3166-1:Alpha2' })]),
  ]);
}

function contact(name: string, phone: string, email: string): XmlChild {
  if (!name && !phone && !email) return null;
  return el('cac:Contact', [
    optional('cbc:Name', name),
    optional('cbc:Telephone', phone),
    optional('cbc:ElectronicMail', email),
  ]);
}

function sellerParty(s: SellerBlock): XmlNode {
  return el('cac:AccountingSupplierParty', [
    el('cac:Party', [
      optional('cbc:WebsiteURI', s.website),
      ...identifiers([
        ['MA:ICE', s.ice],
        ['MA:IF', s.ifNumber],
        ['MA:RC', s.rcNumber, s.rcCourt || undefined],
        ['MA:TP', s.patente],
        ['MA:CNSS', s.cnss],
      ]),
      el('cac:PartyName', [el('cbc:Name', s.name)]),
      address(s.address, s.city, 'MA'),
      el('cac:PartyTaxScheme', [
        el('cbc:RegistrationName', s.name),
        // The IF (identifiant fiscal) is the VAT registration; the ICE when it is missing.
        el('cbc:CompanyID', s.ifNumber || s.ice, { schemeID: s.ifNumber ? 'MA:IF' : 'MA:ICE' }),
        vatScheme(),
      ]),
      el('cac:PartyLegalEntity', [
        el('cbc:RegistrationName', s.name),
        el('cbc:CompanyID', s.ice, { schemeID: 'MA:ICE' }),
        optional('cbc:CompanyLegalForm', s.legalForm),
        s.capital > 0 && money('cbc:CorporateStockAmount', s.capital, 'MAD'),
      ]),
      contact('', s.phone, s.email),
    ]),
  ]);
}

function buyerParty(b: BuyerBlock): XmlNode {
  return el('cac:AccountingCustomerParty', [
    el('cac:Party', [
      ...identifiers([
        ['MA:ICE', b.ice],
        ['MA:IF', b.ifNumber],
        ['MA:RC', b.rcNumber],
        ['GUICHET:CLIENT', b.code],
      ]),
      el('cac:PartyName', [el('cbc:Name', b.name)]),
      address(b.address, b.city, b.country),
      b.kind === 'company' &&
        el('cac:PartyLegalEntity', [
          el('cbc:RegistrationName', b.name),
          b.ice ? el('cbc:CompanyID', b.ice, { schemeID: 'MA:ICE' }) : null,
        ]),
      contact(b.contactPerson, b.phone, b.email),
    ]),
  ]);
}

function paymentMeans(doc: UblDocument): XmlChild[] {
  const bankAccount = doc.seller.rib
    ? el('cac:PayeeFinancialAccount', [
        el('cbc:ID', doc.seller.rib, { schemeID: 'MA:RIB' }),
        optional('cbc:Name', doc.seller.bank),
      ])
    : null;
  return doc.payments.map((p, i) =>
    el('cac:PaymentMeans', [
      el('cbc:ID', String(i + 1)),
      el('cbc:PaymentMeansCode', paymentMeansCode(p.method), { listID: 'UNCL4461', name: p.method }),
      el('cbc:PaymentDueDate', p.date),
      optional('cbc:InstructionNote', p.reference),
      optional('cbc:PaymentID', p.reference),
      p.method === 'transfer' && bankAccount,
    ]),
  );
}

function taxTotal(doc: UblDocument, currency: string, convert: (centimes: number) => number): XmlNode {
  return el('cac:TaxTotal', [
    money('cbc:TaxAmount', convert(doc.totals.totalVat), currency),
    ...doc.totals.vat.map((v) =>
      el('cac:TaxSubtotal', [
        money('cbc:TaxableAmount', convert(v.base), currency),
        money('cbc:TaxAmount', convert(v.vat), currency),
        el('cac:TaxCategory', [
          el('cbc:ID', vatCategory(v.rate), { schemeID: 'UNCL5305' }),
          el('cbc:Percent', ublPercent(v.rate)),
          vatScheme(),
        ]),
      ]),
    ),
  ]);
}

function line(doc: UblDocument, l: UblLine): XmlNode {
  const isInvoice = doc.type === 'invoice';
  return el(isInvoice ? 'cac:InvoiceLine' : 'cac:CreditNoteLine', [
    el('cbc:ID', String(l.position)),
    el(isInvoice ? 'cbc:InvoicedQuantity' : 'cbc:CreditedQuantity', ublQuantity(l.quantity), { unitCode: 'C62' }),
    money('cbc:LineExtensionAmount', l.amountHt, doc.currency),
    l.periodFrom && l.periodTo
      ? el('cac:InvoicePeriod', [el('cbc:StartDate', l.periodFrom), el('cbc:EndDate', l.periodTo)])
      : null,
    el('cac:Item', [
      el('cbc:Description', l.description),
      el('cbc:Name', l.description.split('\n')[0]?.slice(0, 200) ?? ''),
      el('cac:ClassifiedTaxCategory', [
        el('cbc:ID', vatCategory(l.vatRate), { schemeID: 'UNCL5305' }),
        el('cbc:Percent', ublPercent(l.vatRate)),
        vatScheme(),
      ]),
    ]),
    el('cac:Price', [money('cbc:PriceAmount', l.unitPrice, doc.currency)]),
  ]);
}

export function ublXml(doc: UblDocument): string {
  const isInvoice = doc.type === 'invoice';
  const currency = doc.currency;
  const mad = doc.mad;
  // An invoice is issued when its proforma is paid in full: nothing is left to pay. A credit note is owed to the client.
  const prepaid = isInvoice ? doc.totals.ttc : 0;
  const root = isInvoice ? 'Invoice' : 'CreditNote';
  return xmlDocument(
    el(
      root,
      [
        el('cbc:UBLVersionID', '2.1'),
        el('cbc:CustomizationID', 'urn:guichet:ma:cgi-145'),
        el('cbc:ID', doc.number),
        el('cbc:IssueDate', doc.issueDate),
        // UNCL 1001: 380 commercial invoice, 381 credit note.
        el(isInvoice ? 'cbc:InvoiceTypeCode' : 'cbc:CreditNoteTypeCode', isInvoice ? '380' : '381', {
          listID: 'UNCL1001',
        }),
        mad &&
          el(
            'cbc:Note',
            `Contre-valeur en dirhams au taux de ${ublRate(mad.rate)} MAD pour 1 ${currency} : ` +
              `HT ${ublAmount(inDirhams(doc.totals.ht, mad.rate))}, TVA ${ublAmount(inDirhams(doc.totals.totalVat, mad.rate))}, ` +
              `TTC ${ublAmount(inDirhams(doc.totals.ttc, mad.rate))} MAD.`,
          ),
        el('cbc:DocumentCurrencyCode', currency, { listID: 'ISO4217' }),
        mad && el('cbc:TaxCurrencyCode', 'MAD', { listID: 'ISO4217' }),
        el('cbc:LineCountNumeric', String(doc.lines.length)),
        !isInvoice &&
          el('cac:DiscrepancyResponse', [
            optional('cbc:ReferenceID', doc.corrects?.number),
            el('cbc:ResponseCode', doc.creditMode === 'refund' ? 'REFUND' : 'CREDIT'),
            optional('cbc:Description', doc.reason),
          ]),
        doc.corrects &&
          el('cac:BillingReference', [
            el('cac:InvoiceDocumentReference', [
              el('cbc:ID', doc.corrects.number),
              el('cbc:IssueDate', doc.corrects.issueDate),
            ]),
          ]),
        doc.pdfSha256
          ? el('cac:AdditionalDocumentReference', [
              el('cbc:ID', pdfFileName(doc)),
              el('cbc:DocumentType', isInvoice ? 'Facture originale (PDF)' : 'Avoir original (PDF)'),
              el('cac:Attachment', [
                el('cac:ExternalReference', [
                  el('cbc:URI', pdfFileName(doc)),
                  el('cbc:DocumentHash', doc.pdfSha256),
                  el('cbc:HashAlgorithmMethod', 'http://www.w3.org/2001/04/xmlenc#sha256'),
                  el('cbc:MimeCode', 'application/pdf'),
                  el('cbc:FileName', pdfFileName(doc)),
                ]),
              ]),
            ])
          : null,
        sellerParty(doc.seller),
        buyerParty(doc.buyer),
        ...paymentMeans(doc),
        mad &&
          el('cac:TaxExchangeRate', [
            el('cbc:SourceCurrencyCode', currency),
            el('cbc:TargetCurrencyCode', 'MAD'),
            el('cbc:CalculationRate', ublRate(mad.rate)),
            el('cbc:MathematicOperatorCode', 'Multiply'),
          ]),
        taxTotal(doc, currency, (c) => c),
        mad && taxTotal(doc, 'MAD', (c) => inDirhams(c, mad.rate)),
        el('cac:LegalMonetaryTotal', [
          money('cbc:LineExtensionAmount', doc.totals.ht, currency),
          money('cbc:TaxExclusiveAmount', doc.totals.ht, currency),
          money('cbc:TaxInclusiveAmount', doc.totals.ttc, currency),
          isInvoice && money('cbc:PrepaidAmount', prepaid, currency),
          money('cbc:PayableAmount', doc.totals.ttc - prepaid, currency),
        ]),
        ...doc.lines.map((l) => line(doc, l)),
      ],
      {
        xmlns: `urn:oasis:names:specification:ubl:schema:xsd:${root}-2`,
        'xmlns:cac': NS.cac,
        'xmlns:cbc': NS.cbc,
      },
    ),
  );
}
