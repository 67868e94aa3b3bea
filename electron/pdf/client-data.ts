import type { ClientDto, ClientHistoryEntry } from '../../shared/api/clients';
import { CLIENT_ACTION_LABELS, CLIENT_FIELD_LABELS } from '../../shared/client-labels';
import { formatDateTime } from '../../shared/dates';
import { createPdf, drawLine, pdfBuffer } from './document';
import { COLORS, fieldRow, footers, sectionTitle } from './layout';

const KIND = { individual: 'Particulier', company: 'Entreprise' } as const;
const STATUS = { active: 'Actif', suspended: 'Suspendu', abandoned: 'Abandonné', terminated: 'Résilié' } as const;
const SOURCE = {
  counter: 'Au guichet',
  phone: 'Par téléphone',
  email: 'Par e-mail',
  website: 'Site web',
  import: 'Import de fichier',
} as const;
const LANGUAGE = { fr: 'Français', ar: 'Arabe', en: 'Anglais' } as const;

export interface ClientDataPdfInput {
  client: ClientDto;
  history: ClientHistoryEntry[];
  companyName: string;
  exportedAt: Date;
  exportedBy: string;
}

function changeText(changes: Record<string, unknown>): string {
  return Object.entries(changes)
    .map(([field, value]) => {
      const label = CLIENT_FIELD_LABELS[field] ?? field;
      if (Array.isArray(value) && value.length === 2) {
        const show = (v: unknown) =>
          v === null || v === ''
            ? '∅'
            : Array.isArray(v)
              ? v.join(', ') || '∅'
              : typeof v === 'string'
                ? v
                : JSON.stringify(v);
        return `${label} : ${show(value[0])} → ${show(value[1])}`;
      }
      return `${label} : ${typeof value === 'string' ? value : JSON.stringify(value)}`;
    })
    .join(' ; ');
}

/** The readable copy of everything held on one client (Law 09-08, right of access). */
export async function clientDataPdf({
  client,
  history,
  companyName,
  exportedAt,
  exportedBy,
}: ClientDataPdfInput): Promise<Buffer> {
  const doc = createPdf({ title: `Données personnelles — ${client.code}`, createdAt: exportedAt });
  const { left } = doc.page.margins;
  const width = doc.page.width - left - doc.page.margins.right;

  drawLine(doc, companyName, left, 50, { size: 10, bold: true, color: COLORS.accent });
  drawLine(doc, 'Relevé des données personnelles', left, 72, { size: 17, bold: true });
  drawLine(doc, "Loi 09-08 relative à la protection des personnes physiques — droit d'accès", left, 96, {
    size: 9,
    color: COLORS.muted,
  });
  drawLine(doc, `${client.code} — ${client.displayName}`, left, 118, { size: 12, bold: true });
  drawLine(doc, `Édité le ${formatDateTime(exportedAt.toISOString())} par ${exportedBy}`, left, 118, {
    size: 8.5,
    color: COLORS.muted,
    width,
    align: 'right',
  });
  doc.y = 140;

  sectionTitle(doc, 'Identité');
  fieldRow(doc, 'Type', KIND[client.kind]);
  if (client.kind === 'company') {
    fieldRow(doc, 'Raison sociale', client.companyName);
    fieldRow(doc, 'Forme juridique', client.legalForm);
    fieldRow(doc, 'Personne à contacter', client.contactPerson);
  } else {
    fieldRow(doc, 'Prénom', client.firstName);
    fieldRow(doc, 'Nom', client.lastName);
  }
  sectionTitle(doc, 'Coordonnées');
  fieldRow(doc, 'Téléphones', client.phones.map((p) => `${p.display} (${p.e164})`).join(', '));
  fieldRow(doc, 'E-mails', client.emails.join(', '));
  fieldRow(doc, 'Adresse', client.address);
  fieldRow(doc, 'Ville, pays', [client.city, client.country].filter(Boolean).join(', '));
  sectionTitle(doc, 'Identifiants');
  for (const [label, value] of [
    ['ICE', client.ice],
    ['Identifiant fiscal (IF)', client.ifNumber],
    ['Registre de commerce', client.rcNumber],
    ['Patente (TP)', client.patente],
    ['CIN', client.cin],
    ['Passeport', client.passport],
  ] as const) {
    if (value) fieldRow(doc, label, value);
  }
  sectionTitle(doc, 'Préférences, statut et consentement');
  fieldRow(doc, 'Langue, devise', `${LANGUAGE[client.language]}, ${client.currency}`);
  fieldRow(doc, 'Statut', STATUS[client.status]);
  fieldRow(doc, 'Source des données', SOURCE[client.consentSource]);
  fieldRow(doc, 'Recueillies le', formatDateTime(client.consentAt));
  fieldRow(doc, 'Étiquettes', client.tags.join(', '));
  fieldRow(doc, 'Notes', client.notes);
  fieldRow(doc, 'Fiche créée le', formatDateTime(client.createdAt));

  sectionTitle(doc, `Historique des modifications (${history.length})`);
  for (const entry of history) {
    fieldRow(
      doc,
      `${formatDateTime(entry.at)} — ${entry.username ?? 'système'}`,
      `${CLIENT_ACTION_LABELS[entry.action] ?? entry.action} — ${changeText(entry.changes)}`,
    );
  }

  footers(doc, `${companyName} — document confidentiel contenant des données personnelles`);
  return pdfBuffer(doc);
}
