import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A cell as LibreOffice read it: its type, its value (number, date or text) and its formula, if any. */
export interface OdsCell {
  type: string;
  value: string;
  formula: string | null;
}

/** LibreOffice headless: converts `file` with the given filter; returns the folder holding what it wrote. */
export function soffice(file: string, convertTo: string, extraArgs: string[] = []): { dir: string; output: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'guichet-lo-'));
  const output = execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${dir}/profile`,
      '--headless',
      ...extraArgs,
      '--convert-to',
      convertTo,
      '--outdir',
      dir,
      file,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  return { dir, output };
}

export function writeTemp(name: string, data: Buffer | string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'guichet-export-')), name);
  writeFileSync(file, data);
  return file;
}

const unescape = (text: string) =>
  text
    .replace(/<text:s(?: text:c="(\d+)")?\/>/g, (_, n: string | undefined) => ' '.repeat(Number(n ?? 1)))
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The sheets of a flat ODS file (LibreOffice's XML), each as rows of cells, repeated empty cells left out. */
export function readFods(file: string): Map<string, OdsCell[][]> {
  const xml = readFileSync(file, 'utf8');
  const sheets = new Map<string, OdsCell[][]>();
  for (const table of xml.matchAll(/<table:table table:name="([^"]*)"[^>]*>([\s\S]*?)<\/table:table>/g)) {
    const rows: OdsCell[][] = [];
    for (const row of (table[2] ?? '').matchAll(/<table:table-row[^>]*?(?:\/>|>([\s\S]*?)<\/table:table-row>)/g)) {
      const cells: OdsCell[] = [];
      for (const cell of (row[1] ?? '').matchAll(/<table:table-cell([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)) {
        const attrs = cell[1] ?? '';
        const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(attrs)?.[1] ?? null;
        const repeat = Math.min(Number(attr('table:number-columns-repeated') ?? 1), 64);
        const type = attr('office:value-type') ?? '';
        const value =
          type === 'float' || type === 'currency' || type === 'percentage'
            ? (attr('office:value') ?? '')
            : type === 'date'
              ? (attr('office:date-value') ?? '')
              : [...(cell[2] ?? '').matchAll(/<text:p[^>]*>([\s\S]*?)<\/text:p>/g)]
                  .map((p) => unescape(p[1] ?? ''))
                  .join('\n');
        for (let i = 0; i < repeat; i++) cells.push({ type, value, formula: attr('table:formula') });
      }
      while (cells.length > 0 && cells[cells.length - 1]?.type === '') cells.pop();
      rows.push(cells);
    }
    sheets.set(unescape(table[1] ?? ''), rows);
  }
  return sheets;
}

export function filesIn(dir: string): string[] {
  return readdirSync(dir).filter((f) => f !== 'profile');
}
