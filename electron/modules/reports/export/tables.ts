import type {
  MonthlyReport,
  PaymentFigures,
  ReportDocumentLine,
  ReportPaymentLine,
} from '../../../../shared/api/reports';
import { formatDateTime } from '../../../../shared/dates';
import { formatDuration } from '../../../../shared/durations';
import { formatMoney, formatRate, type Currency } from '../../../../shared/money';
import { formatCalendarDate } from '../../../../shared/periods';
import { paymentMethodLabel } from '../../../../shared/payment-methods';
import { AGEING_BUCKETS, AGEING_LABELS } from '../../../../shared/report-ageing';
import { formatRateValue } from '../../../../shared/allocation';
import { periodLabel } from '../../../../shared/report-period';
import {
  CASH_STATUS_LABELS,
  CHANGE_LABELS,
  DOCUMENT_STATUS_LABELS,
  RATE_SOURCE_LABELS,
  SERVICE_STATUS_LABELS,
  SUSPENSION_REASONS,
} from './labels';
import type { Cell, Column, ReportTable } from './model';

const col = (header: string, kind: Column['kind'], width: number, sum = false): Column => ({
  header,
  kind,
  width,
  sum,
});

/** The total line of `rows` for the columns marked `sum`, with `label` in the first column. */
function sumRow(columns: Column[], rows: Cell[][], label = 'Total'): Cell[] {
  return columns.map((c, i) => {
    if (i === 0) return label;
    if (!c.sum) return null;
    return rows.reduce<number>((s, r) => {
      const cell = r[i];
      return s + (typeof cell === 'number' ? cell : 0);
    }, 0);
  });
}

const figureColumns = (): Column[] => [
  col('Nb reçus', 'count', 10, true),
  col('Reçu (éq. MAD)', 'money', 18, true),
  col('Nb remb.', 'count', 10, true),
  col('Remboursé (éq. MAD)', 'money', 20, true),
  col('Net (éq. MAD)', 'money', 18, true),
  col('Droits de timbre', 'money', 16, true),
];
const figureCells = (f: PaymentFigures): Cell[] => [f.inCount, f.received, f.outCount, f.refunded, f.net, f.stampDuty];

/** A staff member as people read them: the display name, else the username kept on the record. */
const who = (r: Pick<MonthlyReport, 'staffNames'>, username: string | null): string =>
  username ? (r.staffNames[username] ?? username) : '';

/** Dirhams in a summary line (its value column holds counts and texts too). */
const dh = (amount: number): Cell => ({ amount, currency: 'MAD' });

