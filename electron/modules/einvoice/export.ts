import type { Actor, Database } from '../../db/database';
import { findDocument } from '../documents/repository';
import { ublRuleProblems } from './rules';
import { issuedBetween, ublDocumentOf } from './source';
import { ublXml } from './ubl';
import { ublFileName } from './ubl-document';

export interface UblFile {
  documentId: number;
  number: string;
  fileName: string;
  xml: string;
}

/** The UBL file of one issued invoice or credit note; refused if it breaks a rule (the stored totals would be wrong). */
export async function ublFileOf(db: Database, id: number): Promise<UblFile> {
  const doc = await ublDocumentOf(db.reader, await findDocument(db.reader, id));
  const xml = ublXml(doc);
  const problems = ublRuleProblems(xml);
  if (problems.length > 0) throw new Error(`${doc.number} : ${problems.join(' ')}`);
  return { documentId: id, number: doc.number, fileName: ublFileName(doc), xml };
}

/** The UBL files of the given documents, or of every invoice and credit note issued in a period; audited as an export. */
export async function exportUbl(
  db: Database,
  actor: Actor,
  request: { ids: number[] } | { from: string; to: string },
  via: 'app' | 'cli',
): Promise<UblFile[]> {
  const ids = 'ids' in request ? request.ids : issuedBetween(db.reader, request.from, request.to);
  const files: UblFile[] = [];
  for (const id of ids) files.push(await ublFileOf(db, id));
  await db.write(actor, 'einvoice.export', (tx) =>
    tx.audit({
      action: 'einvoice.export',
      entity: 'document',
      entityId: null,
      summary: { ...('ids' in request ? { count: ids.length } : request), files: files.length, via },
    }),
  );
  return files;
}
