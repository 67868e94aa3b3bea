import { lineHt, vatOf } from '../../../shared/totals';
import { inDirhams } from './ubl';

/**
 * The business rules a UBL file of ours must meet, read back from the XML itself (not from the document it was made
 * from), so that a mistake in the writer cannot hide: every line = round(quantity × price); the sum of the lines = the
 * totals; VAT by rate = the rounded VAT of the lines at that rate (SPEC §4); TTC = HT + VAT; the dirham totals = the
 * document's at its rate; a credit note names the invoice it corrects. Returns the broken rules, in French.
 */

function blocks(xml: string, tag: string): string[] {
  const found: string[] = [];
  const pattern = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g');
  for (const match of xml.matchAll(pattern)) found.push(match[1] ?? '');
  return found;
}

function element(xml: string, tag: string): { text: string; attributes: string } | null {
  const match = new RegExp(`<${tag}((?:\\s[^>]*)?)>([^<]*)</${tag}>`).exec(xml);
  return match ? { attributes: match[1] ?? '', text: match[2] ?? '' } : null;
}

/** "1234.50" → 123450; null when absent or not an amount with two decimals. */
function amount(xml: string, tag: string): number | null {
  const text = element(xml, tag)?.text;
  const match = text === undefined ? null : /^(-?)(\d+)\.(\d{2})$/.exec(text);
  if (!match) return null;
  const value = Number(match[2]) * 100 + Number(match[3]);
  return match[1] === '-' ? -value : value;
}

function scaled(text: string | undefined, digits: number): number | null {
  const match = text === undefined ? null : new RegExp(`^(\\d+)(?:\\.(\\d{1,${digits}}))?$`).exec(text);
  return match ? Number(match[1]) * 10 ** digits + Number((match[2] ?? '').padEnd(digits, '0')) : null;
}

const currencyOf = (xml: string, tag: string) =>
  /currencyID="([A-Z]{3})"/.exec(element(xml, tag)?.attributes ?? '')?.[1];

export function ublRuleProblems(xml: string): string[] {
  const problems: string[] = [];
  const isInvoice = xml.includes('<Invoice ');
  const currency = element(xml, 'cbc:DocumentCurrencyCode')?.text ?? '';
  const lines = blocks(xml, isInvoice ? 'cac:InvoiceLine' : 'cac:CreditNoteLine');
  if (lines.length === 0) problems.push('Aucune ligne.');
  const basesByRate = new Map<number, number>();
  let sumOfLines = 0;
  lines.forEach((line, i) => {
    const quantity = scaled(element(line, isInvoice ? 'cbc:InvoicedQuantity' : 'cbc:CreditedQuantity')?.text, 3);
    const price = amount(line, 'cbc:PriceAmount');
    const ht = amount(line, 'cbc:LineExtensionAmount');
    const rate = scaled(element(line, 'cbc:Percent')?.text, 2);
    if (quantity === null || price === null || ht === null || rate === null) {
      problems.push(`Ligne ${i + 1} : quantité, prix, montant ou taux illisible.`);
      return;
    }
    if (lineHt(quantity, price) !== ht) problems.push(`Ligne ${i + 1} : HT ${ht} ≠ arrondi(quantité × prix).`);
    if (currencyOf(line, 'cbc:LineExtensionAmount') !== currency) problems.push(`Ligne ${i + 1} : devise.`);
    sumOfLines += ht;
    basesByRate.set(rate, (basesByRate.get(rate) ?? 0) + ht);
  });

  const [total = ''] = blocks(xml, 'cac:LegalMonetaryTotal');
  const lineTotal = amount(total, 'cbc:LineExtensionAmount');
  const exclusive = amount(total, 'cbc:TaxExclusiveAmount');
  const inclusive = amount(total, 'cbc:TaxInclusiveAmount');
  const prepaid = amount(total, 'cbc:PrepaidAmount') ?? 0;
  const payable = amount(total, 'cbc:PayableAmount');
  if (lineTotal !== sumOfLines) problems.push(`Total des lignes ${lineTotal} ≠ somme des lignes ${sumOfLines}.`);
  if (exclusive !== sumOfLines) problems.push(`Total HT ${exclusive} ≠ somme des lignes ${sumOfLines}.`);

  const taxTotals = blocks(xml, 'cac:TaxTotal');
  const own = taxTotals.find((t) => currencyOf(t, 'cbc:TaxAmount') === currency);
  let vat = 0;
  if (!own) problems.push('Pas de total de TVA dans la devise du document.');
  else {
    const subtotals = blocks(own, 'cac:TaxSubtotal');
    const seen = new Set<number>();
    for (const sub of subtotals) {
      const rate = scaled(element(sub, 'cbc:Percent')?.text, 2) ?? -1;
      const base = amount(sub, 'cbc:TaxableAmount');
      const tax = amount(sub, 'cbc:TaxAmount');
      seen.add(rate);
      if (base !== (basesByRate.get(rate) ?? null)) problems.push(`TVA ${rate / 100} % : base ${base} ≠ lignes.`);
      if (base === null || tax !== vatOf(base, rate))
        problems.push(`TVA ${rate / 100} % : montant ${tax} mal arrondi.`);
      vat += tax ?? 0;
    }
    for (const rate of basesByRate.keys()) {
      if (!seen.has(rate)) problems.push(`TVA ${rate / 100} % : taux des lignes absent du détail.`);
    }
    const taxAmount = own.replace(/<cac:TaxSubtotal>[\s\S]*<\/cac:TaxSubtotal>/, '');
    if (amount(taxAmount, 'cbc:TaxAmount') !== vat) problems.push('Total de TVA ≠ somme des taux.');
  }
  if (inclusive !== sumOfLines + vat) problems.push(`TTC ${inclusive} ≠ HT + TVA.`);
  if (payable === null || inclusive === null || payable !== inclusive - prepaid) {
    problems.push('Net à payer ≠ TTC − déjà payé.');
  }

  const taxCurrency = element(xml, 'cbc:TaxCurrencyCode')?.text;
  if (currency !== 'MAD' && taxCurrency !== 'MAD') problems.push('Document en devise sans contre-valeur en dirhams.');
  if (taxCurrency === 'MAD' && own) {
    const rate = scaled(element(xml, 'cbc:CalculationRate')?.text, 6);
    const inMad = taxTotals.find((t) => currencyOf(t, 'cbc:TaxAmount') === 'MAD');
    if (rate === null || !inMad) problems.push('Contre-valeur en dirhams incomplète (taux ou TVA en MAD).');
    else {
      const strip = (t: string) => t.replace(/<cac:TaxSubtotal>[\s\S]*<\/cac:TaxSubtotal>/, '');
      if (amount(strip(inMad), 'cbc:TaxAmount') !== inDirhams(vat, rate)) {
        problems.push('TVA en dirhams ≠ TVA × taux.');
      }
    }
  }
  if (!isInvoice && !element(blocks(xml, 'cac:BillingReference')[0] ?? '', 'cbc:ID')) {
    problems.push('Avoir sans référence à la facture corrigée.');
  }
  return problems;
}