function summary(r: MonthlyReport): ReportTable {
  const rows: Cell[][] = [
    ['Période', periodLabel(r.period), `${r.payments.byDay.length} jour(s)`],
    ['Société', r.company, ''],
    ['Édité le', formatDateTime(r.generatedAt), ''],
    ['Encaissements reçus (éq. MAD)', dh(r.payments.totals.received), `${r.payments.totals.inCount} règlement(s)`],
    ['Remboursements (éq. MAD)', dh(r.payments.totals.refunded), `${r.payments.totals.outCount} remboursement(s)`],
    ['Net encaissé (éq. MAD)', dh(r.payments.totals.net), ''],
    ['Droits de timbre perçus', dh(r.stampDuty.duty), `sur ${formatMoney(r.stampDuty.base)} reçus en espèces`],
    ...(r.stampDuty.rounding === 0
      ? []
      : [
          [
            'Arrondis des espèces à 0,10 DH',
            dh(r.stampDuty.rounding),
            'compris dans les caisses, hors comptes clients',
          ],
        ]),
    ['Règlements annulés (non comptés)', r.payments.totals.voidedCount, ''],
    ['Factures émises TTC (éq. MAD)', dh(r.sales.mad.invoices.ttc), `${r.sales.mad.invoices.count} facture(s)`],
    ['Avoirs émis TTC (éq. MAD)', dh(r.sales.mad.creditNotes.ttc), `${r.sales.mad.creditNotes.count} avoir(s)`],
    ["Chiffre d'affaires net HT (éq. MAD)", dh(r.sales.mad.net.ht), ''],
    ['TVA facturée nette (éq. MAD)', dh(r.sales.mad.net.vat), ''],
    ['TVA sur encaissements, nette (à déclarer)', dh(r.receiptsVat.totals.netVat), 'régime des encaissements'],
    ...r.ageing.totals.map((t): Cell[] => [
      `Proformas en attente au ${formatCalendarDate(r.ageing.asOf)}`,
      { amount: t.total, currency: t.currency },
      `${t.proformas} proforma(s), ${t.clients} client(s)`,
    ]),
    ['Services suspendus', r.services.counts.suspended, ''],
    ['Services résiliés', r.services.counts.terminated, ''],
    ['Domaines perdus', r.services.counts.lost, ''],
    [
      'Domaines expirant le mois suivant',
      r.domains.total,
      `${r.domains.withRenewal} avec proforma de renouvellement émise`,
    ],
    ['Sessions de caisse', r.cash.totals.count, `${r.cash.totals.open} encore ouverte(s)`],
    ['Écarts de caisse (total)', dh(r.cash.totals.difference), `${r.cash.totals.shortages} session(s) en manque`],
    ...r.conversion.map((c): Cell[] => [
      `Taux retenu ${c.currency}`,
      c.rate === null ? '—' : `${formatRateValue(c.rate)} MAD`,
      RATE_SOURCE_LABELS[c.source] + (c.source === 'counter' ? ` (${c.samples} affectation(s))` : ''),
    ]),
    ...r.payments.totals.unconverted.map((u): Cell[] => [
      `Règlements non convertis en ${u.currency}`,
      { amount: u.amount, currency: u.currency },
      'exclus des totaux en dirhams : indiquez un taux de référence',
    ]),
  ];
  return {
    key: 'summary',
    sheet: 'Synthèse',
    title: 'Synthèse',
    note: 'Montants en dirhams (MAD) ; les devises sont converties au taux saisi au guichet sur chaque affectation, sinon au taux retenu ci-dessous. Un règlement annulé ne compte nulle part ; un remboursement est une sortie ; les avoirs réduisent les ventes.',
    columns: [col('Rubrique', 'text', 44), col('Valeur', 'value', 22), col('Détail', 'text', 48)],
    rows,
    totals: [],
    inPdf: true,
  };
}

function byMethod(r: MonthlyReport): ReportTable {
  const columns = [
    col('Mode', 'text', 26),
    col('Devise', 'text', 8),
    col('Reçu', 'money', 18),
    col('Remboursé', 'money', 18),
    col('Net', 'money', 18),
    ...figureColumns(),
    col('Non converti', 'money', 16),
  ];
  const rows = r.payments.byMethod.map((m): Cell[] => [
    paymentMethodLabel(m.method),
    m.currency,
    { amount: m.own.received, currency: m.currency },
    { amount: m.own.refunded, currency: m.currency },
    { amount: m.own.net, currency: m.currency },
    ...figureCells(m),
    { amount: m.unconverted, currency: m.currency },
  ]);
  return {
    key: 'byMethod',
    sheet: 'Par mode',
    title: 'Règlements par mode de paiement',
    columns,
    rows,
    totals: [sumRow(columns, rows)],
    inPdf: true,
    pdfColumns: [0, 1, 2, 3, 4, 5, 9, 10, 11],
  };
}

function byCurrency(r: MonthlyReport): ReportTable {
  const rateOf = (currency: string) => r.conversion.find((c) => c.currency === currency);
  const columns = [
    col('Devise', 'text', 8),
    col('Reçu', 'money', 18),
    col('Remboursé', 'money', 18),
    col('Net', 'money', 18),
    col('Taux (MAD)', 'fx', 12),
    col('Source du taux', 'text', 30),
    ...figureColumns(),
    col('Non converti', 'money', 16),
  ];
  const rows = r.payments.byCurrency.map((c): Cell[] => {
    const rate = rateOf(c.currency);
    return [
      c.currency,
      { amount: c.own.received, currency: c.currency },
      { amount: c.own.refunded, currency: c.currency },
      { amount: c.own.net, currency: c.currency },
      c.currency === 'MAD' ? null : (rate?.rate ?? null),
      c.currency === 'MAD' ? '' : RATE_SOURCE_LABELS[rate?.source ?? 'none'],
      ...figureCells(c),
      { amount: c.unconverted, currency: c.currency },
    ];
  });
  return {
    key: 'byCurrency',
    sheet: 'Par devise',
    title: 'Règlements par devise et équivalent en dirhams',
    note: 'Équivalent MAD : exact pour la part affectée à des proformas en dirhams au taux du guichet ; le reste au taux retenu.',
    columns,
    rows,
    totals: [sumRow(columns, rows)],
    inPdf: true,
    pdfColumns: [0, 1, 2, 3, 4, 5, 10, 11, 12],
  };
}

