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
