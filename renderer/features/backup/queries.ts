import type { QueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { locale } from '../../i18n';
import { daysSince, formatBytes } from './format';

/** After a backup, a restore or a settings change: the list, the health (shell warning) and the settings again. */
export function invalidateBackups(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (query) => typeof query.queryKey[0] === 'string' && query.queryKey[0].startsWith('backup.'),
  });
}

/** "12,4 Mo" in the current language. */
export function sizeLabel(t: TFunction, bytes: number): string {
  const units = [t('backup.units.b'), t('backup.units.kb'), t('backup.units.mb'), t('backup.units.gb')] as const;
  return formatBytes(bytes, locale(), units);
}

/** "aujourd'hui", "il y a 3 jours". */
export function agoLabel(t: TFunction, iso: string, now = new Date()): string {
  const days = daysSince(iso, now);
  return days === 0 ? t('backup.today') : t('backup.daysAgo', { count: days });
}
