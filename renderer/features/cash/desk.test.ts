import { describe, expect, it } from 'vitest';
import { DESK_MAX_LENGTH, normalizeDesk } from './desk';

describe('desk name', () => {
  it('is trimmed, with inner spaces collapsed', () => {
    expect(normalizeDesk('  Guichet   2 ')).toBe('Guichet 2');
  });

  it('cannot be empty or longer than the contract allows', () => {
    expect(normalizeDesk('   ')).toBeNull();
    expect(normalizeDesk('x'.repeat(DESK_MAX_LENGTH))).toHaveLength(DESK_MAX_LENGTH);
    expect(normalizeDesk('x'.repeat(DESK_MAX_LENGTH + 1))).toBeNull();
  });
});