function byStaff(r: MonthlyReport): ReportTable {
  const columns = [col('Personnel', 'text', 24), ...figureColumns()];
  const rows = r.payments.byStaff.map((s): Cell[] => [who(r, s.staff) || '—', ...figureCells(s)]);
  return {
    key: 'byStaff',
    sheet: 'Par caissier',
    title: 'Règlements par membre du personnel',
    columns,
    rows,
    totals: [sumRow(columns, rows)],
    inPdf: true,
  };
}

function byDay(r: MonthlyReport): ReportTable {
  const columns = [col('Date', 'date', 12), ...figureColumns()];
  const rows = r.payments.byDay.map((d): Cell[] => [d.date, ...figureCells(d)]);
  return {
    key: 'byDay',
    sheet: 'Par jour',
    title: 'Règlements par jour',
    columns,
    rows,
    totals: [sumRow(columns, rows)],
    inPdf: true,
  };
}

function sales(r: MonthlyReport): ReportTable {
  const columns = [
    col('Devise', 'text', 8),
    col('Documents', 'text', 16),
    col('Nombre', 'count', 10),
    col('HT', 'money', 18),
    col('TVA', 'money', 16),
    col('TTC', 'money', 18),
    col('HT (éq. MAD)', 'money', 18, true),
    col('TVA (éq. MAD)', 'money', 16, true),
    col('TTC (éq. MAD)', 'money', 18, true),
  ];
  const rows = r.sales.byCurrency.flatMap((s) =>
    (
      [
        ['Factures', s.invoices, s.mad?.invoices],
        ['Avoirs', s.creditNotes, s.mad?.creditNotes],
      ] as const
    ).map(([label, own, mad]): Cell[] => {
      const sign = label === 'Avoirs' ? -1 : 1;
      return [
        s.currency,
        label,
        own.count,
        { amount: sign * own.ht, currency: s.currency },
        { amount: sign * own.vat, currency: s.currency },
        { amount: sign * own.ttc, currency: s.currency },
        mad ? sign * mad.ht : null,
        mad ? sign * mad.vat : null,
        mad ? sign * mad.ttc : null,
      ];
    }),
  );
  return {
    key: 'sales',
    sheet: 'Factures et avoirs',
    title: 'Factures et avoirs émis',
    note: 'Les avoirs sont comptés en négatif : le total est le chiffre d’affaires net de la période.',
    columns,
    rows,
    totals: [[null, 'Net (éq. MAD)', ...sumRow(columns, rows).slice(2)]],
    inPdf: true,
  };
}

function salesByRate(r: MonthlyReport): ReportTable {
  const columns = [
    col('Devise', 'text', 8),
    col('Taux de TVA', 'rate', 12),
    col('Base HT factures', 'money', 18),
    col('TVA factures', 'money', 16),
    col('Base HT avoirs', 'money', 18),
    col('TVA avoirs', 'money', 16),
    col('Base HT nette', 'money', 18),
    col('TVA nette', 'money', 16),
  ];
  const rows = r.sales.byCurrency.flatMap((s) =>
    s.net.byRate.map((n): Cell[] => {
      const inv = s.invoices.byRate.find((p) => p.rate === n.rate) ?? { base: 0, vat: 0 };
      const cn = s.creditNotes.byRate.find((p) => p.rate === n.rate) ?? { base: 0, vat: 0 };
      const m = (amount: number): Cell => ({ amount, currency: s.currency });
      return [s.currency, n.rate, m(inv.base), m(inv.vat), m(cn.base), m(cn.vat), m(n.base), m(n.vat)];
    }),
  );
  return {
    key: 'salesByRate',
    sheet: 'TVA facturée par taux',
    title: 'TVA facturée par taux (factures − avoirs)',
    columns,
    rows,
    totals: [],
    inPdf: true,
  };
}

