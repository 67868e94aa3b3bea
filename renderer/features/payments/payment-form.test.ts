import { describe, expect, it } from 'vitest';
import type { OpenItemsDto, OpenProformaDto } from '../../../shared/api';
import { paymentInputSchema } from '../../../shared/api/payments';
import { DEFAULT_PAYMENT_RULES, type PaymentRules } from '../../../shared/payment-rules';
import { ApiFailure } from '../../api';
import { serverFieldErrors } from '../../ui/form-errors';
import {
  allocationEdits,
  allocationPaths,
  buildPayment,
  editAllocation,
  emptyPaymentForm,
  livePayment,
  newIdempotencyKey,
  preallocated,
  type PaymentFormValues,
} from './payment-form';

const proforma = (id: number, balance: number, currency: 'MAD' | 'EUR' = 'MAD'): OpenProformaDto => ({
  id,
  number: `PF-2026-00000${id}`,
  issueDate: '2026-11-0' + String(id),
  dueDate: null,
  currency,
  ttc: balance,
  paid: 0,
  balance,
  cashReceived: 0,
});

const items = (
  proformas: OpenProformaDto[],
  clientKind: 'individual' | 'company' = 'individual',
  paymentRules: PaymentRules = DEFAULT_PAYMENT_RULES,
): OpenItemsDto => ({
  proformas,
  credit: [],
  stampDuty: { enabled: true, rate: 25, cashRounding: 0 },
  cashLimit: 2_000_000,
  clientKind,
  paymentRules,
});

const form = (patch: Partial<PaymentFormValues>): PaymentFormValues => ({ ...emptyPaymentForm(7), ...patch });
const context = { idempotencyKey: 'form-key-0001', desk: 'Guichet 1' };

describe('the default allocation', () => {
  const open = [proforma(1, 12_000), proforma(2, 50_000, 'EUR'), proforma(3, 24_000)];

  it('pays the oldest proformas in the payment currency first, the rest is credit', () => {
    const live = livePayment(form({ amount: '500', method: 'wafacash' }), items(open));
    expect(live.lines.map((l) => [l.proforma.id, l.amount, l.paymentAmount, l.balanceAfter])).toEqual([
      [1, 12_000, 12_000, 0],
      [2, 0, 0, 50_000],
      [3, 24_000, 24_000, 0],
    ]);
    expect(live).toMatchObject({ amount: 50_000, allocated: 36_000, credit: 14_000, stampDuty: 0, total: 50_000 });
  });

  it('follows the amount until a row is edited, then keeps the edits', () => {
    const values = form({ amount: '150' });
    expect(allocationEdits(values, open)).toEqual({
      '1': { amount: '120,00', rate: '' },
      '2': { amount: '', rate: '' },
      '3': { amount: '30,00', rate: '' },
    });
    const edited = { ...values, allocations: editAllocation(values, open, 1, { amount: '20' }) };
    expect(edited.allocations['3']).toEqual({ amount: '30,00', rate: '' });
    const live = livePayment({ ...edited, amount: '400' }, items(open));
    expect(live.lines.map((l) => l.amount)).toEqual([2_000, 0, 3_000]);
    expect(live.credit).toBe(35_000);
  });

  it('converts a proforma in another currency at the counter’s rate (shared paymentAmountOf)', () => {
    const values = form({ amount: '1302,60', method: 'transfer' });
    const withRate = { ...values, allocations: editAllocation(values, open, 2, { amount: '120', rate: '10,855' }) };
    const line = livePayment(withRate, items(open)).lines[1];
    expect(line).toMatchObject({ foreign: true, amount: 12_000, rate: 10_855_000, paymentAmount: 130_260 });
    // Without a rate, the row takes nothing yet and is refused.
    const noRate = { ...values, allocations: editAllocation(values, open, 2, { amount: '120' }) };
    expect(livePayment(noRate, items(open)).lines[1]?.paymentAmount).toBeNull();
  });

  it('asks a manager for a rate without a reference, or outside the band around it', () => {
    const values = form({ amount: '1302,60', method: 'transfer' });
    const at = (rate: string) => ({ ...values, allocations: editAllocation(values, open, 2, { amount: '120', rate }) });
    expect(livePayment(at('10,855'), items(open)).rateApproval).toBe(true);
    const rules = { ...DEFAULT_PAYMENT_RULES, referenceRates: { EUR: { rate: 10_850_000, band: 1000 }, USD: null } };
    expect(livePayment(at('10,855'), items(open, 'individual', rules))).toMatchObject({ rateApproval: false });
    expect(livePayment(at('12'), items(open, 'individual', rules))).toMatchObject({ rateApproval: true });
    expect(buildPayment(at('12'), items(open, 'individual', rules), context)).toMatchObject({
      ok: false,
      errors: { 'approval.username': 'required' },
    });
  });
});

