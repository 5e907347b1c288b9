import { useTranslation } from 'react-i18next';
import { useRootData } from '../root';
import { formatDate } from '../lib/format';

export interface ThreadSummary {
  id: string;
  title: string;
  answerCount: number;
  status: string;
  lastActivityAt: string;
}

/** Threads as a list of links, with their answers and last activity. */
export function ThreadList({ threads }: { threads: ThreadSummary[] }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  if (threads.length === 0) return <p className="muted">{t('home.noThreads')}</p>;
  return (
    <ul className="thread-list">
      {threads.map((thread) => (
        <li key={thread.id}>
          <a href={`/threads/${encodeURIComponent(thread.id)}`}>{thread.title}</a>
          <span className="meta">
            {thread.status === 'SOLVED' && <span className="solved">{t('thread.solved')}</span>}
            {t('thread.answerCount', { count: thread.answerCount })} ·{' '}
            <time dateTime={thread.lastActivityAt}>
              {formatDate(locale, thread.lastActivityAt)}
            </time>
          </span>
        </li>
      ))}
    </ul>
  );
}
