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
  /** How the bytes were read: detected (csvEncoding), or chosen by the user from the preview. */
  encoding: CsvEncoding;
  /** The file as chosen, to read it again in another encoding. */
  bytes: Uint8Array;
  headers: string[];
  /** The first data rows, to show an example beside each mapped column. */
  samples: string[][];
  /** Data rows below the header. */
  rowCount: number;
}

export const CSV_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1256', 'windows-1252'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

/**
 * Arabic text in a single-byte encoding is runs of bytes above 0x7F (whole words); French puts its accented letters
 * one at a time between ASCII letters. Most such bytes in runs of two or more: Windows-1256 (Excel on an Arabic
 * Windows), else Windows-1252 (on a French one).
 */
function singleByteEncoding(bytes: Uint8Array): CsvEncoding {
  let high = 0;
  let inRuns = 0;
  for (let i = 0; i < bytes.length; i++) {
    if ((bytes[i] ?? 0) < 0x80) continue;
    high++;
    if ((bytes[i - 1] ?? 0) >= 0x80 || (bytes[i + 1] ?? 0) >= 0x80) inRuns++;
  }
  return high > 0 && inRuns * 2 > high ? 'windows-1256' : 'windows-1252';
}

/** UTF-16 without a BOM still shows itself: NULs, all on odd (LE) or all on even (BE) bytes, beside its ASCII. */
function utf16WithoutBom(bytes: Uint8Array): CsvEncoding | null {
  const sample = bytes.subarray(0, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  // Text files hold no NUL otherwise; Arabic UTF-16 has few (only its ASCII: separators, digits, line breaks).
  if (odd >= 2 && even === 0) return 'utf-16le';
  if (even >= 2 && odd === 0) return 'utf-16be';
  return null;
}

/** UTF-16 by its BOM (or its NULs), UTF-8 when the bytes are valid UTF-8, else Windows-1256 or -1252 by plausibility. */
export function csvEncoding(bytes: Uint8Array): CsvEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return utf16;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return singleByteEncoding(bytes);
  }
}

// eslint-disable-next-line no-control-regex -- control characters never reach the main process (tab and breaks stay)
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** The text of the file in an encoding (detected unless given), without its BOM nor control characters. */
export function decodeCsv(bytes: Uint8Array, chosen?: CsvEncoding): { text: string; encoding: CsvEncoding } {
  const encoding = chosen ?? csvEncoding(bytes);
  const text = new TextDecoder(encoding).decode(bytes).replace(CONTROL, '');
  return { text: text.startsWith('\ufeff') ? text.slice(1) : text, encoding };
}

/**
 * The header, a few example rows and the row count. Parsed with the same options as the main process (electron/csv.ts),
 * so the column numbers of the mapping are the ones it reads.
 */
export function readCsv(name: string, bytes: Uint8Array, chosen?: CsvEncoding): CsvFile {
  const { text, encoding } = decodeCsv(bytes, chosen);
  const parsed = Papa.parse<string[]>(text, { delimitersToGuess: [';', ',', '\t'], skipEmptyLines: 'greedy' });
  const [headers = [], ...rows] = parsed.data;
  return {
    name,
    size: bytes.length,
    text,
    encoding,
    bytes,
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
