import type { Input, OpenItemsDto, OpenProformaDto, PaymentDetails } from '../../../shared/api';
import { paymentAmountOf, parseRate, planAllocations } from '../../../shared/allocation';
import { formatMoney, parseMoney, type Centimes, type Currency } from '../../../shared/money';
import type { PaymentMethod } from '../../../shared/payment-methods';
import { cashNeedsApproval, checkCounterRate } from '../../../shared/payment-rules';
import { isCalendarDate } from '../../../shared/periods';
import { cashRounding, stampDuty } from '../../../shared/stamp-duty';
import { moneyInput } from '../documents/proforma-form';

/** Every reference field a method may ask for (SPEC §5), named as the contract's `details`. */
export const DETAIL_FIELDS = [
  'transferNumber',
  'senderName',
  'originCity',
  'receiptNumber',
  'postOffice',
  'bank',
  'reference',
  'valueDate',
  'authorizationCode',
  'transactionId',
  'description',
] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];

/** What each method asks for at the counter, in the order the form shows it. */
export const METHOD_FIELDS: Record<PaymentMethod, readonly DetailField[]> = {
  cash: [],
  wafacash: ['transferNumber', 'senderName', 'originCity'],
  ccp: ['receiptNumber', 'postOffice'],
  transfer: ['bank', 'reference', 'valueDate'],
  card: ['authorizationCode'],
  paypal: ['transactionId'],
  other: ['description'],
};

/** One open proforma's share of the payment as typed: an amount in the proforma's currency, a rate when foreign. */
export interface AllocationEdit {
  amount: string;
  rate: string;
}

export interface PaymentFormValues {
  clientId: number | null;
  /** What goes to the client's account, stamp duty excluded, as typed ("1 234,50"). */
  amount: string;
  currency: Currency;
  method: PaymentMethod;
  /** Kept for every method while the form is open; only the chosen method's fields are sent. */
  details: Record<DetailField, string>;
  note: string;
  /** Null: the default allocation (oldest first), following the amount. Otherwise the rows as edited, by proforma id. */
  allocations: Record<string, AllocationEdit> | null;
  /** A manager's signature for cash of 20,000 DH or more from a company (CGI art. 193). */
  approval: { username: string; password: string; reason: string };
  /** Cash: "Montant donné", what the client hands over, for the change due; never sent. */
  handed: string;
}

export type ReceiptFormat = 'thermal' | 'a5';

const blankEdit = (): AllocationEdit => ({ amount: '', rate: '' });

export function emptyPaymentForm(clientId: number | null): PaymentFormValues {
  return {
    clientId,
    amount: '',
    currency: 'MAD',
    method: 'cash',
    details: Object.fromEntries(DETAIL_FIELDS.map((field) => [field, ''])) as Record<DetailField, string>,
    note: '',
    allocations: null,
    approval: { username: '', password: '', reason: '' },
    handed: '',
  };
}

/**
 * The form opened from a proforma's page: all of it to that proforma, what is left to pay as the amount. A proforma in
 * another currency than the drawer's keeps its amount and waits for the counter's rate (cash is counted in dirhams).
 */
export function preallocated(values: PaymentFormValues, proforma: OpenProformaDto): PaymentFormValues {
  const sameCurrency = values.method !== 'cash' || proforma.currency === 'MAD';
  return {
    ...values,
    currency: sameCurrency ? proforma.currency : 'MAD',
    amount: sameCurrency ? moneyInput(proforma.balance) : '',
    allocations: { [String(proforma.id)]: { amount: moneyInput(proforma.balance), rate: '' } },
  };
}

/** A strictly positive amount typed by a person, or null. */
function positiveAmount(text: string): Centimes | null {
  const value = parseMoney(text);
  return value !== null && value > 0 ? value : null;
}

/** The rows as they stand: the default plan (shared/allocation.ts) while nothing was edited, the edits after. */
export function allocationEdits(
  values: PaymentFormValues,
  proformas: readonly OpenProformaDto[],
): Record<string, AllocationEdit> {
  if (values.allocations) {
    return Object.fromEntries(proformas.map((p) => [String(p.id), values.allocations?.[String(p.id)] ?? blankEdit()]));
  }
  const plan = planAllocations(
    proformas.map((p) => ({ id: p.id, currency: p.currency, balance: p.balance })),
    positiveAmount(values.amount) ?? 0,
    values.currency,
  );
  return Object.fromEntries(
    proformas.map((p) => {
      const planned = plan.find((a) => a.documentId === p.id);
      return [String(p.id), planned ? { amount: moneyInput(planned.amount), rate: '' } : blankEdit()];
    }),
  );
}

