import { createHash } from 'node:crypto';
import { zipSync, strToU8 } from 'fflate';
import { nativeHandle } from '../../db/data-source';
import type { Actor, Database } from '../../db/database';
import { verifyAuditChain } from '../audit/chain';
import { findDocument } from '../documents/repository';
import { renderDocument, sealDocument } from '../documents/printing';
import { companySettings } from '../documents/snapshot';
import { ublFileOf } from './export';
import { archiveReadme } from './archive-readme';
import { issuedBetween } from './source';
import { pdfFileName } from './ubl-document';

export const MANIFEST = 'manifest.json';
export const CHECKSUMS = 'SHA256SUMS';
export const README = 'LISEZMOI.txt';

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export interface ArchiveEntry {
  number: string;
  type: 'invoice' | 'credit_note';
  issueDate: string;
  pdf: { file: string; sha256: string };
  /** The SHA-256 stored when the document was issued (Law 53-05); the archived PDF must have it. */
  sealedSha256: string | null;
  ubl: { file: string; sha256: string };
}

export interface ArchiveManifest {
  format: 'guichet-archive-1';
  year: number;
  createdAt: string;
  company: { name: string; ice: string };
  documents: ArchiveEntry[];
  /** The audit log's hash chain as it stood: its last entry's hash and how many entries it held. */
  auditChain: { headHash: string | null; lastId: number | null; length: number; whole: boolean };
}

/** A fixed date inside the zip: the same year archived twice gives the same bytes but for the manifest's createdAt. */
const ZIP_TIME = new Date('2000-01-01T00:00:00Z');

const folderOf = (type: ArchiveEntry['type']) => (type === 'invoice' ? 'factures' : 'avoirs');

/**
 * The archive of a year an inspector can verify offline: every invoice and credit note issued that year as its original
 * PDF (rendered again from what was frozen at issue: the same bytes, checked against the sealed SHA-256) and its UBL
 * file, a manifest with each SHA-256 and the audit chain's head, a SHA256SUMS file for `sha256sum -c`, and a French
 * README. Returns the zip and what it holds.
 */
export async function buildYearArchive(
  db: Database,
  actor: Actor,
  year: number,
  now: Date,
  via: 'app' | 'cli',
): Promise<{ zip: Uint8Array; manifest: ArchiveManifest; unsealed: string[] }> {
  const company = await companySettings(db.reader);
  const files: Record<string, Uint8Array> = {};
  const documents: ArchiveEntry[] = [];
  const unsealed: string[] = [];
  for (const id of issuedBetween(db.reader, `${year}-01-01`, `${year}-12-31`)) {
    // An invoice issued by a payment is sealed just after it; one the app stopped before sealing is sealed now.
    if (!(await findDocument(db.reader, id)).pdfSha256) await sealDocument(db, actor, id);
    const row = await findDocument(db.reader, id);
    const pdf = await renderDocument(db.reader, row, 'original');
    const ubl = await ublFileOf(db, id);
    const type = row.type as ArchiveEntry['type'];
    const pdfPath = `${folderOf(type)}/${pdfFileName(ubl)}`;
    const ublPath = `${folderOf(type)}/${ubl.fileName}`;
    const ublBytes = strToU8(ubl.xml);
    files[pdfPath] = pdf;
    files[ublPath] = ublBytes;
    const pdfSha = sha256(pdf);
    if (row.pdfSha256 !== pdfSha) unsealed.push(ubl.number);
    documents.push({
      number: ubl.number,
      type,
      issueDate: row.issueDate ?? '',
      pdf: { file: pdfPath, sha256: pdfSha },
      sealedSha256: row.pdfSha256,
      ubl: { file: ublPath, sha256: sha256(ublBytes) },
    });
  }
  const chain = await verifyAuditChain(nativeHandle(db.dataSource));
  const manifest: ArchiveManifest = {
    format: 'guichet-archive-1',
    year,
    createdAt: now.toISOString(),
    company: { name: company.name, ice: company.ice },
    documents,
    auditChain: {
      headHash: chain.headHash,
      lastId: chain.lastId,
      length: chain.checked + (chain.broken ? 1 : 0),
      whole: chain.broken === null,
    },
  };
  files[MANIFEST] = strToU8(`${JSON.stringify(manifest, null, 2)}\n`);
  files[README] = strToU8(archiveReadme(manifest));
  const sums = Object.entries(files).map(([name, bytes]) => `${sha256(bytes)}  ${name}`);
  files[CHECKSUMS] = strToU8(`${sums.join('\n')}\n`);
  const zip = zipSync(
    Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, [bytes, { mtime: ZIP_TIME }]])),
    { level: 6 },
  );
  await db.write(actor, 'einvoice.archive', (tx) =>
    tx.audit({
      action: 'einvoice.archive',
      entity: 'archive',
      entityId: year,
      summary: { year, documents: documents.length, zipSha256: sha256(zip), auditHead: chain.headHash, via },
    }),
  );
  return { zip, manifest, unsealed };
}
