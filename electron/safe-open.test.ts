import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const shell = vi.hoisted(() => ({
  openExternal: vi.fn(() => Promise.resolve()),
  openPath: vi.fn(() => Promise.resolve('')),
}));
vi.mock('electron', () => ({ shell }));

const { isSafeExternalUrl, safeOpenExternal, safeOpenPath } = await import('./safe-open');

const tmp = mkdtempSync(path.join(os.tmpdir(), 'guichet-open-'));
const docs = path.join(tmp, 'documents');
mkdirSync(path.join(docs, 'factures'), { recursive: true });
writeFileSync(path.join(docs, 'factures', 'F-2026-0001.pdf'), '%PDF-1.7');
writeFileSync(path.join(docs, 'script.exe'), 'MZ');
writeFileSync(path.join(tmp, 'ailleurs.pdf'), '%PDF-1.7');
symlinkSync(path.join(tmp, 'ailleurs.pdf'), path.join(docs, 'lien.pdf'));
mkdirSync(path.join(tmp, 'documents-bis'));
writeFileSync(path.join(tmp, 'documents-bis', 'x.pdf'), '%PDF-1.7');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeEach(() => vi.clearAllMocks());

describe('safeOpenExternal', () => {
  it.each(['https://www.dgi.gov.ma/', 'mailto:client@example.ma?subject=Facture'])('opens %s', async (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
    expect(await safeOpenExternal(url)).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith(url);
  });

  it.each([
    'http://example.ma/',
    'file:///C:/Windows/System32/calc.exe',
    'javascript:alert(1)',
    'smb://serveur/partage',
    'ms-msdt:/id PCWDiagnostic',
    'https://user:pass@example.ma/',
    'pas une adresse',
  ])('refuses %s', async (url) => {
    expect(await safeOpenExternal(url)).toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('safeOpenPath', () => {
  it('opens a PDF inside the allowed folder', async () => {
    const file = path.join(docs, 'factures', 'F-2026-0001.pdf');
    expect(await safeOpenPath(file, docs)).toBe(true);
    expect(shell.openPath).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['a file outside the folder', () => path.join(tmp, 'ailleurs.pdf')],
    ['a ../ escape', () => path.join(docs, '..', 'ailleurs.pdf')],
    ['a sibling folder sharing the prefix', () => path.join(tmp, 'documents-bis', 'x.pdf')],
    ['a symbolic link leading outside', () => path.join(docs, 'lien.pdf')],
    ['an executable inside the folder', () => path.join(docs, 'script.exe')],
    ['the folder itself', () => docs],
    ['a missing file', () => path.join(docs, 'absent.pdf')],
  ])('refuses %s', async (_name, file) => {
    expect(await safeOpenPath(file(), docs)).toBe(false);
    expect(shell.openPath).not.toHaveBeenCalled();
  });
});