/** One row edited: from then on the rows no longer follow the amount ("Répartition automatique" goes back). */
export function editAllocation(
  values: PaymentFormValues,
  proformas: readonly OpenProformaDto[],
  proformaId: number,
  patch: Partial<AllocationEdit>,
): Record<string, AllocationEdit> {
  const edits = allocationEdits(values, proformas);
  const key = String(proformaId);
  return { ...edits, [key]: { ...(edits[key] ?? blankEdit()), ...patch } };
}

export interface AllocationLine {
  proforma: OpenProformaDto;
  edit: AllocationEdit;
  /** In the proforma's currency; 0 when empty, null when it cannot be read. */
  amount: Centimes | null;
  /** The proforma is in another currency than the payment: a rate is needed. */
  foreign: boolean;
  /** Millionths of the payment's currency per unit of the proforma's, when foreign and readable. */
  rate: number | null;
  /** The rate lies outside the band around the reference, or the currency has none: a manager signs. */
  rateNeedsApproval: boolean;
  /** What the row takes of the payment (shared paymentAmountOf), null until amount and rate can be read. */
  paymentAmount: Centimes | null;
  balanceAfter: Centimes | null;
}

export interface LivePayment {
  /** The amount typed, when it is a positive amount. */
  amount: Centimes | null;
  lines: AllocationLine[];
  /** In the payment's currency. */
  allocated: Centimes;
  /** Left on the client's account; negative when the rows take more than was received. */
  credit: Centimes;
  stampDuty: Centimes;
  /** Cash rounded to what coins can pay (a setting): −5…+4 centimes, 0 otherwise. */
  rounding: Centimes;
  /** amount + stamp duty + rounding: what the client hands over. */
  total: Centimes;
  /** Cash: what the client handed over, when typed and readable; the change is handed − total. */
  handed: Centimes | null;
  change: Centimes | null;
  /** Cash of 20,000 DH or more, duty excluded, cumulated per proforma (CGI art. 193): a manager must sign. */
  overLimit: boolean;
  /** A rate outside its band, or without a reference: a manager must sign. */
  rateApproval: boolean;
}

/** Everything the screen shows live, computed only with the shared rules (allocation, stamp duty). */
export function livePayment(values: PaymentFormValues, items: OpenItemsDto | null): LivePayment {
  const amount = positiveAmount(values.amount);
  const proformas = items?.proformas ?? [];
  const edits = allocationEdits(values, proformas);
  const lines = proformas.map((proforma): AllocationLine => {
    const edit = edits[String(proforma.id)] ?? blankEdit();
    const typed = edit.amount.trim() === '' ? 0 : parseMoney(edit.amount);
    const share = typed !== null && typed >= 0 ? typed : null;
    const foreign = proforma.currency !== values.currency;
    const rate = foreign ? parseRate(edit.rate) : null;
    let paymentAmount: Centimes | null = null;
    if (share === 0) paymentAmount = 0;
    else if (share !== null && (!foreign || rate !== null)) paymentAmount = paymentAmountOf(share, rate);
    const rateNeedsApproval =
      items !== null &&
      rate !== null &&
      (share ?? 0) > 0 &&
      !checkCounterRate(rate, values.currency, proforma.currency, items.paymentRules).ok;
    return {
      proforma,
      edit,
      amount: share,
      foreign,
      rate,
      rateNeedsApproval,
      paymentAmount,
      balanceAfter: share === null ? null : proforma.balance - share,
    };
  });
  const allocated = lines.reduce((sum, line) => sum + (line.paymentAmount ?? 0), 0);
  const duty = amount !== null && items ? stampDuty(amount, values.method, items.stampDuty) : 0;
  const rounding = amount !== null && items ? cashRounding(amount + duty, values.method, items.stampDuty) : 0;
  const total = (amount ?? 0) + duty + rounding;
  const handed = values.method === 'cash' ? positiveAmount(values.handed) : null;
  return {
    amount,
    lines,
    allocated,
    credit: (amount ?? 0) - allocated,
    stampDuty: duty,
    rounding,
    total,
    handed,
    change: handed !== null && amount !== null ? handed - total : null,
    overLimit:
      items !== null &&
      amount !== null &&
      cashNeedsApproval(
        { method: values.method, amount, clientKind: items.clientKind },
        lines.map((line) => ({ before: line.proforma.cashReceived, now: line.paymentAmount ?? 0 })),
        items.paymentRules,
      ),
    rateApproval: lines.some((line) => line.rateNeedsApproval),
  };
}

/** Client-side refusals, as keys of payments.errors. */
export type PaymentErrorCode =
  | 'client'
  | 'amountRequired'
  | 'amount'
  | 'required'
  | 'date'
  | 'allocationAmount'
  | 'allocationTooMuch'
  | 'rateRequired'
  | 'rate'
  | 'overAllocated';

