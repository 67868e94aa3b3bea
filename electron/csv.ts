import Papa from 'papaparse';

const BOM = '\ufeff';

/**
 * A cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) gets a leading apostrophe: the
 * value stays readable and is never executed (OWASP CSV injection).
 */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** French spreadsheet CSV: UTF-8 with BOM, semicolons, CRLF, quotes where needed, formulas neutralised. */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  const lines = rows.map((row) =>
    row
      .map((cell) => {
        const text = typeof cell === 'number' ? String(cell).replace('.', ',') : neutralizeCell(cell);
        return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
      })
      .join(';'),
  );
  return BOM + lines.join('\r\n') + '\r\n';
}

/** Reads a CSV export from another program: BOM or not, comma or semicolon (detected), quoted fields, CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const result = Papa.parse<string[]>(text.startsWith(BOM) ? text.slice(1) : text, {
    delimitersToGuess: [';', ',', '\t'],
    skipEmptyLines: 'greedy',
  });
  return result.data;
}
