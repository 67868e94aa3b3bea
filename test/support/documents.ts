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

/** A word of a PDF where poppler reads it: its page and box in points from the top left. */
export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word of a PDF with its box (pdftotext -bbox), to check that text stays in its place. */
export function pdfWords(pdf: Buffer): { words: PdfWord[]; pageWidths: number[] } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'guichet-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
    const words: PdfWord[] = [];
    const pageWidths: number[] = [];
    for (const [, page, body] of html.matchAll(/<page width="([\d.]+)"[^>]*>([\s\S]*?)<\/page>/g)) {
      pageWidths.push(Number(page));
      for (const w of (body ?? '').matchAll(
        /<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g,
      )) {
        words.push({
          page: pageWidths.length,
          xMin: Number(w[1]),
          yMin: Number(w[2]),
          xMax: Number(w[3]),
          yMax: Number(w[4]),
          text: (w[5] ?? '')
            .replace(/&amp;/g, '&')
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"'),
        });
      }
    }
    return { words, pageWidths };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Pairs of words printed over each other (boxes overlapping by more than a hair), as "a / b". */
export function overprinted(words: PdfWord[]): string[] {
  const found: string[] = [];
  const hair = 0.5;
  words.forEach((a, i) => {
    for (const b of words.slice(i + 1)) {
      if (a.page !== b.page) continue;
      const x = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const y = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      if (x > hair && y > hair) found.push(`${a.text} / ${b.text}`);
    }
  });
  return found;
}
