import { describe, expect, it } from 'vitest';
import { versionMismatch } from '../../office/protocol';
import { PAIRING_MAX_ATTEMPTS, PAIRING_VALIDITY_MS, PairingCodes } from './pairing';

const T0 = Date.UTC(2026, 10, 26, 9);

describe('pairing codes', () => {
  it('gives eight digits that work once, with or without the dash', () => {
    const codes = new PairingCodes();
    const { code, expiresAt } = codes.issue(T0);
    expect(code).toMatch(/^\d{4}-\d{4}$/);
    expect(expiresAt).toBe(T0 + PAIRING_VALIDITY_MS);
    expect(codes.consume(code.replace('-', ''), T0 + 1)).toBe('ok');
    expect(codes.consume(code, T0 + 2)).toBe('none');
  });

  it('expires after ten minutes', () => {
    const codes = new PairingCodes();
    const { code } = codes.issue(T0);
    expect(codes.consume(code, T0 + PAIRING_VALIDITY_MS + 1)).toBe('expired');
    expect(codes.consume(code, T0 + PAIRING_VALIDITY_MS + 2)).toBe('none');
  });

  it('counts wrong codes and burns the code at the fifth', () => {
    const codes = new PairingCodes();
    const { code } = codes.issue(T0);
    const wrong = code === '0000-0000' ? '0000-0001' : '0000-0000';
    for (let i = 1; i < PAIRING_MAX_ATTEMPTS; i++) expect(codes.consume(wrong, T0)).toBe('wrong');
    expect(codes.consume(wrong, T0)).toBe('exhausted');
    expect(codes.consume(code, T0)).toBe('none');
  });

  it('replaces the previous code when a new one is issued', () => {
    const codes = new PairingCodes();
    const first = codes.issue(T0).code;
    const second = codes.issue(T0).code;
    if (first !== second) expect(codes.consume(first, T0)).toBe('wrong');
    expect(codes.consume(second, T0)).toBe('ok');
  });
});

describe('contract versions', () => {
  it('names the side to update', () => {
    expect(versionMismatch(1, 1, 'desk')).toBeNull();
    expect(versionMismatch(1, 2, 'desk')).toContain('Mettez à jour ce poste');
    expect(versionMismatch(3, 2, 'server')).toContain('Mettez à jour le serveur du bureau');
  });
});
