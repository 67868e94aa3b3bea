import { expect, it } from 'vitest';
import { digitsOf, phoneSearchForms, searchText, searchWords } from './search-text';

it('folds case, Latin accents, Arabic vowels, letter variants and digits', () => {
  expect(searchText('  HÉLÈNE  Benoît-Gaëlle ')).toBe('helene benoit gaelle');
  expect(searchText('مُحَمَّد')).toBe('محمد');
  expect(searchText('أحمد إدريس آمنة')).toBe('احمد ادريس امنه');
  expect(searchText('فاطمة')).toBe(searchText('فاطمه'));
  expect(searchText('٠٦٦١')).toBe('0661');
  expect(searchText('a.b@example.ma')).toBe('a.b@example.ma');
});

it('splits words and reads digits', () => {
  expect(searchWords("L'Atlas — Web")).toEqual(['l', 'atlas', 'web']);
  expect(digitsOf('+212 (0)6-61 23')).toBe('212066123');
  expect(phoneSearchForms('+212661234567')).toEqual(['0661234567', '212661234567']);
  expect(phoneSearchForms('+33142685300')).toEqual(['33142685300']);
});
