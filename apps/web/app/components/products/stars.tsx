import { useTranslation } from 'react-i18next';
import { formatRating } from '../../lib/format';
import { useRootData } from '../../root';

/** A rating as five stars, for the eye, and as "3.5 out of 5 stars" in words. */
export function Stars({ rating }: { rating: number }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const filled = Math.round(rating);
  const words = Number.isInteger(rating) ? String(rating) : formatRating(locale, rating);
  return (
    <span className="stars">
      <span aria-hidden="true">
        {'★'.repeat(filled)}
        <span className="stars-empty">{'☆'.repeat(5 - filled)}</span>
      </span>
      <span className="visually-hidden">{t('products.stars', { rating: words })}</span>
    </span>
  );
}
