import Papa from 'papaparse';
import type { ImportField, ImportRowReport } from '../../../shared/api';
import { IMPORT_FIELDS } from '../../../shared/api';

/** The contract refuses more (clients.importPreview / importCommit). */
export const MAX_CSV_BYTES = 20 * 1024 * 1024;

export type Mapping = Partial<Record<ImportField, number>>;

export interface CsvFile {
  name: string;
  size: number;
  /** The text sent to the main process: decoded, without its BOM. */
  text: string;
  /** Windows-1252 when the bytes were not valid UTF-8 (an Excel export on a French Windows). */
  encoding: 'utf-8' | 'windows-1252';
  headers: string[];
  /** The first data rows, to show an example beside each mapped column. */
  samples: string[][];
  /** Data rows below the header. */
  rowCount: number;
}

/** UTF-8 first (with or without BOM); bytes that are not UTF-8 are read as Windows-1252, the usual other case. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvFile['encoding'] } {
  let text: string;
  let encoding: CsvFile['encoding'] = 'utf-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
    encoding = 'windows-1252';
  }
  return { text: text.startsWith('\ufeff') ? text.slice(1) : text, encoding };
}

/**
 * The header, a few example rows and the row count. Parsed with the same options as the main process (electron/csv.ts),
 * so the column numbers of the mapping are the ones it reads.
 */
export function readCsv(name: string, bytes: Uint8Array): CsvFile {
  const { text, encoding } = decodeCsv(bytes);
  const parsed = Papa.parse<string[]>(text, { delimitersToGuess: [';', ',', '\t'], skipEmptyLines: 'greedy' });
  const [headers = [], ...rows] = parsed.data;
  return {
    name,
    size: bytes.length,
    text,
    encoding,
    headers: headers.map((h) => h.trim()),
    samples: rows.slice(0, 3),
    rowCount: rows.length,
  };
}

/** The mapping sent to the main process: only the fields fed by a column. */
export function cleanMapping(mapping: Mapping): Mapping {
  const clean: Mapping = {};
  for (const field of IMPORT_FIELDS) {
    const column = mapping[field];
    if (column !== undefined) clean[field] = column;
  }
  return clean;
}

/** The file's columns that feed no field (shown so that nothing is dropped by surprise). */
export function unusedColumns(headers: string[], mapping: Mapping): number[] {
  const used = new Set(Object.values(mapping));
  return headers.map((_, index) => index).filter((index) => !used.has(index));
}

/** Rows with at least one error, in file order. */
export function rowsInError(rows: ImportRowReport[]): ImportRowReport[] {
  return rows.filter((row) => Object.keys(row.errors).length > 0);
}
