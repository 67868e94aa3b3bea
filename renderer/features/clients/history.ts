import type { TFunction } from 'i18next';
import type { ClientHistoryEntry } from '../../../shared/api';
import { CLIENT_KINDS, CLIENT_STATUSES, CONSENT_SOURCES, LANGUAGES } from '../../../shared/client';

/** One line of a history entry: a field that changed, a fact about the operation, or a sentence. */
export type HistoryLine =
  | { kind: 'change'; label: string; before: string | null; after: string | null }
  | { kind: 'fact'; label: string; value: string }
  | { kind: 'text'; text: string };

export interface HistoryItem {
  title: string;
  lines: HistoryLine[];
  /** A creation lists many short facts: shown in columns. */
  compact: boolean;
}

export interface HistoryOptions {
  /** "Maroc" for "MA", in the UI's language. */
  regionName?: (code: string) => string;
}

/** Values stored as codes, shown by their name in the UI's language. */
const CODED: Record<string, { values: readonly string[]; key: string }> = {
  kind: { values: CLIENT_KINDS, key: 'clients.kind' },
  status: { values: CLIENT_STATUSES, key: 'clients.status' },
  language: { values: LANGUAGES, key: 'clients.languages' },
  consentSource: { values: CONSENT_SOURCES, key: 'clients.sources' },
};

function lookup(t: TFunction, key: string, fallback: string): string {
  const text = t(key as never, { defaultValue: fallback });
  return typeof text === 'string' ? text : fallback;
}

export function clientFieldLabel(t: TFunction, field: string): string {
  return lookup(t, `clients.fields.${field}`, field);
}

function isChange(value: unknown): value is [unknown, unknown] {
  return Array.isArray(value) && value.length === 2;
}

/** A stored value as text; null when it is empty (shown as "vide"). */
export function historyValue(t: TFunction, field: string, value: unknown, options: HistoryOptions = {}): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) {
    const items = value
      .map((item) => historyValue(t, field, item, options))
      .filter((item): item is string => item !== null);
    return items.length > 0 ? items.join(', ') : null;
  }
  if (typeof value === 'string') {
    if (field === 'country' && options.regionName) return options.regionName(value);
    const coded = CODED[field];
    return coded?.values.includes(value) ? lookup(t, `${coded.key}.${value}`, value) : value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function changeLines(
  t: TFunction,
  changes: Record<string, unknown>,
  options: HistoryOptions,
  skip: string[] = [],
): HistoryLine[] {
  const lines: HistoryLine[] = [];
  for (const [field, value] of Object.entries(changes)) {
    if (skip.includes(field)) continue;
    const label = clientFieldLabel(t, field);
    if (isChange(value)) {
      lines.push({
        kind: 'change',
        label,
        before: historyValue(t, field, value[0], options),
        after: historyValue(t, field, value[1], options),
      });
    } else {
      lines.push({
        kind: 'fact',
        label,
        value: historyValue(t, field, value, options) ?? t('clients.history.blank'),
      });
    }
  }
  return lines;
}

/**
 * A history entry as people read it: the operation's name, then what changed ("Ville : Rabat → Fès"). A creation lists
 * the values the record started with; an import gives the line of the file; an export the formats handed over.
 */
export function describeHistory(t: TFunction, entry: ClientHistoryEntry, options: HistoryOptions = {}): HistoryItem {
  const title = lookup(t, `clients.history.actions.${entry.action.replaceAll('.', '_')}`, entry.action);
  const { changes } = entry;
  switch (entry.action) {
    case 'clients.create': {
      const lines: HistoryLine[] = [];
      for (const [field, value] of Object.entries(changes)) {
        if (field === 'code' || !isChange(value)) continue;
        const initial = historyValue(t, field, value[1], options);
        if (initial !== null) lines.push({ kind: 'fact', label: clientFieldLabel(t, field), value: initial });
      }
      return { title, lines, compact: true };
    }
    case 'clients.import':
      return {
        title,
        lines: [
          {
            kind: 'text',
            text: t('clients.history.importedLine', { line: typeof changes.line === 'number' ? changes.line : '?' }),
          },
        ],
        compact: false,
      };
    case 'clients.exportData': {
      const formats = Array.isArray(changes.formats) ? changes.formats.map((f) => String(f).toUpperCase()) : [];
      return {
        title,
        lines: [{ kind: 'text', text: t('clients.history.exported', { formats: formats.join(', ') }) }],
        compact: false,
      };
    }
    default: {
      const lines = changeLines(t, changes, options, ['reason']);
      if (typeof changes.reason === 'string' && changes.reason) {
        lines.push({ kind: 'text', text: t('clients.history.reason', { reason: changes.reason }) });
      }
      return { title, lines, compact: false };
    }
  }
}
