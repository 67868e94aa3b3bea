/**
 * French texts of the catalogue area (joined into fr.ts under `catalog`). Same typography rules as fr.ts: a no-break
 * space (\u00a0) before « : ; » and inside guillemets.
 */
export const catalogFr = {
  title: 'Catalogue',
  subtitle: 'Produits, prix hors taxes par périodicité et par devise, et règles d’échéance par type de produit.',
  tabs: {
    products: 'Produits et prix',
    lifecycle: 'Échéances et relances',
    paymentRules: 'Règles d’encaissement',
  },
  newProduct: 'Nouveau produit',
  inactive: 'Retiré',
  noPrice: 'Aucun prix',
  vat: 'TVA {{rate}}',
  hours: '{{count}} h estimées',
  editProduct: 'Modifier le produit',
  changePrice: 'Modifier le prix',
  priceType: {
    period: 'Période',
    register: 'Création',
    renew: 'Renouvellement',
    transfer: 'Transfert',
    late_fee: 'Majoration de retard',
    once: 'Forfait',
    hour: 'Heure',
  },
  per: {
    months_one: '/ mois',
    months_other: '/ {{count}} mois',
    year: '/ an',
    years: '/ {{count}} ans',
    once: '',
    hour: '/ h',
  },
  product: {
    titleNew: 'Nouveau produit',
    titleEdit: 'Modifier {{code}}',
    code: 'Code',
    codeHint: 'Lettres, chiffres, . - _ (ex. HEB-PRO, DOM.MA).',
    kind: 'Type',
    name: 'Désignation',
    description: 'Description',
    tld: 'Extension',
    tldHint: 'Domaines seulement (ex. .ma, .co.ma).',
    vatRate: 'TVA (%)',
    estimatedHours: 'Heures estimées',
    active: 'En vente',
    created: 'Produit {{code}} créé.',
    saved: 'Produit {{code}} enregistré.',
  },
  price: {
    title: 'Prix de {{code}}',
    body: 'Le nouveau prix s’applique dès maintenant. Les proformas déjà émises gardent le prix de leur émission.',
    type: 'Type de prix',
    months: 'Durée (mois)',
    currency: 'Devise',
    amount: 'Montant HT',
    amountInvalid: 'Montant attendu, ex. 1 234,50',
    submit: 'Appliquer le nouveau prix',
    done: 'Nouveau prix enregistré pour {{code}}.',
    history: 'Historique des prix',
    from: 'Depuis le',
    noHistory: 'Aucun prix enregistré.',
  },
  paymentRules: {
    cashTitle: 'Espèces de 20 000 DH ou plus (CGI art. 193)',
    cashIntro:
      'Un règlement en espèces de 20 000 DH ou plus pour une même opération (timbre exclu, cumulé sur la proforma) demande l’accord d’un responsable. La note de la DGI l’applique aussi aux particuliers.',
    scope: { everyone: 'Tous les clients', companies: 'Sociétés seulement' },
    ratesTitle: 'Taux de change de référence',
    ratesIntro:
      'Un taux saisi au guichet hors de la marge autour du taux de référence demande l’accord d’un responsable\u00a0; sans taux de référence, toute affectation dans cette devise aussi.',
    rate: 'Dirhams pour 1 {{currency}}',
    none: 'Aucun taux',
    band: 'Marge (±)',
    invalidRate: 'Taux invalide (ex. 10,85).',
    invalidBand: 'Marge de 0 à 10\u00a0%.',
    saved: 'Règles d’encaissement enregistrées.',
  },
  lifecycle: {
    intro:
      'Le renouvellement n’est jamais tacite\u00a0: un service n’est prolongé que par le paiement de sa proforma. Ces délais, en jours autour de l’échéance, règlent l’envoi des proformas de renouvellement, puis la suspension et la résiliation des services impayés.',
    kind: 'Type de produit',
    daysBeforeInvoice: 'Proforma (jours avant)',
    daysToSuspend: 'Suspension (jours après)',
    daysToTerminate: 'Résiliation (jours après)',
    graceDays: 'Grâce (jours après)',
    oneOff: 'Produit ponctuel\u00a0: sans échéance.',
    save: 'Enregistrer les délais',
    saved: 'Délais enregistrés.',
    reset: 'Valeurs par défaut',
    defaultsTitle: 'Valeurs par défaut',
    defaults: {
      domain:
        'Domaines\u00a0: proforma 30 jours avant l’expiration\u00a0; période de grâce de 30 jours avec majoration\u00a0; ensuite perdu. Un domaine n’est jamais suspendu.',
      hosting:
        'Hébergement et e-mail\u00a0: proforma 15 jours avant l’échéance\u00a0; suspension 7 jours après\u00a0; résiliation 30 jours après.',
      ssl: 'Certificats SSL\u00a0: proforma 30 jours avant\u00a0; non renouvelé, le certificat est résilié 15 jours après.',
      servers:
        'VPS et serveurs dédiés\u00a0: proforma 10 jours avant\u00a0; suspension 5 jours après\u00a0; résiliation 30 jours après.',
      outsourcing:
        'Infogérance mensuelle\u00a0: proforma 10 jours avant\u00a0; suspension 10 jours après\u00a0; résiliation 30 jours après.',
      oneOff: 'Missions, sites web et restaurations\u00a0: facturés une fois, sans échéance.',
      abuse: 'Une suspension pour abus n’est levée qu’à la main, jamais par un paiement.',
    },
  },
};
