import type { ServiceChange } from '../../../../shared/api/reports';
import type { DocumentStatus } from '../../../../shared/api/documents';
import type { RateSource } from '../../../../shared/report-conversion';

/** French labels of the exported report (the accountant's files are French, like every document). */
export const CHANGE_LABELS: Record<ServiceChange, string> = {
  suspended: 'Suspension',
  terminated: 'Résiliation',
  lost: 'Domaine perdu',
};

export const SERVICE_STATUS_LABELS: Record<string, string> = {
  pending: 'En attente',
  active: 'Actif',
  suspended: 'Suspendu',
  grace: 'En grâce',
  lost: 'Perdu',
  terminated: 'Résilié',
  cancelled: 'Annulé',
};

export const SUSPENSION_REASONS: Record<string, string> = {
  non_payment: 'Non-paiement',
  abuse: 'Abus',
};

export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  draft: 'Brouillon',
  issued: 'Émis',
  partially_paid: 'Partiellement payée',
  paid: 'Payée',
  cancelled: 'Annulée',
  partially_credited: 'Partiellement annulée par avoir',
  credited: 'Annulée par avoir',
};

export const CASH_STATUS_LABELS = { open: 'Ouverte', closed: 'Close', validated: 'Validée' } as const;

export const RATE_SOURCE_LABELS: Record<RateSource, string> = {
  reference: 'taux de référence saisi',
  counter: 'moyenne des taux du guichet',
  none: 'aucun taux : non converti',
};
