import { describe, expect, it } from 'vitest';
import { formatMoney, formatRate, parseMoney } from './money';

describe('formatMoney', () => {
  it('uses the French narrow space for thousands and DH for dirhams', () => {
    expect(formatMoney(123450)).toBe('1\u202f234,50\u00a0DH');
    expect(formatMoney(5)).toBe('0,05\u00a0DH');
    expect(formatMoney(-305, 'USD')).toBe('-3,05\u00a0$');
    expect(formatMoney(100000000, 'EUR')).toBe('1\u202f000\u202f000,00\u00a0€');
  });
  it('refuses anything but whole centimes', () => {
    expect(() => formatMoney(1.5)).toThrow(RangeError);
    expect(() => formatMoney(Number.NaN)).toThrow(RangeError);
  });
});

describe('parseMoney', () => {
  it('reads what people type', () => {
    expect(parseMoney('1 234,5')).toBe(123450);
    expect(parseMoney('1234.50')).toBe(123450);
    expect(parseMoney('1\u202f234,50')).toBe(123450);
    expect(parseMoney('12')).toBe(1200);
    expect(parseMoney('-0,05')).toBe(-5);
  });
  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '1,234', '1.2.3', '12,345', '1e5', '--1']) expect(parseMoney(bad)).toBeNull();
  });
});

it('formatRate shows basis points as a percentage', () => {
  expect(formatRate(2000)).toBe('20\u00a0%');
  expect(formatRate(25)).toBe('0,25\u00a0%');
  expect(formatRate(1450)).toBe('14,5\u00a0%');
});
