import type { TFunction } from 'i18next';
import { formatDateTime } from '../../../shared/dates';
import { CURRENCIES, formatMoney, type Currency } from '../../../shared/money';
import { ROLES, type Role } from '../../../shared/roles';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const MAX_VALUE_LENGTH = 60;
/** Fields that hold centimes: shown as money, in the entry's currency when it names one (payments). */
const MONEY_FIELDS = new Set([
  'amount',
  'stampDuty',
  'credit',
  'float',
  'expected',
  'counted',
  'difference',
  'capital',
]);

function isCurrency(value: unknown): value is Currency {
  return typeof value === 'string' && (CURRENCIES as readonly string[]).includes(value);
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

function isChange(value: unknown): value is [unknown, unknown] {
  return Array.isArray(value) && value.length === 2;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Dynamic catalogue keys (field names, actions) are looked up when present and shown raw otherwise. */
function lookup(t: TFunction, key: string, fallback: string): string {
  const text = t(key as never, { defaultValue: fallback });
  return typeof text === 'string' ? text : fallback;
}

export function fieldLabel(t: TFunction, field: string): string {
  return lookup(t, `audit.fields.${field}`, field);
}

export function actionLabel(t: TFunction, action: string): string {
  return lookup(t, `audit.actions.${action.replaceAll('.', '_')}`, action);
}

export function formatValue(t: TFunction, field: string, value: unknown, currency: Currency = 'MAD'): string {
  if (value === null || value === undefined || value === '') return t('common.none');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (field === 'role' && isRole(value)) return t(`roles.${value}`);
  if (typeof value === 'number' && MONEY_FIELDS.has(field) && Number.isSafeInteger(value)) {
    return formatMoney(value, currency);
  }
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (ISO_INSTANT.test(value)) return formatDateTime(value);
    return value.length > MAX_VALUE_LENGTH ? `${value.slice(0, MAX_VALUE_LENGTH - 1)}…` : value;
  }
  if (isRecord(value)) {
    return Object.entries(value)
      .map(([key, inner]) => `${fieldLabel(t, key)} ${formatValue(t, key, inner, currency)}`)
      .join(', ');
  }
  // A list of values or of records (a payment's allocations): each in turn.
  if (Array.isArray(value)) {
    return value.length === 0
      ? t('common.none')
      : value.map((item) => formatValue(t, field, item, currency)).join(' ; ');
  }
  return JSON.stringify(value);
}

/**
 * One readable line per entry of an audit summary: "rôle : Caissier → Responsable" for a change ([before, after]),
 * "identifiant : nadia" for a fact. A change of a group of fields (document prefixes) is shown field by field.
 */
export function describeSummary(t: TFunction, summary: Record<string, unknown>): string[] {
  const lines: string[] = [];
  const currency = isCurrency(summary.currency) ? summary.currency : 'MAD';
  for (const [field, value] of Object.entries(summary)) {
    if (field === 'created' && value === true) {
      lines.push(t('audit.created'));
    } else if (isChange(value) && isRecord(value[0]) && isRecord(value[1])) {
      const [before, after] = value;
      for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
        if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
        lines.push(
          t('audit.change', {
            field: `${fieldLabel(t, field)} · ${key}`,
            before: formatValue(t, key, before[key], currency),
            after: formatValue(t, key, after[key], currency),
          }),
        );
      }
    } else if (isChange(value)) {
      lines.push(
        t('audit.change', {
          field: fieldLabel(t, field),
          before: formatValue(t, field, value[0], currency),
          after: formatValue(t, field, value[1], currency),
        }),
      );
    } else {
      lines.push(t('audit.fact', { field: fieldLabel(t, field), value: formatValue(t, field, value, currency) }));
    }
  }
  return lines;
}
