import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SCHEMAS = path.resolve(__dirname, '../../build/ubl-2.1/xsd/maindoc');

/**
 * Validates UBL files against the official OASIS UBL 2.1 schemas with xmllint (Debian's libxml2-utils), in one xmllint
 * run per root element (the 2.4 MB schema is loaded once). Returns xmllint's complaints, empty when every file is valid.
 */
export function ublSchemaErrors(files: { name: string; xml: string }[]): string[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'guichet-ubl-'));
  try {
    const errors: string[] = [];
    for (const root of ['Invoice', 'CreditNote'] as const) {
      const mine = files.filter((f) => f.xml.includes(`<${root} `));
      if (mine.length === 0) continue;
      const paths = mine.map((f, i) => {
        const file = path.join(dir, `${root}-${i}-${f.name.replace(/[^\w.-]/g, '_')}`);
        writeFileSync(file, f.xml);
        return file;
      });
      const run = spawnSync(
        'xmllint',
        ['--noout', '--nonet', '--schema', path.join(SCHEMAS, `UBL-${root}-2.1.xsd`), ...paths],
        { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      );
      if (run.error) throw run.error;
      errors.push(...run.stderr.split('\n').filter((l) => l.trim() !== '' && !l.endsWith(' validates')));
    }
    return errors;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
