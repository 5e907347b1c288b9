import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReviewItemFragment } from '../../graphql/generated/graphql';
import { formatDate } from '../../lib/format';
import { useRootData } from '../../root';
import { HelpfulButton } from './helpful-button';
import { Stars } from './stars';

/** A product's reviews: stars, title, author and date, the review, and its helpful marks. */
export function ReviewList({
  reviews,
  refusal,
}: {
  reviews: ReviewItemFragment[];
  /** Without scripts, the API's reason a helpful mark was refused, by review. */
  refusal?: { reviewId: string; error: string } | null;
}) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  return (
    <ol className="review-list">
      {reviews.map((review) => (
        <li key={review.id} id={`review-${review.id}`} className="review">
          <article aria-labelledby={`review-title-${review.id}`}>
            <Stars rating={review.rating} />
            <h3 id={`review-title-${review.id}`}>{review.title}</h3>
            <p className="meta">
              <Link to={`/members/${encodeURIComponent(review.author.handle)}`}>
                {review.author.displayName}
              </Link>{' '}
              · <time dateTime={review.createdAt}>{formatDate(locale, review.createdAt)}</time>
              {review.status !== 'PUBLISHED' && <> · {t('products.awaitingModeration')}</>}
            </p>
            <div className="prose" dangerouslySetInnerHTML={{ __html: review.bodyHtml }} />
            <HelpfulButton review={review} />
            {refusal?.reviewId === review.id && (
              <p className="error" role="alert">
                {refusal.error}
              </p>
            )}
          </article>
        </li>
      ))}
    </ol>
  );
}
