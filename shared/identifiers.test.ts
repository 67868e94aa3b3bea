import { describe, expect, it } from 'vitest';
import {
  cinError,
  cnssError,
  expectedRibKey,
  iceError,
  ifError,
  patenteError,
  rcError,
  ribError,
  ribKeyMatches,
  ribParts,
} from './identifiers';

// A RIB built to satisfy the key rule: 22 digits, then the key that makes the whole number divisible by 97.
const body = '0117800000012345678901';
const goodRib = body + expectedRibKey(body);

describe('ICE', () => {
  it('accepts 15 digits', () => expect(iceError('001525487000088')).toBeNull());
  it('rejects other lengths with the count', () => expect(iceError('12345')).toContain('15 chiffres (ici 5)'));
  it('rejects letters and spaces', () => {
    expect(iceError('00152548700008A')).toContain('que des chiffres');
    expect(iceError('001 525 487 000 088')).toContain('que des chiffres');
  });
});

describe('RIB', () => {
  it('splits bank, city, account, key', () => {
    expect(ribParts(goodRib)).toEqual({
      bank: '011',
      city: '780',
      account: '0000012345678901',
      key: goodRib.slice(22),
    });
  });
  it('checks the key as the whole number modulo 97', () => {
    expect(ribKeyMatches(goodRib)).toBe(true);
    const wrongKey = body + String((Number(expectedRibKey(body)) + 1) % 97).padStart(2, '0');
    expect(ribKeyMatches(wrongKey)).toBe(false);
    // BigInt as an independent computation of the same rule.
    expect(BigInt(goodRib) % 97n).toBe(0n);
  });
  it('requires 24 digits', () => {
    expect(ribError(goodRib)).toBeNull();
    expect(ribError(goodRib.slice(1))).toContain('24 chiffres');
    expect(ribError(`${goodRib.slice(0, 23)}x`)).toContain('que des chiffres');
  });
});

describe('other identifiers', () => {
  it('CIN is letters then digits', () => {
    expect(cinError('AB123456')).toBeNull();
    expect(cinError('J123456')).toBeNull();
    expect(cinError('ab123456')).not.toBeNull();
    expect(cinError('123456')).not.toBeNull();
  });
  it('CNSS is 7 digits', () => {
    expect(cnssError('1234567')).toBeNull();
    expect(cnssError('123456')).toContain('7 chiffres');
  });
});

describe('IF, RC and patente', () => {
  it('accept the digits of real-format numbers', () => {
    expect(ifError('15201477')).toBeNull(); // IF: 8 digits for most companies
    expect(ifError('1084563')).toBeNull();
    expect(rcError('345721')).toBeNull(); // RC number (the court is a separate field)
    expect(patenteError('35702145')).toBeNull();
  });
  it('refuse letters, separators and overlong numbers with the field named', () => {
    expect(ifError('15 201 477')).toBe("L'identifiant fiscal (IF) ne doit contenir que des chiffres.");
    expect(ifError('12345678901')).toBe("L'identifiant fiscal (IF) doit comporter de 1 à 10 chiffres.");
    expect(rcError('RC345721')).toBe('Le numéro de RC ne doit contenir que des chiffres.');
    expect(patenteError('3570-2145')).toBe('Le numéro de patente (TP) ne doit contenir que des chiffres.');
  });
});
