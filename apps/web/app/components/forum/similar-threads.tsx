import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import type { SimilarThreadsQuery } from '../../graphql/generated/graphql';
import { answeredMePath, threadPath } from '../../lib/forum-paths';
import { ThreadStatusBadge } from './thread-status-badge';

type Thread = SimilarThreadsQuery['similarThreads'][number];

/** The id of the form a suggestion's "this answered my question" button submits. */
const deflectionFormId = (threadId: string) => `answered-me-${threadId}`;

/**
 * Threads that may already answer the question being typed, solved ones first (the API's
 * order), each with a way to stop asking and read it: "this answered my question" counts a
 * deflection on the way. The suggestions sit inside the ask form and forms do not nest, so its
 * buttons name their own forms (DeflectionForms, placed after the ask form). The region is
 * polite: a screen reader hears that suggestions arrived without losing its place in the title.
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
                <button
                  type="submit"
                  form={deflectionFormId(thread.id)}
                  className="answered-link"
                  aria-label={`${t('forum.thisAnswered')}: ${thread.title}`}
                >
                  {t('forum.thisAnswered')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/** One empty POST form per suggestion, outside the ask form, for its "answered" button. */
export function DeflectionForms({ threads }: { threads: Thread[] }) {
  return threads.map((thread) => (
    <Form
      key={thread.id}
      id={deflectionFormId(thread.id)}
      method="post"
      action={answeredMePath(thread.id)}
    />
  ));
}
