import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../support/documents';
import { renderSamples } from '../support/pdf-samples';

/**
 * The PDFs as the code printed them when the fixture was written: same SHA-256 (the renders are deterministic: fixed
 * creation date, fixed font subset tags) and same text for the same document. A change of layout on purpose rewrites
 * the fixture (`PDF_FIXTURE=write npx vitest run test/integration/pdf-output.test.ts`) in the same commit, saying why.
 */
const FIXTURE = new URL('./pdf-output.fixture.json', import.meta.url);

interface Printed {
  sha256: string;
  text: string;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function printed(pdfs: Record<string, Buffer>): Record<string, Printed> {
  return Object.fromEntries(
    Object.entries(pdfs).map(([name, pdf]) => [name, { sha256: sha256(pdf), text: pdfText(pdf) }]),
  );
}

describe('PDF output', () => {
  it('is the same document, byte for byte, as the fixture, whatever was rendered before in the process', async () => {
    const first = printed(await renderSamples());
    if (process.env.PDF_FIXTURE === 'write' || !existsSync(FIXTURE)) {
      writeFileSync(FIXTURE, `${JSON.stringify(first, null, 2)}\n`);
    }
    const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, Printed>;
    expect(Object.keys(first).sort()).toEqual(Object.keys(fixture).sort());
    for (const [name, expected] of Object.entries(fixture)) {
      expect(first[name]?.text, `${name}: text`).toBe(expected.text);
      expect(first[name]?.sha256, `${name}: SHA-256`).toBe(expected.sha256);
    }
    // Again, with every cache of the process warm: what a document shares with others must not leak into it.
    const again = printed(await renderSamples());
    for (const [name, expected] of Object.entries(fixture)) expect(again[name]?.sha256, name).toBe(expected.sha256);
  });
});
