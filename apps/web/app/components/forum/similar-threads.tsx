import { useTranslation } from 'react-i18next';
import type { SimilarThreadsQuery } from '../../graphql/generated/graphql';
import { threadPath } from '../../lib/forum-paths';
import { ThreadStatusBadge } from './thread-status-badge';

type Thread = SimilarThreadsQuery['similarThreads'][number];

/**
 * Threads that may already answer the question being typed, solved ones first (the API's
 * order), each with a way to stop asking and read it. The region is polite: a screen reader
 * hears that suggestions arrived without losing its place in the title.
 */
export function SimilarThreads({ threads }: { threads: Thread[] }) {
  const { t } = useTranslation();
  return (
    <div className="similar" aria-live="polite">
      {threads.length > 0 && (
        <section aria-labelledby="similar-heading">
          <h2 id="similar-heading" className="similar-title">
            {t('forum.similarTitle')}
          </h2>
          <ul className="similar-list">
            {threads.map((thread) => (
              <li key={thread.id}>
                <a href={threadPath(thread.id)} className="thread-title">
                  {thread.title}
                </a>
                <span className="meta">
                  <ThreadStatusBadge status={thread.status} />{' '}
                  {t('thread.answerCount', { count: thread.answerCount })}
                </span>
                <a
                  href={threadPath(thread.id)}
                  className="answered-link"
                  aria-label={`${t('forum.thisAnswered')}: ${thread.title}`}
                >
                  {t('forum.thisAnswered')}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
