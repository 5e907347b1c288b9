import { useTranslation } from 'react-i18next';
import type { ThreadPageQuery } from '../../graphql/generated/graphql';
import { boardPath } from '../../lib/forum-paths';
import { AuthorByline } from './author-byline';
import { FlagForm } from './flag-form';
import { FollowButton } from './follow-button';
import { ThreadStatusBadge } from './thread-status-badge';

type Thread = NonNullable<ThreadPageQuery['thread']>;

/** The question: title, status, tags, who asked and when, the text, follow and report. */
export function ThreadQuestion({ thread, viewerId }: { thread: Thread; viewerId: string | null }) {
  const { t } = useTranslation();
  return (
    <article className="question" aria-labelledby="thread-title">
      <h1 id="thread-title">{thread.title}</h1>
      <div className="question-meta">
        <ThreadStatusBadge status={thread.status} />
        {thread.tags.length > 0 && (
          <ul className="tags" aria-label={t('forum.tags')}>
            {thread.tags.map((tag) => (
              <li key={tag}>
                <a href={boardPath(thread.board.slug, { tag })} className="tag">
                  {tag}
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
      {thread.contentStatus !== 'PUBLISHED' && (
        <p className="notice">
          {t(`forum.onlyYou.${thread.contentStatus}`, t('forum.onlyYou.other'))}
        </p>
      )}
      <AuthorByline author={thread.author} date={thread.createdAt} dateLabel={t('forum.asked')} />
      {/* Rendered and sanitised by the API, as every member-written text is. */}
      <div className="prose" dangerouslySetInnerHTML={{ __html: thread.bodyHtml }} />
      {viewerId && (
        <div className="post-actions">
          <FollowButton threadId={thread.id} following={thread.viewerIsSubscribed} />
          {viewerId !== thread.author.id && <FlagForm targetId={thread.id} what="question" />}
        </div>
      )}
    </article>
  );
}
