import { useTranslation } from 'react-i18next';
import { useFetcher, useLocation } from 'react-router';
import type { IdeaStatus } from '../../graphql/generated/graphql';
import { formatNumber } from '../../lib/format';
import { useHydrated } from '../../lib/use-hydrated';
import { useRootData } from '../../root';
import type { action } from '../../routes/idea-vote';

/** Statuses that close an idea to votes (as the API has them). */
const CLOSED: readonly IdeaStatus[] = ['MERGED', 'DELIVERED', 'DECLINED'];

export interface VoteState {
  id: string;
  title: string;
  status: IdeaStatus;
  voteCount: number;
  viewerHasVoted: boolean;
}

/**
 * An idea's votes and the Vote or Unvote button. A plain form that comes back to this page
 * without scripts; with them, the count and the button change in place.
 */
export function VoteButton({ idea }: { idea: VoteState }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const location = useLocation();
  const hydrated = useHydrated();
  const fetcher = useFetcher<typeof action>();
  const answer = fetcher.data;
  const current = answer?.idea ?? idea;
  const count = t('ideas.votes', {
    count: current.voteCount,
    formatted: formatNumber(locale, current.voteCount),
  });
  if (CLOSED.includes(current.status)) {
    return (
      <div className="vote">
        <span className="vote-count">{count}</span>
      </div>
    );
  }
  const voted = current.viewerHasVoted;
  return (
    <fetcher.Form
      method="post"
      action={`/ideas/i/${encodeURIComponent(idea.id)}/vote`}
      className="vote"
    >
      <span className="vote-count" aria-live="polite">
        {count}
      </span>
      <input type="hidden" name="intent" value={voted ? 'unvote' : 'vote'} />
      <input type="hidden" name="returnTo" value={location.pathname + location.search} />
      {hydrated && <input type="hidden" name="inPlace" value="1" />}
      <button
        type="submit"
        className={voted ? undefined : 'primary'}
        disabled={fetcher.state !== 'idle'}
      >
        {voted ? t('ideas.unvote') : t('ideas.vote')}
        <span className="visually-hidden"> {t('ideas.voteFor', { title: idea.title })}</span>
      </button>
      {answer?.error && (
        <span className="error" role="alert">
          {answer.error}
        </span>
      )}
    </fetcher.Form>
  );
}
