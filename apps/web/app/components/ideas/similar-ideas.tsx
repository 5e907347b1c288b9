import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IdeaSummaryFragment } from '../../graphql/generated/graphql';
import { StatusBadge } from './status-badge';
import { VoteButton } from './vote-button';

/**
 * Open ideas like the one being typed, each with its vote button: a member who finds theirs
 * votes for it instead of submitting it again. The region is live, so that a screen reader
 * hears when suggestions arrive.
 */
export function SimilarIdeas({ ideas }: { ideas: IdeaSummaryFragment[] }) {
  const { t } = useTranslation();
  return (
    <section
      className="similar-ideas"
      aria-labelledby={ideas.length > 0 ? 'similar-heading' : undefined}
      aria-live="polite"
    >
      {ideas.length > 0 && (
        <>
          <h2 id="similar-heading">{t('ideas.new.similarHeading')}</h2>
          <p>{t('ideas.new.similarIntro')}</p>
          <ul className="idea-list">
            {ideas.map((idea) => (
              <li key={idea.id} className="idea-item">
                <VoteButton idea={idea} />
                <div className="idea-summary">
                  <Link
                    to={`/ideas/i/${encodeURIComponent(idea.id)}`}
                    className="idea-title"
                    target="_blank"
                  >
                    {idea.title}
                    <span className="visually-hidden"> ({t('ideas.new.opensInNewTab')})</span>
                  </Link>
                  <p className="meta">
                    <StatusBadge status={idea.status} />
                  </p>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
