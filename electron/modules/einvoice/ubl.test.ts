import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENCIES } from '../../../shared/money';
import { documentTotals } from '../../../shared/totals';
import { ublSchemaErrors } from '../../../test/support/ubl-schema';
import type { BuyerBlock, SellerBlock } from '../../pdf/commercial-document';
import { ublRuleProblems } from './rules';
import { ublXml, ublAmount, ublQuantity, ublPercent, ublRate } from './ubl';
import type { UblDocument } from './ubl-document';

const seller: SellerBlock = {
  name: 'HeberDomaine <SARL> & Cie',
  legalForm: 'SARL',
  address: '12, rue "Ibn Battouta"',
  city: 'Casablanca',
  phone: '+212522000102',
  email: 'contact@heberdomaine.ma',
  website: 'www.heberdomaine.ma',
  ice: '001234567000089',
  ifNumber: '40123456',
  rcNumber: '345678',
  rcCourt: 'Casablanca',
  patente: '35123456',
  cnss: '7654321',
  capital: 10_000_000,
  rib: '011780000012345678901234',
  bank: 'Bank of Africa',
  ccpAccount: '',
  wafacashBeneficiary: '',
  logoSha256: null,
};

const buyer = (kind: BuyerBlock['kind'], name: string): BuyerBlock => ({
  code: 'CL-000042',
  name,
  kind,
  contactPerson: '',
  address: 'Bd Zerktouni',
  city: 'Rabat',
  country: 'MA',
  ice: kind === 'company' ? '002345678000091' : '',
  ifNumber: '',
  rcNumber: '',
  email: '',
  phone: '',
});

const line = fc.record({
  description: fc.string({ minLength: 1, maxLength: 40 }).map((s) => `Prestation ${s}`),
  quantity: fc.integer({ min: 1, max: 100_000 }),
  unitPrice: fc.integer({ min: 0, max: 10_000_000 }),
  vatRate: fc.constantFrom(0, 700, 1000, 1400, 2000),
});

/** Random issued documents as the app stores them: totals by shared/totals.ts, any currency, both types. */
const ublDocument = fc
  .record({
    type: fc.constantFrom('invoice' as const, 'credit_note' as const),
    currency: fc.constantFrom(...CURRENCIES),
    lines: fc.array(line, { minLength: 1, maxLength: 10 }),
    buyerKind: fc.constantFrom('individual' as const, 'company' as const),
    buyerName: fc.constantFrom('Atlas Digital', 'محمد العلوي', 'Saïd & Fils <SNC>'),
    method: fc.constantFrom('cash', 'wafacash', 'ccp', 'transfer', 'card', 'paypal', 'other', 'credit'),
    rate: fc.integer({ min: 8_000_000, max: 12_000_000 }),
    seq: fc.integer({ min: 1, max: 999_999 }),
  })
  .map((r): UblDocument => {
    const totals = documentTotals(r.lines);
    const number = `${r.type === 'invoice' ? 'FA' : 'AV'}-2026-${String(r.seq).padStart(6, '0')}`;
    return {
      type: r.type,
      number,
      issueDate: '2026-10-15',
      currency: r.currency,
      seller,
      buyer: buyer(r.buyerKind, r.buyerName),
      lines: r.lines.map((l, i) => ({
        ...l,
        position: i + 1,
        amountHt: totals.lines[i] ?? 0,
        periodFrom: null,
        periodTo: null,
      })),
      totals,
      payments:
        r.type === 'invoice'
          ? [
              {
                date: '2026-10-15',
                method: r.method,
                reference: r.method === 'cash' ? '' : 'REF-1 & co',
                amount: totals.ttc,
              },
            ]
          : [],
      corrects: r.type === 'credit_note' ? { number: 'FA-2026-000001', issueDate: '2026-10-01' } : null,
      reason: r.type === 'credit_note' ? 'Erreur de facturation' : '',
      creditMode: r.type === 'credit_note' ? 'balance' : null,
      pdfSha256: 'a'.repeat(64),
      mad: r.currency === 'MAD' ? null : { rate: r.rate, source: 'counter' },
    };
  });

