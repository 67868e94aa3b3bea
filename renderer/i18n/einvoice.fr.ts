/**
 * French texts of e-invoicing (joined into fr.ts under `einvoice`): states, the document panel, the UBL export, the
 * submission settings and the yearly archive. A no-break space (\u00a0) before « : ; ».
 */
export const einvoiceFr = {
  state: {
    not_required: 'Non requise',
    pending: 'En attente',
    submitted: 'Transmise',
    cleared: 'Validée',
    rejected: 'Rejetée',
  },
  filter: 'Facture électronique',
  panel: {
    title: 'Facture électronique',
    reference: 'Référence\u00a0: {{reference}}',
    clearedAt: 'Validée le {{date}}',
    reason: 'Motif du rejet\u00a0: {{reason}}',
    retry: 'Échec de la transmission ({{count}} essai(s))\u00a0: {{error}}. Nouvel essai le {{date}}.',
    history: 'Historique',
    notRequired: 'Aucun mode de transmission n’était choisi à son émission.',
    download: 'Télécharger l’UBL',
  },
  export: {
    button: 'Exporter en UBL',
    needPeriod: 'Choisissez une période (du… au…) pour exporter les factures et avoirs en UBL.',
    done: 'Fichier {{file}} téléchargé.',
  },
  section: {
    title: 'Facturation électronique',
    intro:
      'Chaque facture et chaque avoir existe aussi en UBL 2.1 (norme OASIS). Les fichiers sont transmis selon le mode choisi\u00a0; quand la DGI publiera sa plateforme, elle sera un mode de plus.',
    adapter: 'Mode de transmission',
    adapters: {
      none: 'Aucun (non requise)',
      folder: 'Dossier de dépôt (comptable)',
    },
    folder: 'Dossier de dépôt',
    folderHint: 'Chemin d’un dossier de ce poste ou partagé, par exemple D:\\Factures\\UBL',
    referenceRate: 'Taux de référence {{currency}} (MAD pour 1)',
    referenceHint: 'Pour la contre-valeur en dirhams quand aucun taux n’a été saisi au guichet.',
    save: 'Enregistrer',
    saved: 'Réglages de la facturation électronique enregistrés.',
    counts:
      'En attente\u00a0: {{pending}} · Transmises\u00a0: {{submitted}} · Validées\u00a0: {{cleared}} · Rejetées\u00a0: {{rejected}}',
    failing: 'Transmissions en échec (réessayées automatiquement)',
    flush: 'Transmettre maintenant',
    archiveTitle: 'Archive annuelle vérifiable',
    archiveIntro:
      'PDF originaux, fichiers UBL, empreintes SHA-256 et tête du journal d’audit, avec un mode d’emploi pour l’inspecteur.',
    year: 'Année',
    archive: 'Créer l’archive',
    invalidRate: 'Taux invalide (ex. 10,85).',
  },
};