describe('cash: stamp duty and the CGI art. 193 limit', () => {
  it('adds 0,25 % on cash, nothing on other methods', () => {
    expect(livePayment(form({ amount: '1188' }), items([]))).toMatchObject({ stampDuty: 297, total: 119_097 });
    expect(livePayment(form({ amount: '1188', method: 'card' }), items([]))).toMatchObject({
      stampDuty: 0,
      total: 118_800,
    });
  });

  it('asks a manager from 20 000 DH duty excluded, for everyone unless narrowed to companies, cumulated per proforma', () => {
    expect(livePayment(form({ amount: '19 999,99' }), items([], 'company')).overLimit).toBe(false);
    expect(livePayment(form({ amount: '20 000' }), items([], 'individual')).overLimit).toBe(true);
    const companiesOnly = { ...DEFAULT_PAYMENT_RULES, cashLimitScope: 'companies' as const };
    expect(livePayment(form({ amount: '20 000' }), items([], 'individual', companiesOnly)).overLimit).toBe(false);
    expect(livePayment(form({ amount: '25 000', method: 'transfer' }), items([], 'company')).overLimit).toBe(false);
    // 15 000 DH already received in cash on a 30 000 DH proforma: the second 15 000 needs the manager.
    const half = { ...proforma(1, 1_500_000), ttc: 3_000_000, paid: 1_500_000, cashReceived: 1_500_000 };
    expect(livePayment(form({ amount: '15 000' }), items([half])).overLimit).toBe(true);
    expect(livePayment(form({ amount: '15 000' }), items([{ ...half, cashReceived: 0 }])).overLimit).toBe(false);
    const unsigned = buildPayment(form({ amount: '20 000' }), items([], 'company'), context);
    expect(unsigned).toMatchObject({
      ok: false,
      errors: { 'approval.username': 'required', 'approval.password': 'required', 'approval.reason': 'required' },
    });
    const signed = buildPayment(
      form({ amount: '20 000', approval: { username: ' karim ', password: 'secret', reason: ' Chèque refusé ' } }),
      items([], 'company'),
      context,
    );
    expect(signed.ok && signed.input.approval).toEqual({
      username: 'karim',
      password: 'secret',
      reason: 'Chèque refusé',
    });
  });
});

describe('the form → payments.record', () => {
  it('sends the method’s own fields, the allocation as shown and the desk for cash; valid for the contract', () => {
    const open = [proforma(1, 12_000), proforma(2, 24_000)];
    const values = form({
      amount: '500',
      method: 'wafacash',
      details: {
        ...emptyPaymentForm(7).details,
        transferNumber: ' WC-4471 ',
        senderName: 'Karim Alaoui',
        originCity: 'Fès',
        bank: 'left over from another method',
      },
    });
    const built = buildPayment(values, items(open), context);
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    expect(built.input).toEqual({
      idempotencyKey: 'form-key-0001',
      clientId: 7,
      amount: 50_000,
      currency: 'MAD',
      details: { method: 'wafacash', transferNumber: 'WC-4471', senderName: 'Karim Alaoui', originCity: 'Fès' },
      allocations: [
        { documentId: 1, amount: 12_000 },
        { documentId: 2, amount: 24_000 },
      ],
      note: '',
    });
    expect(built.sent).toEqual([1, 2]);
    expect(paymentInputSchema.safeParse(built.input).success).toBe(true);
    const cash = buildPayment(form({ amount: '10' }), items([]), context);
    expect(cash.ok && cash.input).toMatchObject({ details: { method: 'cash' }, desk: 'Guichet 1', allocations: [] });
  });

  it('says what to fix: client, amount, the method’s fields, rows, rates, too much allocated', () => {
    expect(buildPayment(form({ clientId: null, method: 'ccp' }), null, context)).toMatchObject({
      ok: false,
      errors: {
        clientId: 'client',
        amount: 'amountRequired',
        'details.receiptNumber': 'required',
        'details.postOffice': 'required',
      },
    });
    const open = [proforma(1, 12_000), proforma(2, 10_000, 'EUR')];
    const values = form({ amount: '50', method: 'transfer' });
    const rows = {
      '1': { amount: '130', rate: '' },
      '2': { amount: '10', rate: '' },
    };
    const refused = buildPayment(
      { ...values, allocations: rows, details: { ...values.details, bank: 'BMCE', reference: 'V1', valueDate: 'x' } },
      items(open),
      context,
    );
    expect(refused).toMatchObject({
      ok: false,
      errors: {
        'details.valueDate': 'date',
        'allocations.1.amount': 'allocationTooMuch',
        'allocations.2.rate': 'rateRequired',
        allocations: 'overAllocated',
      },
    });
    expect(!refused.ok && refused.max['allocations.1.amount']).toMatch(/^120,00\sDH$/);
    expect(buildPayment(form({ amount: '-5' }), items([]), context)).toMatchObject({ errors: { amount: 'amount' } });
  });

  it('puts the server’s row errors back on the row they concern', () => {
    const failure = new ApiFailure({
      code: 'VALIDATION',
      message: 'Données invalides.',
      fields: {
        'allocations.1.rate': 'Indiquez le taux de change MAD pour 1 EUR.',
        'allocations.0.documentId': 'Proforma inconnue',
        'details.transferNumber': 'Ce champ est obligatoire.',
        approval: 'Accord d’un responsable requis.',
      },
    });
    expect(serverFieldErrors(failure, allocationPaths([4, 9]))).toEqual({
      'allocations.9.rate': 'Indiquez le taux de change MAD pour 1 EUR.',
      'allocations.4.amount': 'Proforma inconnue',
      'details.transferNumber': 'Ce champ est obligatoire.',
      approval: 'Accord d’un responsable requis.',
    });
  });

  it('opens on a proforma with all of it allocated; in another currency, cash waits for the rate', () => {
    const mad = preallocated(form({}), proforma(3, 24_000));
    expect(mad).toMatchObject({ amount: '240,00', currency: 'MAD', allocations: { '3': { amount: '240,00' } } });
    const eur = preallocated(form({}), proforma(4, 12_000, 'EUR'));
    expect(eur).toMatchObject({ amount: '', currency: 'MAD', allocations: { '4': { amount: '120,00', rate: '' } } });
    expect(preallocated(form({ method: 'card' }), proforma(4, 12_000, 'EUR'))).toMatchObject({
      amount: '120,00',
      currency: 'EUR',
    });
  });

  it('makes a key the contract accepts', () => {
    const key = newIdempotencyKey();
    expect(key).toMatch(/^[A-Za-z0-9-]{8,64}$/);
    expect(newIdempotencyKey()).not.toBe(key);
  });
});