function receiptsVat(r: MonthlyReport): ReportTable {
  const columns = [
    col('Taux de TVA', 'rate', 12),
    col('Base HT encaissée', 'money', 18, true),
    col('TVA encaissée', 'money', 16, true),
    col('Base HT reversée', 'money', 18, true),
    col('TVA reversée', 'money', 16, true),
    col('Base HT nette', 'money', 18, true),
    col('TVA nette à déclarer', 'money', 18, true),
  ];
  const rows = r.receiptsVat.rows.map((v): Cell[] => [
    v.rate,
    v.receivedBase,
    v.receivedVat,
    v.reversedBase,
    v.reversedVat,
    v.netBase,
    v.netVat,
  ]);
  return {
    key: 'receiptsVat',
    sheet: 'TVA sur encaissements',
    title: 'TVA sur encaissements (déclaration de TVA, régime des encaissements)',
    note: 'Encaissée : part de TVA de chaque somme réglée sur une proforma (paiements et crédit client utilisé). Reversée : remboursements sur avoir, et avoirs laissés au crédit du client. En dirhams.',
    columns,
    rows,
    totals: [sumRow(columns, rows)],
    inPdf: true,
  };
}

function stampDuty(r: MonthlyReport): ReportTable {
  const columns = [col('Date', 'date', 12), col('Droits de timbre perçus', 'money', 22, true)];
  const rows = r.payments.byDay.filter((d) => d.stampDuty !== 0).map((d): Cell[] => [d.date, d.stampDuty]);
  return {
    key: 'stampDuty',
    sheet: 'Droits de timbre',
    title: 'Droits de timbre perçus sur les espèces',
    note: `${r.stampDuty.count} paiement(s) en espèces pour ${formatMoney(r.stampDuty.base)} ; droits non affectés aux factures.`,
    columns,
    rows,
    totals: [sumRow(columns, rows)],
    inPdf: true,
  };
}

function ageing(r: MonthlyReport): ReportTable {
  const columns = [
    col('Code client', 'text', 12),
    col('Client', 'text', 34),
    col('Devise', 'text', 8),
    col('Proformas', 'count', 11),
    ...AGEING_BUCKETS.map((b) => col(AGEING_LABELS[b], 'money', 15)),
    col('Total dû', 'money', 17),
  ];
  const m = (amount: number, currency: Currency): Cell => ({ amount, currency });
  const rows = r.ageing.clients.map((a): Cell[] => [
    a.clientCode,
    a.clientName,
    a.currency,
    a.proformas,
    ...AGEING_BUCKETS.map((b) => m(a.buckets[b], a.currency)),
    m(a.total, a.currency),
  ]);
  const totals = r.ageing.totals.map((t): Cell[] => [
    `Total ${t.currency}`,
    `${t.clients} client(s)`,
    t.currency,
    t.proformas,
    ...AGEING_BUCKETS.map((b) => m(t.buckets[b], t.currency)),
    m(t.total, t.currency),
  ]);
  return {
    key: 'ageing',
    sheet: 'Proformas en attente',
    title: `Proformas en attente au ${formatCalendarDate(r.ageing.asOf)} (balance âgée)`,
    note: 'Reste à payer de chaque proforma à cette date, par ancienneté depuis son échéance.',
    columns,
    rows,
    totals,
    inPdf: true,
    pdfColumns: [0, 1, 3, 4, 5, 6, 7, 8, 9],
  };
}

