import { describe, expect, it } from 'vitest';
import type { DocumentDto, ProductDto, RenewalOptionDto } from '../../../shared/api';
import { draftInputSchema } from '../../../shared/api/documents';
import {
  blankItem,
  blockReason,
  buildDraft,
  catalogUnitPrice,
  draftFormErrors,
  emptyProformaForm,
  formFromDocument,
  itemFromProduct,
  liveTotals,
  moneyInput,
  type ProformaFormValues,
} from './proforma-form';

function option(patch: Partial<RenewalOptionDto> & { serviceId: number }): RenewalOptionDto {
  return {
    label: 'exemple.ma',
    productName: 'Nom de domaine .ma',
    kind: 'domain',
    status: 'active',
    phase: 'renewal_due',
    expiry: '2026-12-01',
    currency: 'MAD',
    periodMonths: 12,
    unitPrice: 25000,
    vatRate: 2000,
    lateFee: 0,
    periodFrom: '2026-12-01',
    periodTo: '2027-12-01',
    due: true,
    openProforma: null,
    ...patch,
  };
}

function product(patch: Partial<ProductDto>): ProductDto {
  return {
    id: 7,
    code: 'X',
    kind: 'hosting',
    name: 'Produit',
    description: '',
    tld: '',
    vatRate: 2000,
    estimatedHours: 0,
    includedHours: 0,
    active: true,
    prices: [],
    ...patch,
  };
}

const price = (
  priceType: ProductDto['prices'][number]['priceType'],
  months: number,
  amount: number,
  currency = 'MAD',
) =>
  ({ priceType, months, amount, currency, effectiveFrom: '2026-01-01T00:00:00.000Z' }) as ProductDto['prices'][number];

function form(patch: Partial<ProformaFormValues>): ProformaFormValues {
  return { ...emptyProformaForm(3), ...patch };
}

const item = (description: string, quantity: string, unitPrice: string, vatRate = '2000') => ({
  ...blankItem(),
  description,
  quantity,
  unitPrice,
  vatRate,
});

describe('catalogue prices for a free line', () => {
  it('starts from the one-off price, the hourly rate, a domain year, then a year of a recurring product', () => {
    expect(catalogUnitPrice(product({ prices: [price('once', 0, 490000)] }), 'MAD')).toBe(490000);
    expect(catalogUnitPrice(product({ prices: [price('hour', 0, 40000), price('hour', 0, 3700, 'EUR')] }), 'EUR')).toBe(
      3700,
    );
    const domain = product({
      prices: [price('late_fee', 0, 15000), price('renew', 12, 26000), price('register', 12, 25000)],
    });
    expect(catalogUnitPrice(domain, 'MAD')).toBe(25000);
    const hosting = product({
      prices: [price('period', 1, 9900), price('period', 12, 99000), price('period', 3, 28500)],
    });
    expect(catalogUnitPrice(hosting, 'MAD')).toBe(99000);
    expect(catalogUnitPrice(product({ prices: [price('period', 3, 28500), price('period', 1, 9900)] }), 'MAD')).toBe(
      9900,
    );
    expect(catalogUnitPrice(hosting, 'USD')).toBeNull();
  });

  it('prefills the description, the price as typed back and the product VAT rate', () => {
    const row = itemFromProduct(
      product({ id: 9, name: 'Infogérance', vatRate: 1000, prices: [price('hour', 0, 40050)] }),
      'MAD',
    );
    expect(row).toMatchObject({
      productId: 9,
      description: 'Infogérance',
      quantity: '1',
      unitPrice: '400,50',
      vatRate: '1000',
    });
    expect(moneyInput(123456789)).toBe('1234567,89');
    expect(moneyInput(5)).toBe('0,05');
  });
});

describe('renewal options', () => {
  it('cannot be ticked without a price, or when another open proforma renews the service', () => {
    expect(blockReason(option({ serviceId: 1, unitPrice: null }), null)).toBe('noPrice');
    const held = option({ serviceId: 1, openProforma: { id: 40, number: 'PF-2026-000004' } });
    expect(blockReason(held, null)).toBe('openProforma');
    // The draft being edited holds it itself: it stays on.
    expect(blockReason(held, 40)).toBeNull();
    expect(blockReason(option({ serviceId: 1 }), null)).toBeNull();
  });
});

describe('live totals', () => {
  it('counts periods × the price of one period, a late fee as its own line, and free lines', () => {
    const options = [
      option({ serviceId: 1, unitPrice: 25000, lateFee: 15000 }),
      option({ serviceId: 2, unitPrice: 99000 }),
      option({ serviceId: 3, unitPrice: null }),
    ];
    const values = form({
      services: {
        '1': { checked: true, periods: 2 },
        '2': { checked: false, periods: 1 },
        '3': { checked: true, periods: 1 },
      },
      items: [item('Mission', '1,5', '400'), item('Déplacement', '1', '33,33', '1400'), item('En cours', 'abc', '10')],
    });
    const { lines, totals } = liveTotals(values, options, null);
    expect(lines.map((l) => l.source)).toEqual([
      { kind: 'service', serviceId: 1 },
      { kind: 'late_fee', serviceId: 1 },
      { kind: 'item', row: 0 },
      { kind: 'item', row: 1 },
    ]);
    // 2 × 250 + 150 + 1.5 × 400 at 20 %; 33.33 at 14 %.
    expect(totals.lines).toEqual([50000, 15000, 60000, 3333]);
    expect(totals.vat).toEqual([
      { rate: 2000, base: 125000, vat: 25000 },
      { rate: 1400, base: 3333, vat: 467 },
    ]);
    expect(totals.ht).toBe(128333);
    expect(totals.ttc).toBe(128333 + 25467);
  });

  it('rounds each line to the centime before the VAT (the shared rule)', () => {
    const { totals } = liveTotals(form({ items: [item('a', '0,333', '0,10'), item('b', '0,333', '0,10')] }), [], null);
    // 0.333 × 10 centimes = 3.33 → 3 centimes each; VAT on 6 centimes.
    expect(totals.lines).toEqual([3, 3]);
    expect(totals.vat[0]).toEqual({ rate: 2000, base: 6, vat: 1 });
  });
});

