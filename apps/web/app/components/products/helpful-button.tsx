import { useTranslation } from 'react-i18next';
import { useFetcher, useLocation } from 'react-router';
import type { ReviewItemFragment } from '../../graphql/generated/graphql';
import { formatNumber } from '../../lib/format';
import { useHydrated } from '../../lib/use-hydrated';
import { useRootData } from '../../root';
import type { action } from '../../routes/product';

/**
 * How many found a review helpful, and the member's "Helpful" button: once per member, never
 * on their own review. A plain form without scripts; with them, the count changes in place.
 */
export function HelpfulButton({ review }: { review: ReviewItemFragment }) {
  const { t } = useTranslation();
  const { locale, viewer } = useRootData();
  const location = useLocation();
  const hydrated = useHydrated();
  const fetcher = useFetcher<typeof action>();
  const answer = fetcher.data?.intent === 'helpful' ? fetcher.data : null;
  const current = answer?.review ?? review;
  const count = (
    <span className="meta" aria-live="polite">
      {t('products.helpfulCount', {
        count: current.helpfulCount,
        formatted: formatNumber(locale, current.helpfulCount),
      })}
    </span>
  );
  const own = viewer?.id === review.author.id;
  if (own || current.viewerFoundHelpful) {
    return (
      <div className="helpful">
        {count}
        {current.viewerFoundHelpful && (
          <span className="marked">{t('products.markedHelpful')}</span>
        )}
      </div>
    );
  }
  return (
    <fetcher.Form method="post" action={location.pathname} className="helpful">
      {count}
      <input type="hidden" name="intent" value="helpful" />
      <input type="hidden" name="reviewId" value={review.id} />
      <input type="hidden" name="returnTo" value={location.pathname + location.search} />
      {hydrated && <input type="hidden" name="inPlace" value="1" />}
      <button type="submit" disabled={fetcher.state !== 'idle'}>
        {t('products.helpful')}
        <span className="visually-hidden">
          {' '}
          {t('products.helpfulFor', { title: review.title })}
        </span>
      </button>
      {answer?.error && (
        <span className="error" role="alert">
          {answer.error}
        </span>
      )}
    </fetcher.Form>
  );
}