function services(r: MonthlyReport): ReportTable {
  const columns = [
    col('Date', 'date', 12),
    col('Changement', 'text', 16),
    col('Service', 'text', 28),
    col('Produit', 'text', 22),
    col('Code client', 'text', 12),
    col('Client', 'text', 30),
    col('Statut précédent', 'text', 14),
    col('Motif', 'text', 14),
    col('Par', 'text', 14),
  ];
  const rows = r.services.rows.map((s): Cell[] => [
    s.date,
    CHANGE_LABELS[s.change],
    s.label,
    s.productName,
    s.clientCode,
    s.clientName,
    s.fromStatus ? (SERVICE_STATUS_LABELS[s.fromStatus] ?? s.fromStatus) : '',
    SUSPENSION_REASONS[s.reason] ?? s.reason,
    s.username ? who(r, s.username) : 'traitement automatique',
  ]);
  return {
    key: 'services',
    sheet: 'Services suspendus-résiliés',
    title: 'Services suspendus et résiliés, domaines perdus',
    columns,
    rows,
    totals: [],
    inPdf: true,
    pdfColumns: [0, 1, 2, 3, 5, 7, 8],
  };
}

function domains(r: MonthlyReport): ReportTable {
  const columns = [
    col('Domaine', 'text', 30),
    col('Code client', 'text', 12),
    col('Client', 'text', 30),
    col('Expiration', 'date', 12),
    col('Statut', 'text', 12),
    col('Résiliation demandée', 'text', 12),
    col('Proforma de renouvellement', 'text', 20),
  ];
  const rows = r.domains.rows.map((d): Cell[] => [
    d.domain,
    d.clientCode,
    d.clientName,
    d.expiry,
    SERVICE_STATUS_LABELS[d.status] ?? d.status,
    d.terminationRequested ? 'Oui' : 'Non',
    d.renewal?.number ?? '',
  ]);
  return {
    key: 'domains',
    sheet: 'Domaines à renouveler',
    title: `Domaines expirant en ${periodLabel(r.domains.period)}`,
    columns,
    rows,
    totals: [],
    inPdf: true,
  };
}

function cash(r: MonthlyReport): ReportTable {
  const columns = [
    col('Session', 'count', 9),
    col('Poste', 'text', 16),
    col('Ouverte le', 'datetime', 17),
    col('Par', 'text', 12),
    col('Statut', 'text', 10),
    col('Fonds de caisse', 'money', 15, true),
    col('Entrées', 'money', 15, true),
    col('Sorties', 'money', 15, true),
    col('Attendu', 'money', 15),
    col('Compté', 'money', 15),
    col('Écart', 'money', 13, true),
    col('Validée par', 'text', 12),
  ];
  const rows = r.cash.sessions.map((s): Cell[] => [
    s.id,
    s.desk,
    s.openedAt,
    who(r, s.openedBy),
    CASH_STATUS_LABELS[s.status],
    s.float,
    s.cashIn,
    s.cashOut,
    s.expected,
    s.counted,
    s.difference,
    who(r, s.validatedBy),
  ]);
  const totals = sumRow(columns, rows);
  totals[0] = null;
  totals[1] = 'Total';
  return {
    key: 'cash',
    sheet: 'Sessions de caisse',
    title: 'Sessions de caisse et écarts',
    columns,
    rows,
    totals: [totals],
    inPdf: true,
    pdfColumns: [0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11],
  };
}

function paymentsJournal(r: MonthlyReport, lines: readonly ReportPaymentLine[]): ReportTable {
  const columns = [
    col('Date', 'date', 12),
    col('Reçu', 'text', 16),
    col('Nature', 'text', 15),
    col('Code client', 'text', 12),
    col('Client', 'text', 30),
    col('Mode', 'text', 20),
    col('Devise', 'text', 8),
    col('Montant', 'money', 16),
    col('Droit de timbre', 'money', 14, true),
    col('Éq. MAD', 'money', 16, true),
    col('Caissier', 'text', 14),
    col('Session de caisse', 'count', 10),
  ];
  const rows = lines.map((p): Cell[] => {
    const sign = p.direction === 'in' ? 1 : -1;
    return [
      p.paidOn,
      p.number,
      p.direction === 'in' ? 'Encaissement' : 'Remboursement',
      p.clientCode,
      p.clientName,
      paymentMethodLabel(p.method),
      p.currency,
      { amount: sign * p.amount, currency: p.currency },
      p.stampDuty,
      p.mad === null ? null : sign * p.mad,
      who(r, p.staff),
      p.cashSessionId,
    ];
  });
  return {
    key: 'paymentsJournal',
    sheet: 'Journal des règlements',
    title: 'Journal des règlements (hors règlements annulés)',
    columns,
    rows,
    totals: [sumRow(columns, rows)],
    inPdf: false,
  };
}

