import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import { useRootData } from '../../root';

/**
 * How many reviews gave each number of stars, five first, as bars. The bars are only for the
 * eye; each row says its stars and count in words.
 */
export function RatingHistogram({ histogram }: { histogram: number[] }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const total = histogram.reduce((sum, count) => sum + count, 0);
  const rows = [5, 4, 3, 2, 1].map((stars) => ({ stars, count: histogram[stars - 1] ?? 0 }));
  return (
    <section className="histogram" aria-labelledby="histogram-heading">
      <h2 id="histogram-heading">{t('products.histogramHeading')}</h2>
      <ul>
        {rows.map(({ stars, count }) => (
          <li key={stars} data-stars={stars}>
            <span className="histogram-label">{t('products.starCount', { count: stars })}</span>
            <span className="histogram-bar" aria-hidden="true">
              <span style={{ width: `${total ? Math.round((count / total) * 100) : 0}%` }} />
            </span>
            <span className="histogram-count">
              {formatNumber(locale, count)}
              <span className="visually-hidden"> {t('products.reviewWord', { count })}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
