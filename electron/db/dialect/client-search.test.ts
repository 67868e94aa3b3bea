import { expect, it } from 'vitest';
import { planSearch } from './client-search';

it('reads what a query looks like', () => {
  expect(planSearch('   ')).toBeNull();
  expect(planSearch('CL-000042')).toEqual({ kind: 'code', code: 42 });
  expect(planSearch('cl 42')).toEqual({ kind: 'code', code: 42 });
  expect(planSearch('FA-2026-000045')).toEqual({ kind: 'document', documentNumber: 'FA-2026-000045' });
  expect(planSearch('pf 2026 45')).toEqual({ kind: 'document', documentNumber: 'PF-2026-000045' });
  expect(planSearch('06 61 23 45 67')).toEqual({ kind: 'digits', trigramExpr: 'ids : "661234567"' });
  expect(planSearch('+212 661 23')).toEqual({ kind: 'digits', trigramExpr: 'ids : "66123"' });
  expect(planSearch('06')).toBeNull(); // too short to mean anything yet
  expect(planSearch('karim@gm')).toEqual({ kind: 'identifier', trigramExpr: 'ids : "karim@gm"' });
  expect(planSearch('AB123456')).toEqual({ kind: 'identifier', trigramExpr: 'ids : "ab123456"' });
  expect(planSearch('Hélène Ben')).toEqual({
    kind: 'words',
    prefixExpr: '"helene"* "ben"*',
    trigramExpr: '"helene" AND "ben"',
  });
  expect(planSearch('a')).toEqual({ kind: 'words', prefixExpr: '"a"*', trigramExpr: undefined });
});
