import type { OutsourcingHoursRow, OutsourcingHoursSection } from '../../../shared/api/reports';
import { monthHours } from '../../../shared/durations';
import type { ReportPeriod } from '../../../shared/report-period';
import { CLIENT_COLUMNS, clientNameOf, type ClientColumns } from './clients';
import type { Snapshot } from './snapshot';

type MonthRow = ClientColumns & {
  clientId: number;
  serviceId: number;
  label: string;
  kind: OutsourcingHoursRow['kind'];
  includedHours: number;
  month: string;
  used: number;
};

/**
 * "Infogérance : heures" (terms §2.3.1–2.3.2): the time spent in the period per client and service; for a monthly
 * contract, the included hours and the extra hours are counted month by month, as they are billed.
 */
export function outsourcingHoursSection(snapshot: Snapshot, period: ReportPeriod): OutsourcingHoursSection {
  const months = snapshot.all<MonthRow>(
    `SELECT s.client_id AS clientId, t.service_id AS serviceId, s.label, pr.kind, pr.included_hours AS includedHours,
       substr(t.work_date, 1, 7) AS month, SUM(t.minutes) AS used, ${CLIENT_COLUMNS}
     FROM time_entries t
     JOIN services s ON s.id = t.service_id
     JOIN products pr ON pr.id = s.product_id
     JOIN clients c ON c.id = s.client_id
     WHERE t.work_date >= ? AND t.work_date <= ?
     GROUP BY t.service_id, substr(t.work_date, 1, 7)
     ORDER BY c.code, s.label, t.service_id, month`,
    [period.from, period.to],
  );
  const rows = new Map<number, OutsourcingHoursRow>();
  for (const m of months) {
    const monthly = m.kind === 'outsourcing_monthly';
    const row = rows.get(m.serviceId) ?? {
      clientId: m.clientId,
      clientCode: m.clientCode,
      clientName: clientNameOf(m),
      serviceId: m.serviceId,
      label: m.label,
      kind: m.kind,
      used: 0,
      included: monthly ? 0 : null,
      extra: monthly ? 0 : null,
    };
    row.used += m.used;
    if (monthly) {
      const hours = monthHours(m.used, m.includedHours);
      row.included = (row.included ?? 0) + hours.included;
      row.extra = (row.extra ?? 0) + hours.extra;
    }
    rows.set(m.serviceId, row);
  }
  const list = [...rows.values()];
  return {
    rows: list,
    used: list.reduce((s, r) => s + r.used, 0),
    extra: list.reduce((s, r) => s + (r.extra ?? 0), 0),
  };
}
