import type { TFunction } from 'i18next';
import type { PriceDto } from '../../../shared/api';
import { formatMoney } from '../../../shared/money';

/** "/ an", "/ 3 mois", "/ h", or nothing for a flat price. */
export function perLabel(price: Pick<PriceDto, 'priceType' | 'months'>, t: TFunction): string {
  if (price.priceType === 'hour') return t('catalog.per.hour');
  if (price.priceType === 'once' || price.priceType === 'late_fee' || price.months === 0) return '';
  if (price.months === 12) return t('catalog.per.year');
  if (price.months % 12 === 0) return t('catalog.per.years', { count: price.months / 12 });
  return t('catalog.per.months', { count: price.months });
}

/** "490,00 DH / an" */
export function priceLabel(price: PriceDto, t: TFunction): string {
  return `${formatMoney(price.amount, price.currency)} ${perLabel(price, t)}`.trim();
}
