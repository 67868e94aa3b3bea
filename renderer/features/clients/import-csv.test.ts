import { describe, expect, it } from 'vitest';
import type { ImportRowReport } from '../../../shared/api';
import { suggestMapping } from '../../../shared/import-mapping';
import { cleanMapping, decodeCsv, readCsv, rowsInError, unusedColumns } from './import-csv';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('CSV import in the browser', () => {
  it('reads UTF-8 with or without a BOM, and Windows-1252 when the bytes are not UTF-8', () => {
    expect(decodeCsv(utf8('\ufeffNom;Ville\r\nBenani;Fès\r\n'))).toEqual({
      text: 'Nom;Ville\r\nBenani;Fès\r\n',
      encoding: 'utf-8',
    });
    expect(decodeCsv(utf8('Nom\nFès\n')).text).toBe('Nom\nFès\n');
    // "Fès" saved by Excel on a French Windows: è is the single byte 0xE8.
    const latin = new Uint8Array([0x4e, 0x6f, 0x6d, 0x0a, 0x46, 0xe8, 0x73, 0x0a]);
    expect(decodeCsv(latin)).toEqual({ text: 'Nom\nFès\n', encoding: 'windows-1252' });
  });

  it('reads UTF-16 by its BOM or its NULs, and tells Arabic Windows-1256 from French Windows-1252', () => {
    const name = 'Nom\r\nمحمد العلوي\r\n';
    const le = new Uint8Array([
      0xff,
      0xfe,
      ...Array.from(name).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]),
    ]);
    expect(decodeCsv(le)).toEqual({ text: name, encoding: 'utf-16le' });
    const be = new Uint8Array([
      0xfe,
      0xff,
      ...Array.from(name).flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff]),
    ]);
    expect(decodeCsv(be)).toEqual({ text: name, encoding: 'utf-16be' });
    expect(decodeCsv(le.subarray(2))).toEqual({ text: name, encoding: 'utf-16le' });
    // محمد العلوي saved by Excel on an Arabic Windows (it was read as ãÍãÏ ÇáÚáæí).
    const arabic = new Uint8Array([
      0x4e, 0x6f, 0x6d, 0x0a, 0xe3, 0xcd, 0xe3, 0xcf, 0x20, 0xc7, 0xe1, 0xda, 0xe1, 0xe6, 0xed, 0x0a,
    ]);
    expect(decodeCsv(arabic)).toEqual({ text: 'Nom\nمحمد العلوي\n', encoding: 'windows-1256' });
    // "Hélène à Fès": accented letters one at a time, French.
    const french = new Uint8Array([0x48, 0xe9, 0x6c, 0xe8, 0x6e, 0x65, 0x20, 0xe0, 0x20, 0x46, 0xe8, 0x73]);
    expect(decodeCsv(french)).toEqual({ text: 'Hélène à Fès', encoding: 'windows-1252' });
    // The user may read it again in another encoding; control characters never pass.
    expect(decodeCsv(arabic, 'windows-1252').text).toBe('Nom\nãÍãÏ ÇáÚáæí\n');
    expect(decodeCsv(utf8('Nom\u0000\u0001;Ville\tA\n')).text).toBe('Nom;Ville\tA\n');
  });

  it('finds the header, examples and row count, whatever the separator', () => {
    for (const separator of [';', ',', '\t']) {
      const csv =
        ['Prénom', 'Nom', 'Téléphone'].join(separator) + '\n' + ['Sanaa', 'Zerhouni', '0612345678'].join(separator);
      const file = readCsv('clients.csv', utf8(`${csv}\n\n`));
      expect(file.headers).toEqual(['Prénom', 'Nom', 'Téléphone']);
      expect(file.samples).toEqual([['Sanaa', 'Zerhouni', '0612345678']]);
      expect(file.rowCount).toBe(1);
    }
  });

  it('keeps the mapping to the mapped fields and names the columns left out', () => {
    const headers = ['Nom', 'Prénom', 'Code interne', 'Téléphone'];
    const mapping = suggestMapping(headers);
    expect(cleanMapping(mapping)).toEqual({ lastName: 0, firstName: 1, phone: 3 });
    expect(unusedColumns(headers, mapping)).toEqual([2]);
  });

  it('keeps only the rows with errors for the report', () => {
    const rows: ImportRowReport[] = [
      { line: 2, displayName: 'A', errors: {} },
      { line: 3, displayName: 'B', errors: { ice: 'ICE ?' } },
    ];
    expect(rowsInError(rows).map((row) => row.line)).toEqual([3]);
  });
});