describe('UBL 2.1', () => {
  it('writes amounts, quantities, percents and rates as plain decimals', () => {
    expect([ublAmount(123450), ublAmount(-305), ublAmount(7)]).toEqual(['1234.50', '-3.05', '0.07']);
    expect([ublQuantity(1500), ublQuantity(2000), ublQuantity(125)]).toEqual(['1.5', '2', '0.125']);
    expect([ublPercent(2000), ublPercent(550), ublPercent(25)]).toEqual(['20', '5.5', '0.25']);
    expect([ublRate(10_812_345), ublRate(11_000_000)]).toEqual(['10.812345', '11']);
  });

  it('is valid against the OASIS XSD and consistent by rule, for random documents', () => {
    const docs = fc.sample(ublDocument, { numRuns: 150, seed: 20 });
    const files = docs.map((d, i) => ({ name: `${i}.xml`, xml: ublXml(d) }));
    for (const f of files) expect(ublRuleProblems(f.xml), f.xml).toEqual([]);
    expect(ublSchemaErrors(files)).toEqual([]);
  });

  it('holds the rules for any document (property)', () => {
    fc.assert(
      fc.property(ublDocument, (d) => ublRuleProblems(ublXml(d)).length === 0),
      { numRuns: 500 },
    );
  });

  it('catches a line that does not add up, a wrong VAT, a missing reference and a missing dirham equivalent', () => {
    const [doc] = fc.sample(
      ublDocument.filter((d) => d.type === 'credit_note' && d.currency === 'EUR'),
      { numRuns: 1, seed: 3 },
    );
    if (!doc) throw new Error('no sample');
    const xml = ublXml(doc);
    const firstLine = doc.totals.lines[0] ?? 0;
    expect(
      ublRuleProblems(
        xml.replace(
          `>${ublAmount(firstLine)}</cbc:LineExtensionAmount>`,
          `>${ublAmount(firstLine + 1)}</cbc:LineExtensionAmount>`,
        ),
      ),
    ).not.toEqual([]);
    expect(
      ublRuleProblems(ublXml({ ...doc, totals: { ...doc.totals, totalVat: doc.totals.totalVat + 1 } })),
    ).not.toEqual([]);
    expect(ublRuleProblems(ublXml({ ...doc, corrects: null }))).toContain(
      'Avoir sans référence à la facture corrigée.',
    );
    expect(ublRuleProblems(ublXml({ ...doc, mad: null }))).toContain(
      'Document en devise sans contre-valeur en dirhams.',
    );
  });

  it('carries the Moroccan identifiers with their scheme, the corrected invoice, the PDF hash and the MAD equivalent', () => {
    const [doc] = fc.sample(
      ublDocument.filter((d) => d.type === 'credit_note' && d.currency === 'EUR'),
      { numRuns: 1, seed: 5 },
    );
    if (!doc) throw new Error('no sample');
    const xml = ublXml({ ...doc, mad: { rate: 10_850_000, source: 'counter' } });
    expect(xml).toContain('<cbc:ID schemeID="MA:ICE">001234567000089</cbc:ID>');
    expect(xml).toContain('<cbc:ID schemeID="MA:RC" schemeName="Casablanca">345678</cbc:ID>');
    expect(xml).toContain('<cbc:ID schemeID="MA:TP">35123456</cbc:ID>');
    expect(xml).toContain('<cbc:ID schemeID="MA:CNSS">7654321</cbc:ID>');
    expect(xml).toMatch(/<cac:InvoiceDocumentReference>\s*<cbc:ID>FA-2026-000001<\/cbc:ID>/);
    expect(xml).toContain(`<cbc:DocumentHash>${'a'.repeat(64)}</cbc:DocumentHash>`);
    expect(xml).toContain('<cbc:TaxCurrencyCode listID="ISO4217">MAD</cbc:TaxCurrencyCode>');
    expect(xml).toContain('<cbc:CalculationRate>10.85</cbc:CalculationRate>');
  });
});
