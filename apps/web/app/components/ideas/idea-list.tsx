import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IdeaSummaryFragment } from '../../graphql/generated/graphql';
import { formatDate } from '../../lib/format';
import { useRootData } from '../../root';
import { StatusBadge } from './status-badge';
import { VoteButton } from './vote-button';

/** Ideas, each with its votes, status and vote button, linking to its page. */
export function IdeaList({ ideas }: { ideas: IdeaSummaryFragment[] }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  return (
    <ul className="idea-list">
      {ideas.map((idea) => (
        <li key={idea.id} className="idea-item">
          <VoteButton idea={idea} />
          <div className="idea-summary">
            <Link to={`/ideas/i/${encodeURIComponent(idea.id)}`} className="idea-title">
              {idea.title}
            </Link>
            <p className="meta">
              <StatusBadge status={idea.status} /> {t('ideas.submittedBy')}{' '}
              {idea.author.displayName} ·{' '}
              <time dateTime={idea.createdAt}>{formatDate(locale, idea.createdAt)}</time>
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
