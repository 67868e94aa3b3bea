import { countedTotal, DENOMINATIONS } from '../../../shared/cash';
import { formatMoney, type Centimes } from '../../../shared/money';

/** Moroccan notes start at 20 DH; below are coins. */
const SMALLEST_NOTE: Centimes = 2_000;
/** As the contract allows per denomination. */
const MAX_QUANTITY = 100_000;

/** The count as typed: denomination in centimes (as text) → number of notes or coins typed. */
export type CountValues = Record<string, string>;

export function emptyCount(): CountValues {
  return Object.fromEntries(DENOMINATIONS.map((d) => [String(d), '']));
}

export const isNote = (denomination: Centimes) => denomination >= SMALLEST_NOTE;

/** "200 DH", "0,50 DH": a note or coin as people name it. */
export function denominationLabel(denomination: Centimes): string {
  return formatMoney(denomination).replace(/,00(?=\u00a0)/, '');
}

/** A number of notes or coins: "12" → 12, "" → null (not counted), NaN when it is not a whole number in range. */
export function parseCountQuantity(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d{1,6}$/.test(trimmed)) return Number.NaN;
  const quantity = Number(trimmed);
  return quantity <= MAX_QUANTITY ? quantity : Number.NaN;
}

export interface LiveCount {
  /** What cash.close receives: the denominations typed, zeros included. */
  count: Record<string, number>;
  /** Each line's total, null when its quantity cannot be read. */
  lines: Record<string, Centimes | null>;
  counted: Centimes;
  /** counted − expected: negative when cash is missing. */
  difference: Centimes;
  /** Denominations whose quantity cannot be read. */
  invalid: string[];
  /** Nothing typed at all. */
  empty: boolean;
}

/** The count as it stands: line totals and the counted total by shared/cash.ts, and the difference with the expected. */
export function liveCount(values: CountValues, expected: Centimes): LiveCount {
  const count: Record<string, number> = {};
  const lines: Record<string, Centimes | null> = {};
  const invalid: string[] = [];
  for (const denomination of DENOMINATIONS) {
    const key = String(denomination);
    const quantity = parseCountQuantity(values[key] ?? '');
    if (quantity === null) {
      lines[key] = 0;
    } else if (Number.isNaN(quantity)) {
      lines[key] = null;
      invalid.push(key);
    } else {
      count[key] = quantity;
      lines[key] = countedTotal({ [key]: quantity });
    }
  }
  const counted = countedTotal(count);
  return {
    count,
    lines,
    counted,
    difference: counted - expected,
    invalid,
    empty: Object.keys(count).length === 0 && invalid.length === 0,
  };
}
