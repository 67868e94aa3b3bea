import { describe, expect, it } from 'vitest';
import type { OpenItemsDto, OpenProformaDto, RenewalOptionDto } from '../../../shared/api';
import { DEFAULT_PAYMENT_RULES } from '../../../shared/payment-rules';
import { moneyLine, openBalanceIn, renewalTtc } from './money-line';

const proforma = (id: number, dueDate: string, balance: number, currency: 'MAD' | 'EUR' = 'MAD'): OpenProformaDto => ({
  id,
  number: `PF-2026-00000${id}`,
  issueDate: '2026-11-01',
  dueDate,
  currency,
  ttc: balance,
  paid: 0,
  balance,
  cashReceived: 0,
});

const items = (proformas: OpenProformaDto[], credit: OpenItemsDto['credit'] = []): OpenItemsDto => ({
  proformas,
  credit,
  stampDuty: { enabled: true, rate: 25, cashRounding: 0 },
  cashLimit: 2_000_000,
  paymentRules: DEFAULT_PAYMENT_RULES,
  clientKind: 'individual',
});

const renewal = (
  serviceId: number,
  expiry: string | null,
  patch: Partial<RenewalOptionDto> = {},
): RenewalOptionDto => ({
  serviceId,
  label: `site-${serviceId}.ma`,
  productName: 'Domaine .ma',
  kind: 'domain',
  status: 'active',
  phase: 'active',
  expiry,
  currency: 'MAD',
  periodMonths: 12,
  unitPrice: 15_000,
  vatRate: 2000,
  lateFee: 0,
  periodFrom: '2027-01-01',
  periodTo: '2027-12-31',
  due: false,
  openProforma: null,
  ...patch,
});

describe('the money line', () => {
  it('adds what is left to pay per currency and names the proforma due first', () => {
    const line = moneyLine(
      items([
        proforma(1, '2026-12-20', 50_000),
        proforma(2, '2026-12-10', 20_000),
        proforma(3, '2026-12-01', 900, 'EUR'),
      ]),
      [],
    );
    expect(line.due).toEqual([
      { currency: 'MAD', amount: 70_000 },
      { currency: 'EUR', amount: 900 },
    ]);
    expect(line.nextProforma?.id).toBe(3);
    expect(line.nextExpiry).toBeNull();
  });

  it('shows the credit and the next expiry with its renewal price TTC', () => {
    const line = moneyLine(items([], [{ currency: 'MAD', amount: 1_250 }]), [
      renewal(8, '2027-03-01'),
      renewal(9, '2027-01-15', { lateFee: 5_000 }),
      renewal(10, null),
    ]);
    expect(line.due).toEqual([]);
    expect(line.credit).toEqual([{ currency: 'MAD', amount: 1_250 }]);
    expect(line.nextExpiry).toMatchObject({ serviceId: 9, expiry: '2027-01-15', renewalTtc: 24_000 });
  });

  it('has no renewal price when the catalogue has none', () => {
    expect(renewalTtc(renewal(1, '2027-01-01', { unitPrice: null }))).toBeNull();
    expect(renewalTtc(renewal(1, '2027-01-01', { unitPrice: 12_345, vatRate: 2000 }))).toBe(14_814);
  });

  it('prefills the payment with the open balance in its currency', () => {
    const open = items([proforma(1, '2026-12-20', 50_000), proforma(2, '2026-12-10', 900, 'EUR')]);
    expect(openBalanceIn(open, 'MAD')).toBe(50_000);
    expect(openBalanceIn(open, 'USD')).toBe(0);
  });
});
