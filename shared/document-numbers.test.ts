import { describe, expect, it } from 'vitest';
import { formatDocumentNumber, parseNumberQuery, seriesPrefix } from './document-numbers';

describe('document numbers', () => {
  it('formats a number from its prefix, year and place in the series', () => {
    expect(formatDocumentNumber('FA', 2026, 45)).toBe('FA-2026-000045');
    expect(formatDocumentNumber('PF', 2027, 1_234_567)).toBe('PF-2027-1234567');
  });

  it('takes the prefix of each series from the settings', () => {
    const prefixes = { proforma: 'PRO', invoice: 'F', creditNote: 'AV', receipt: 'RE' };
    expect(seriesPrefix('proforma', prefixes)).toBe('PRO');
    expect(seriesPrefix('invoice', prefixes)).toBe('F');
    expect(seriesPrefix('credit_note', prefixes)).toBe('AV');
  });

  it('reads what a person types to find a document', () => {
    expect(parseNumberQuery(' fa-2026-000045 ')).toEqual({ kind: 'seq', seq: 45, year: 2026, prefix: 'FA' });
    expect(parseNumberQuery('2026-45')).toEqual({ kind: 'seq', seq: 45, year: 2026, prefix: null });
    expect(parseNumberQuery('000045')).toEqual({ kind: 'seq', seq: 45, year: null, prefix: null });
    expect(parseNumberQuery('FA-20')).toEqual({ kind: 'seq', seq: 20, year: null, prefix: 'FA' });
    expect(parseNumberQuery('FA-2026-')).toEqual({ kind: 'prefix', text: 'FA-2026-' });
    expect(parseNumberQuery('')).toBeNull();
    expect(parseNumberQuery("x' OR 1=1")).toBeNull();
  });
});
