import type { Centimes } from './money';

/** Moroccan notes and coins counted at the close of a cash session, in centimes. */
export const DENOMINATIONS: readonly Centimes[] = [20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50, 20, 10];

/** The total of a count: { "20000": 3, "50": 4 } → 60 200. Unknown denominations count for nothing. */
export function countedTotal(count: Readonly<Partial<Record<string, number>>>): Centimes {
  return DENOMINATIONS.reduce((sum, d) => sum + d * (count[String(d)] ?? 0), 0);
}