describe('the draft sent', () => {
  it('holds the ticked services then the free lines, in thousandths and centimes, valid for the shared schema', () => {
    const options = [option({ serviceId: 5 }), option({ serviceId: 6, openProforma: { id: 2, number: null } })];
    const values = form({
      dueDate: '2026-12-15',
      notes: '  Merci  ',
      services: { '5': { checked: true, periods: 3 }, '6': { checked: true, periods: 1 } },
      items: [{ ...item(' Mission ', '1,5', '1 234,5'), productId: 12 }, item('Texte', '2', '0', '0')],
    });
    const built = buildDraft(values, options, null);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.input).toEqual({
      clientId: 3,
      currency: 'MAD',
      dueDate: '2026-12-15',
      notes: 'Merci',
      lines: [
        { kind: 'service', serviceId: 5, periods: 3 },
        { kind: 'item', productId: 12, description: 'Mission', quantity: 1500, unitPrice: 123450, vatRate: 2000 },
        { kind: 'item', productId: null, description: 'Texte', quantity: 2000, unitPrice: 0, vatRate: 0 },
      ],
    });
    expect(built.origins).toEqual([
      { kind: 'service', serviceId: 5 },
      { kind: 'item', row: 0 },
      { kind: 'item', row: 1 },
    ]);
    expect(draftInputSchema.safeParse(built.input).success).toBe(true);
    const edited = buildDraft({ ...values, dueDate: '' }, options, 2);
    expect(edited.ok && edited.input).toMatchObject({ id: 2, dueDate: null });
    expect(edited.ok && edited.input.lines).toHaveLength(4);
  });

  it('refuses what cannot be read, field by field, and an empty proforma', () => {
    const bad = buildDraft(
      form({
        items: [
          item('Mission', 'abc', '12,345'),
          item('', '0', '-1'),
          item('Ok', '1,2345', '10'),
          item('Gratuit', '1', ' '),
        ],
      }),
      [],
      null,
    );
    expect(bad).toEqual({
      ok: false,
      errors: {
        'items.0.quantity': 'quantity',
        'items.0.unitPrice': 'price',
        'items.1.description': 'description',
        'items.1.quantity': 'quantityZero',
        'items.1.unitPrice': 'price',
        'items.2.quantity': 'quantity',
        'items.3.unitPrice': 'priceRequired',
      },
    });
    expect(buildDraft(form({}), [], null)).toEqual({ ok: false, errors: { lines: 'noLines' } });
    expect(buildDraft({ ...form({ items: [item('a', '1', '1')] }), clientId: null }, [], null)).toEqual({
      ok: false,
      errors: { clientId: 'client' },
    });
  });

  it('puts the server errors of line N on the row or service it came from', () => {
    const origins = [
      { kind: 'service' as const, serviceId: 5 },
      { kind: 'item' as const, row: 0 },
      { kind: 'item' as const, row: 2 },
    ];
    expect(
      draftFormErrors(
        {
          'lines.2.quantity': 'Au plus trois décimales.',
          'lines.1.description': 'Ce champ est obligatoire.',
          'lines.0.serviceId': 'Service introuvable.',
          'lines.9': 'Ligne inconnue.',
          lines: 'Ajoutez au moins une ligne.',
          dueDate: 'Date attendue au format AAAA-MM-JJ.',
        },
        origins,
      ),
    ).toEqual({
      'items.2.quantity': 'Au plus trois décimales.',
      'items.0.description': 'Ce champ est obligatoire.',
      'services.5': 'Service introuvable.',
      lines: 'Ligne inconnue.',
      dueDate: 'Date attendue au format AAAA-MM-JJ.',
    });
  });
});

describe('a saved draft back in the form', () => {
  it('ticks its services with their periods, drops derived late fees and types its free lines back', () => {
    const base = {
      id: 1,
      position: 0,
      serviceId: null,
      productId: null,
      amountHt: 0,
      periodFrom: null,
      periodTo: null,
      months: 0,
      creditedQuantity: 0,
    };
    const document = {
      clientId: 3,
      currency: 'EUR',
      dueDate: null,
      notes: 'n',
      lines: [
        { ...base, kind: 'service', serviceId: 5, description: 'd', quantity: 2000, unitPrice: 2400, vatRate: 2000 },
        { ...base, kind: 'late_fee', serviceId: 5, description: 'f', quantity: 1000, unitPrice: 1400, vatRate: 2000 },
        { ...base, kind: 'item', productId: 4, description: 'Mission', quantity: 1500, unitPrice: 3705, vatRate: 1000 },
      ],
    } as unknown as DocumentDto;
    const values = formFromDocument(document);
    expect(values).toMatchObject({ clientId: 3, currency: 'EUR', dueDate: '', notes: 'n' });
    expect(values.services).toEqual({ '5': { checked: true, periods: 2 } });
    expect(values.items).toMatchObject([
      { productId: 4, description: 'Mission', quantity: '1,5', unitPrice: '37,05', vatRate: '1000' },
    ]);
  });
});
