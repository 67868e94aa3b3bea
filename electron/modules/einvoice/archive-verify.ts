import { strFromU8, unzipSync } from 'fflate';
import { ublRuleProblems } from './rules';
import { CHECKSUMS, MANIFEST, sha256, type ArchiveManifest } from './archive';

export interface ArchiveCheck {
  /** Files whose SHA-256 was recomputed. */
  checked: number;
  documents: number;
  /** The first mismatch, naming the file. */
  problem: { file: string; message: string } | null;
}

const fail = (checked: number, documents: number, file: string, message: string): ArchiveCheck => ({
  checked,
  documents,
  problem: { file, message },
});

/**
 * Recomputes everything an archive claims: every file against SHA256SUMS, the manifest against the files, each PDF
 * against its sealed SHA-256 and its UBL's DocumentHash, each UBL against the rules. Stops at the first mismatch.
 */
export function verifyArchive(zip: Uint8Array): ArchiveCheck {
  const names: string[] = [];
  try {
    unzipSync(zip, { filter: (f) => (names.push(f.name), false) });
  } catch (error) {
    return fail(0, 0, '(archive)', `Archive illisible : ${error instanceof Error ? error.message : String(error)}`);
  }
  // One entry at a time, so that a damaged entry is named rather than the whole archive refused.
  const files: Record<string, Uint8Array> = {};
  for (const name of names) {
    try {
      const entry = unzipSync(zip, { filter: (f) => f.name === name })[name];
      if (entry) files[name] = entry;
    } catch {
      return fail(0, 0, name, 'Fichier endommagé dans l’archive (décompression impossible).');
    }
  }
  const sums = files[CHECKSUMS];
  if (!sums) return fail(0, 0, CHECKSUMS, 'Fichier des empreintes absent.');
  let checked = 0;
  const listed = new Set<string>();
  for (const line of strFromU8(sums)
    .split('\n')
    .filter((l) => l !== '')) {
    const match = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (!match) return fail(checked, 0, CHECKSUMS, `Ligne illisible : « ${line} ».`);
    const [, expected = '', name = ''] = match;
    const bytes = files[name];
    if (!bytes) return fail(checked, 0, name, 'Fichier listé dans SHA256SUMS mais absent de l’archive.');
    if (sha256(bytes) !== expected) return fail(checked, 0, name, 'Empreinte SHA-256 différente : fichier modifié.');
    listed.add(name);
    checked++;
  }
  for (const name of Object.keys(files)) {
    if (name !== CHECKSUMS && !listed.has(name)) return fail(checked, 0, name, 'Fichier absent de SHA256SUMS.');
  }
  let manifest: ArchiveManifest;
  try {
    manifest = JSON.parse(strFromU8(files[MANIFEST] ?? new Uint8Array())) as ArchiveManifest;
  } catch {
    return fail(checked, 0, MANIFEST, 'Manifeste illisible.');
  }
  let documents = 0;
  for (const d of manifest.documents) {
    const pdf = files[d.pdf.file];
    const ubl = files[d.ubl.file];
    if (!pdf || sha256(pdf) !== d.pdf.sha256)
      return fail(checked, documents, d.pdf.file, 'PDF différent du manifeste.');
    if (d.sealedSha256 !== null && d.sealedSha256 !== d.pdf.sha256) {
      return fail(checked, documents, d.pdf.file, 'PDF différent de l’empreinte scellée à son émission.');
    }
    if (!ubl || sha256(ubl) !== d.ubl.sha256)
      return fail(checked, documents, d.ubl.file, 'UBL différent du manifeste.');
    const xml = strFromU8(ubl);
    if (!xml.includes(`<cbc:DocumentHash>${d.pdf.sha256}</cbc:DocumentHash>`)) {
      return fail(checked, documents, d.ubl.file, 'Le fichier UBL ne cite pas l’empreinte de son PDF.');
    }
    const problems = ublRuleProblems(xml);
    if (problems.length > 0) return fail(checked, documents, d.ubl.file, problems.join(' '));
    documents++;
  }
  return { checked, documents, problem: null };
}