export type BuiltPayment =
  | { ok: true; input: Input<'payments.record'>; sent: number[] }
  | { ok: false; errors: Record<string, PaymentErrorCode>; max: Record<string, string> };

function detailsInput(method: PaymentMethod, details: Record<DetailField, string>): PaymentDetails {
  const value = (field: DetailField) => details[field].trim();
  switch (method) {
    case 'cash':
      return { method };
    case 'wafacash':
      return {
        method,
        transferNumber: value('transferNumber'),
        senderName: value('senderName'),
        originCity: value('originCity'),
      };
    case 'ccp':
      return { method, receiptNumber: value('receiptNumber'), postOffice: value('postOffice') };
    case 'transfer':
      return { method, bank: value('bank'), reference: value('reference'), valueDate: value('valueDate') };
    case 'card':
      return { method, authorizationCode: value('authorizationCode') };
    case 'paypal':
      return { method, transactionId: value('transactionId') };
    case 'other':
      return { method, description: value('description') };
  }
}

/**
 * What "Encaisser" sends, or the fields to fix first. The allocation is always sent as shown, so that what the cashier
 * saw is what is recorded; the main process checks everything again against the proformas as they are now.
 */
export function buildPayment(
  values: PaymentFormValues,
  items: OpenItemsDto | null,
  context: { idempotencyKey: string; desk: string },
): BuiltPayment {
  const errors: Record<string, PaymentErrorCode> = {};
  const max: Record<string, string> = {};
  const live = livePayment(values, items);
  if (values.clientId === null) errors.clientId = 'client';
  if (values.amount.trim() === '') errors.amount = 'amountRequired';
  else if (live.amount === null) errors.amount = 'amount';
  for (const field of METHOD_FIELDS[values.method]) {
    const text = values.details[field].trim();
    if (text === '') errors[`details.${field}`] = 'required';
    else if (field === 'valueDate' && !isCalendarDate(text)) errors[`details.${field}`] = 'date';
  }
  for (const line of live.lines) {
    if (line.edit.amount.trim() === '') continue;
    const path = `allocations.${line.proforma.id}`;
    if (line.amount === null) {
      errors[`${path}.amount`] = 'allocationAmount';
    } else if (line.amount > line.proforma.balance) {
      errors[`${path}.amount`] = 'allocationTooMuch';
      max[`${path}.amount`] = formatMoney(line.proforma.balance, line.proforma.currency);
    }
    if (line.foreign && line.amount !== null && line.amount > 0 && line.rate === null) {
      errors[`${path}.rate`] = line.edit.rate.trim() === '' ? 'rateRequired' : 'rate';
    }
  }
  if (live.amount !== null && live.allocated > live.amount) {
    errors.allocations = 'overAllocated';
    max.allocations = formatMoney(live.allocated - live.amount, values.currency);
  }
  const signed = live.overLimit || live.rateApproval;
  if (signed) {
    for (const field of ['username', 'password', 'reason'] as const) {
      if (values.approval[field].trim() === '') errors[`approval.${field}`] = 'required';
    }
  }
  if (Object.keys(errors).length > 0 || values.clientId === null || live.amount === null) {
    return { ok: false, errors, max };
  }
  const sent = live.lines.filter((line) => (line.amount ?? 0) > 0);
  return {
    ok: true,
    sent: sent.map((line) => line.proforma.id),
    input: {
      idempotencyKey: context.idempotencyKey,
      clientId: values.clientId,
      amount: live.amount,
      currency: values.currency,
      details: detailsInput(values.method, values.details),
      allocations: sent.map((line) => ({
        documentId: line.proforma.id,
        amount: line.amount ?? 0,
        ...(line.foreign && line.rate !== null ? { rate: line.rate } : {}),
      })),
      ...(values.method === 'cash' ? { desk: context.desk } : {}),
      ...(signed
        ? {
            approval: {
              username: values.approval.username.trim(),
              password: values.approval.password,
              reason: values.approval.reason.trim(),
            },
          }
        : {}),
      note: values.note.trim(),
    },
  };
}

/**
 * The server names an allocation by its place in what was sent ("allocations.1.rate"), the form by its proforma
 * ("allocations.12.rate"): the renames for the house helper serverFieldErrors. Other paths ("details.transferNumber",
 * "approval", "amount") are the form's own.
 */
export function allocationPaths(sent: readonly number[]): Record<string, string> {
  return Object.fromEntries(
    sent.flatMap((id, index) => [
      [`allocations.${index}`, `allocations.${id}.amount`],
      [`allocations.${index}.documentId`, `allocations.${id}.amount`],
      [`allocations.${index}.amount`, `allocations.${id}.amount`],
      [`allocations.${index}.rate`, `allocations.${id}.rate`],
    ]),
  );
}

/** Made once when the form opens and kept through retries: a double click or a retry records one payment. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
