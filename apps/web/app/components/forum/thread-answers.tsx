import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import type { ForumPostFragment, ThreadPageQuery } from '../../graphql/generated/graphql';
import type { OrderName } from '../../routes/thread';
import { AnswerCard } from './answer-card';
import { isStaff } from './author-byline';
import { useLiveAnswers } from './use-live-answers';

type Thread = NonNullable<ThreadPageQuery['thread']>;
type Viewer = ThreadPageQuery['viewer'];

interface ThreadAnswersProps {
  thread: Thread;
  viewer: Viewer;
  order: OrderName;
  after: string | null;
  /** The page's loader data, whose every reload supersedes answers pushed before it. */
  version: unknown;
}

const ORDER_NAMES: OrderName[] = ['oldest', 'newest', 'kudos'];

/**
 * The accepted solution first, then the other answers in the chosen order, with the ones that
 * arrive while the page is open put in place and announced to screen readers.
 */
export function ThreadAnswers({ thread, viewer, order, after, version }: ThreadAnswersProps) {
  const { t } = useTranslation();
  const accepted = thread.acceptedSolution;
  const loadedPosts = thread.answers.edges.map((edge) => edge.node);
  const loadedIds = [...loadedPosts.map((post) => post.id), ...(accepted ? [accepted.id] : [])];
  const pushed = useLiveAnswers(thread.id, version, loadedIds);
  const latest = (post: ForumPostFragment) => pushed.find((p) => p.id === post.id) ?? post;

  const solution = accepted ? latest(accepted) : null;
  const shown = loadedPosts.filter((post) => post.id !== accepted?.id).map(latest);
  const arrived = pushed.filter((post) => !loadedIds.includes(post.id));
  const answers =
    order === 'newest' ? [...[...arrived].reverse(), ...shown] : [...shown, ...arrived];
  // The thread's count includes the accepted solution, and not what arrived since.
  const total = thread.answerCount + arrived.length;
  const othersArrived = arrived.filter((post) => post.author.id !== viewer?.id);
  const lastArrived = othersArrived.at(-1);

  const canAccept =
    viewer !== null && (viewer.id === thread.author.id || isStaff({ role: viewer.role }));
  const card = (post: ForumPostFragment) => (
    <AnswerCard
      post={post}
      threadId={thread.id}
      viewerId={viewer?.id ?? null}
      canAccept={canAccept && post.status === 'PUBLISHED'}
    />
  );
  const next = thread.answers.pageInfo;
  return (
    <>
      {solution && (
        <section aria-labelledby="solution-heading" className="solution">
          <h2 id="solution-heading">{t('forum.acceptedSolution')}</h2>
          {card(solution)}
        </section>
      )}
      <section aria-labelledby="answers-heading" className="answers">
        <div className="answers-header">
          <h2 id="answers-heading">
            {solution
              ? t('forum.otherAnswersHeading', { count: total - 1 })
              : t('forum.answersHeading', { count: total })}
          </h2>
          {answers.length > 1 && (
            <Form method="get" className="order-form" preventScrollReset>
              <label htmlFor="answer-order">{t('forum.sortAnswers')}</label>
              <select id="answer-order" name="order" defaultValue={order}>
                {ORDER_NAMES.map((name) => (
                  <option key={name} value={name}>
                    {t(`forum.order.${name}`)}
                  </option>
                ))}
              </select>
              <button type="submit">{t('forum.sort')}</button>
            </Form>
          )}
        </div>
        <p className="visually-hidden" aria-live="polite">
          {lastArrived
            ? t('forum.newAnswers', {
                count: othersArrived.length,
                name: lastArrived.author.displayName,
              })
            : ''}
        </p>
        {answers.length > 0 ? (
          <ol className="answer-list">
            {answers.map((post) => (
              <li key={post.id}>{card(post)}</li>
            ))}
          </ol>
        ) : (
          <p className="muted">{solution ? t('forum.noOtherAnswers') : t('forum.noAnswers')}</p>
        )}
        {(after || next.hasNextPage) && (
          <nav aria-label={t('forum.answerPages')} className="pager">
            {after && <a href={`?order=${order}`}>{t('forum.firstAnswers')}</a>}
            {next.hasNextPage && next.endCursor && (
              <a href={`?order=${order}&after=${encodeURIComponent(next.endCursor)}`} rel="next">
                {t('forum.moreAnswers')}
              </a>
            )}
          </nav>
        )}
      </section>
    </>
  );
}
