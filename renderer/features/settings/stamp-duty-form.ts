import type { BasisPoints } from '../../../shared/money';

/** The highest stamp duty rate the contract accepts: 10 % (1 000 basis points). */
const MAX_RATE: BasisPoints = 1_000;

/** "0,25" (or "0.25", "0,25 %") typed in percent → 25 basis points; null when not a rate of 0–10 % with two decimals. */
export function parsePercent(text: string): BasisPoints | null {
  const match = /^(\d{1,2})(?:[.,](\d{1,2}))?$/.exec(text.replace(/\s*%$/, '').trim());
  if (!match) return null;
  const rate = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return rate <= MAX_RATE ? rate : null;
}

/** 25 → "0,25": a rate in basis points as the field shows it, without the percent sign. */
export function percentInput(rate: BasisPoints): string {
  const whole = Math.trunc(rate / 100);
  const fraction = String(rate % 100).padStart(2, '0');
  return fraction === '00' ? String(whole) : `${whole},${fraction.replace(/0$/, '')}`;
}
