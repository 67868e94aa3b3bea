import type { ArchiveManifest } from './archive';

/** The short French README inside the archive: what it holds and how to check it without Guichet. */
export function archiveReadme(m: ArchiveManifest): string {
  const invoices = m.documents.filter((d) => d.type === 'invoice').length;
  const credits = m.documents.length - invoices;
  return [
    `Archive des factures et avoirs ${m.year} — ${m.company.name} (ICE ${m.company.ice})`,
    `Créée le ${m.createdAt} par Guichet.`,
    '',
    'Contenu',
    `- factures/ : ${invoices} facture(s), chacune en PDF original et en UBL 2.1 (XML, norme OASIS).`,
    `- avoirs/ : ${credits} avoir(s), de même.`,
    '- manifest.json : la liste des documents, l’empreinte SHA-256 de chaque fichier, l’empreinte scellée de chaque',
    '  PDF au moment de son émission (loi 53-05) et la tête de la chaîne du journal d’audit (empreinte et longueur).',
    '- SHA256SUMS : l’empreinte SHA-256 de chaque fichier de l’archive (dont manifest.json et ce fichier).',
    '',
    'Vérifier',
    '1. Avec Guichet : npm run cli -- archive-verify archive.zip',
    '   Tout est recalculé ; le premier fichier qui ne correspond pas est nommé.',
    '2. Sans Guichet : décompresser l’archive puis, dans le dossier, lancer « sha256sum -c SHA256SUMS »',
    '   (Linux, macOS : « shasum -a 256 -c SHA256SUMS » ; Windows : « certutil -hashfile FICHIER SHA256 »).',
    '   Chaque ligne doit finir par « OK ».',
    '3. Chaque fichier UBL cite l’empreinte de son PDF (DocumentHash) : elle doit être celle du PDF.',
    '4. La tête de la chaîne d’audit (manifest.json, auditChain) se compare à celle que donne',
    '   « npm run cli -- audit-check » sur la base de l’entreprise : le journal de l’année n’a pas été réécrit.',
    '',
  ].join('\n');
}
