/**
 * The ageing of what clients owe (balance âgée): each outstanding proforma by the days since its due date on the
 * report's date. A proforma not yet due (a renewal issued 30 days ahead) has its own column before the four of the
 * specification (0–30, 31–60, 61–90, over 90 days late).
 */
export const AGEING_BUCKETS = ['notDue', 'd0_30', 'd31_60', 'd61_90', 'd90plus'] as const;
export type AgeingBucket = (typeof AGEING_BUCKETS)[number];

/** Days since 1970-01-01 of a calendar date "YYYY-MM-DD": whole days, no time zone (the ageing of thousands of
 * proformas is computed at once, and a calendar library's parsing would be most of the report's time). */
export function epochDay(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

/** The bucket of a proforma due on `dueDate`, seen on `asOf` (both calendar dates). */
export function ageingBucket(dueDate: string, asOf: string): AgeingBucket {
  return bucketOfDaysLate(epochDay(asOf) - epochDay(dueDate));
}

/** The bucket of a proforma `late` days after its due date (negative: not due yet). */
export function bucketOfDaysLate(late: number): AgeingBucket {
  if (late < 0) return 'notDue';
  if (late <= 30) return 'd0_30';
  if (late <= 60) return 'd31_60';
  if (late <= 90) return 'd61_90';
  return 'd90plus';
}

export const AGEING_LABELS: Record<AgeingBucket, string> = {
  notDue: 'Non échu',
  d0_30: '0–30 j',
  d31_60: '31–60 j',
  d61_90: '61–90 j',
  d90plus: 'Plus de 90 j',
};

export type AgeingAmounts = Record<AgeingBucket, number>;

export function emptyAgeing(): AgeingAmounts {
  return { notDue: 0, d0_30: 0, d31_60: 0, d61_90: 0, d90plus: 0 };
}
