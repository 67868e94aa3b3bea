import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ProductDto } from '../../shared/api';
import { expectedRibKey } from '../../shared/identifiers';
import type { TestApp } from './core';
import { validCompany } from './fixtures';

const ribBody = '0117800000012345678901';

/** A company with every legal mention a Moroccan invoice carries (CGI art. 145). */
export const fullCompany = {
  ...validCompany,
  phone: '0522000102',
  email: 'contact@heberdomaine.ma',
  website: 'www.heberdomaine.ma',
  ifNumber: '40123456',
  rcNumber: '345678',
  rcCourt: 'Casablanca',
  patente: '35123456',
  cnss: '7654321',
  capital: 10_000_000,
  rib: ribBody + expectedRibKey(ribBody),
  bank: 'Bank of Africa',
  ccpAccount: '1234567 A',
  wafacashBeneficiary: 'HeberDomaine SARL',
};

export async function productsOf(app: TestApp): Promise<(code: string) => ProductDto> {
  const products = await app.ok('cashier', 'catalog.list', {});
  return (code) => {
    const found = products.find((p) => p.code === code);
    if (!found) throw new Error(`No product ${code}`);
    return found;
  };
}

/** The text of a PDF as poppler's pdftotext reads it (layout kept), and qpdf's structural check. */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'guichet-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function qpdfCheck(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'guichet-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return execFileSync('qpdf', ['--check', file], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function pdfPages(pdf: Buffer): number {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'guichet-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
