import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import { useRootData } from '../../root';

interface RecentAnswer {
  id: string;
  createdAt: string;
  kudosCount: number;
  isAcceptedSolution: boolean;
  thread: { id: string; title: string };
}

/** A member's latest answers, each a link to the answer in its thread. */
export function RecentAnswers({ answers }: { answers: RecentAnswer[] }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  if (answers.length === 0) return <p className="muted">{t('members.noAnswers')}</p>;
  return (
    <ul className="thread-list recent-answers">
      {answers.map((answer) => (
        <li key={answer.id}>
          <a href={`/threads/${encodeURIComponent(answer.thread.id)}#answer-${answer.id}`}>
            {answer.thread.title}
          </a>
          <span className="meta">
            {answer.isAcceptedSolution && (
              <span className="solved">{t('members.acceptedSolution')}</span>
            )}
            <time dateTime={answer.createdAt}>
              {t('members.answeredOn', { date: formatDate(locale, answer.createdAt) })}
            </time>
            {' · '}
            {t('members.kudos', { count: answer.kudosCount })}
          </span>
        </li>
      ))}
    </ul>
  );
}