function documentsJournal(lines: readonly ReportDocumentLine[]): ReportTable {
  const columns = [
    col('Type', 'text', 9),
    col('Numéro', 'text', 16),
    col('Date', 'date', 12),
    col('Code client', 'text', 12),
    col('Client', 'text', 30),
    col('ICE client', 'text', 17),
    col('Devise', 'text', 8),
    col('HT', 'money', 16),
    col('TVA', 'money', 14),
    col('TTC', 'money', 16),
    col('TVA par taux', 'text', 30),
    col('Origine', 'text', 16),
    col('Statut', 'text', 18),
  ];
  const rows = lines.map((d): Cell[] => {
    const sign = d.type === 'invoice' ? 1 : -1;
    const m = (amount: number): Cell => ({ amount: sign * amount, currency: d.currency });
    return [
      d.type === 'invoice' ? 'Facture' : 'Avoir',
      d.number,
      d.issueDate,
      d.clientCode,
      d.clientName,
      d.clientIce,
      d.currency,
      m(d.ht),
      m(d.vat),
      m(d.ttc),
      d.byRate.map((p) => `${formatRate(p.rate)} : ${formatMoney(sign * p.vat, d.currency)}`).join(' ; '),
      d.source ?? '',
      d.type === 'credit_note'
        ? d.creditMode === 'refund'
          ? 'Remboursé'
          : 'Au crédit du client'
        : DOCUMENT_STATUS_LABELS[d.status],
    ];
  });
  return {
    key: 'documentsJournal',
    sheet: 'Journal des factures',
    title: 'Journal des factures et avoirs',
    columns,
    rows,
    totals: [],
    inPdf: false,
  };
}

/** Every table of the report, in the order of the sheets and of the PDF. */
function outsourcingHours(r: MonthlyReport): ReportTable {
  const columns = [
    col('Code client', 'text', 12),
    col('Client', 'text', 30),
    col('Service', 'text', 30),
    col('Type', 'text', 16),
    col('Heures utilisées', 'text', 12),
    col('Heures incluses', 'text', 12),
    col('Heures en plus', 'text', 12),
    col('Minutes utilisées', 'count', 12, true),
    col('Minutes en plus', 'count', 12, true),
  ];
  const hours = (minutes: number | null) => (minutes === null ? '' : formatDuration(minutes));
  const rows = r.outsourcingHours.rows.map((h): Cell[] => [
    h.clientCode,
    h.clientName,
    h.label,
    h.kind === 'outsourcing_monthly' ? 'Contrat mensuel' : 'Mission',
    hours(h.used),
    hours(h.included),
    hours(h.extra),
    h.used,
    h.extra ?? 0,
  ]);
  return {
    key: 'outsourcingHours',
    sheet: 'Infogérance heures',
    title: 'Infogérance : heures',
    note: 'Temps passé sur la période ; contrats mensuels : heures incluses et heures en plus comptées mois par mois.',
    columns,
    rows,
    totals: rows.length > 0 ? [sumRow(columns, rows)] : [],
    inPdf: true,
    pdfColumns: [0, 1, 2, 3, 4, 5, 6],
  };
}

export function reportTables(
  report: MonthlyReport,
  lines: { payments: readonly ReportPaymentLine[]; documents: readonly ReportDocumentLine[] },
): ReportTable[] {
  return [
    summary(report),
    byMethod(report),
    byCurrency(report),
    byStaff(report),
    byDay(report),
    sales(report),
    salesByRate(report),
    receiptsVat(report),
    stampDuty(report),
    ageing(report),
    services(report),
    domains(report),
    cash(report),
    outsourcingHours(report),
    paymentsJournal(report, lines.payments),
    documentsJournal(lines.documents),
  ];
}
