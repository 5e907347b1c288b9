import { useTranslation } from 'react-i18next';
import { formatNumber, formatRating } from '../../lib/format';
import { useRootData } from '../../root';
import { Stars } from './stars';

/** A product's average (one decimal, in the locale's way) and how many reviews make it. */
export function RatingSummary({
  average,
  count,
}: {
  average: number | null | undefined;
  count: number;
}) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  if (average === null || average === undefined || count === 0) {
    return <p className="rating-summary muted">{t('products.noRatings')}</p>;
  }
  return (
    <p className="rating-summary">
      <span className="rating-average" aria-hidden="true">
        {formatRating(locale, average)}
      </span>{' '}
      <Stars rating={average} />{' '}
      <span className="meta">
        {t('products.ratingCount', { count, formatted: formatNumber(locale, count) })}
      </span>
    </p>
  );
}
