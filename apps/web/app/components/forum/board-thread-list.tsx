import { useTranslation } from 'react-i18next';
import type { BoardThreadsQuery } from '../../graphql/generated/graphql';
import { formatDate } from '../../lib/format';
import { boardPath, threadPath } from '../../lib/forum-paths';
import { useRootData } from '../../root';
import { ThreadStatusBadge } from './thread-status-badge';

type Thread = BoardThreadsQuery['threads']['edges'][number]['node'];

/** A board's threads: title, status, answers, who asked, last activity and tags. */
export function BoardThreadList({
  slug,
  threads,
  filtered,
}: {
  slug: string;
  threads: Thread[];
  filtered: boolean;
}) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  if (threads.length === 0)
    return <p className="muted">{filtered ? t('forum.noneMatch') : t('forum.noThreads')}</p>;
  return (
    <ul className="board-threads">
      {threads.map((thread) => (
        <li key={thread.id}>
          <a href={threadPath(thread.id)} className="thread-title">
            {thread.title}
          </a>
          <div className="meta">
            <ThreadStatusBadge status={thread.status} />{' '}
            {t('thread.answerCount', { count: thread.answerCount })} ·{' '}
            {t('forum.askedBy', { name: thread.author.displayName })} · {t('forum.active')}{' '}
            <time dateTime={thread.lastActivityAt}>
              {formatDate(locale, thread.lastActivityAt)}
            </time>
          </div>
          {thread.tags.length > 0 && (
            <ul className="tags" aria-label={t('forum.tags')}>
              {thread.tags.map((tag) => (
                <li key={tag}>
                  <a href={boardPath(slug, { tag })} className="tag">
                    {tag}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
