import { describe, expect, it } from 'vitest';
import { amountInWords, numberInWords } from './amount-in-words';

describe('numbers in French words (traditional spelling)', () => {
  it.each([
    [0, 'zéro'],
    [1, 'un'],
    [16, 'seize'],
    [17, 'dix-sept'],
    [21, 'vingt et un'],
    [22, 'vingt-deux'],
    [70, 'soixante-dix'],
    [71, 'soixante et onze'],
    [77, 'soixante-dix-sept'],
    [80, 'quatre-vingts'],
    [81, 'quatre-vingt-un'],
    [91, 'quatre-vingt-onze'],
    [99, 'quatre-vingt-dix-neuf'],
    [100, 'cent'],
    [101, 'cent un'],
    [200, 'deux cents'],
    [201, 'deux cent un'],
    [280, 'deux cent quatre-vingts'],
    [1000, 'mille'],
    [1200, 'mille deux cents'],
    [2000, 'deux mille'],
    [80_000, 'quatre-vingt mille'],
    [200_000, 'deux cent mille'],
    [1_000_000, 'un million'],
    [2_000_000, 'deux millions'],
    [80_000_000, 'quatre-vingts millions'],
    [200_000_000, 'deux cents millions'],
    [1_001_001, 'un million mille un'],
    [1_000_000_000, 'un milliard'],
    [
      999_999_999_999,
      'neuf cent quatre-vingt-dix-neuf milliards neuf cent quatre-vingt-dix-neuf millions neuf cent quatre-vingt-dix-neuf mille neuf cent quatre-vingt-dix-neuf',
    ],
  ])('%i → %s', (n, words) => {
    expect(numberInWords(n)).toBe(words);
  });

  it('refuses what it cannot say', () => {
    expect(() => numberInWords(-1)).toThrow(RangeError);
    expect(() => numberInWords(1.5)).toThrow(RangeError);
    expect(() => numberInWords(1e12)).toThrow(RangeError);
  });
});

describe('amounts in words', () => {
  it('dirhams and centimes, the Moroccan invoice way', () => {
    expect(amountInWords(120_050)).toBe('mille deux cents dirhams et cinquante centimes');
    expect(amountInWords(100)).toBe('un dirham');
    expect(amountInWords(1)).toBe('zéro dirham et un centime');
    expect(amountInWords(0)).toBe('zéro dirham');
    expect(amountInWords(100_000_000)).toBe('un million de dirhams');
    expect(amountInWords(100_000_100)).toBe('un million un dirhams');
    expect(amountInWords(588_000)).toBe('cinq mille huit cent quatre-vingts dirhams');
  });

  it('euros and dollars likewise', () => {
    expect(amountInWords(9_999, 'EUR')).toBe('quatre-vingt-dix-neuf euros et quatre-vingt-dix-neuf centimes');
    expect(amountInWords(2_101, 'USD')).toBe('vingt et un dollars et un cent');
  });
});
