import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import { useRootData } from '../../root';
import { Highlight } from './highlight';

export interface SearchHitView {
  highlight: string;
  post: { id: string } | null;
  thread: {
    id: string;
    title: string;
    status: string;
    answerCount: number;
    lastActivityAt: string;
    board: { name: string; slug: string };
  };
}

/** One hit: the thread's title as a link, where the words were found, and the excerpt. */
export function SearchResult({ hit }: { hit: SearchHitView }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { thread, post } = hit;
  const threadHref = `/threads/${encodeURIComponent(thread.id)}`;
  // An answer found deeper than the thread's first page is not on it; the thread still is.
  const href = post ? `${threadHref}#answer-${post.id}` : threadHref;
  return (
    <li className="search-result">
      <h3 className="result-title">
        <a href={href}>{thread.title}</a>
      </h3>
      <p className="meta">
        {thread.status === 'SOLVED' && <span className="solved">{t('thread.solved')}</span>}
        <a href={`/boards/${encodeURIComponent(thread.board.slug)}`}>{thread.board.name}</a>
        {' · '}
        {t('thread.answerCount', { count: thread.answerCount })}
        {' · '}
        {t('search.lastActivity')}{' '}
        <time dateTime={thread.lastActivityAt}>{formatDate(locale, thread.lastActivityAt)}</time>
      </p>
      <p className="excerpt">
        <span className="excerpt-source">
          {post ? t('search.inAnswer') : t('search.inQuestion')}
        </span>{' '}
        <Highlight html={hit.highlight} />
      </p>
    </li>
  );
}
