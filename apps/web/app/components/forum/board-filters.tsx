import { useTranslation } from 'react-i18next';
import { boardPath } from '../../lib/forum-paths';

export type BoardFilter = 'all' | 'unanswered' | 'solved';

const FILTERS: BoardFilter[] = ['all', 'unanswered', 'solved'];

/** Links to the board's views (plain links: they work without scripts), and the tag in force. */
export function BoardFilters({
  slug,
  filter,
  tag,
}: {
  slug: string;
  filter: BoardFilter;
  tag: string | null;
}) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('forum.filters')} className="board-filters">
      <ul className="filter-list">
        {FILTERS.map((name) => (
          <li key={name}>
            <a
              href={boardPath(slug, { filter: name === 'all' ? null : name, tag })}
              aria-current={name === filter ? 'page' : undefined}
              className={name === filter ? 'filter current' : 'filter'}
            >
              {t(`forum.filter.${name}`)}
            </a>
          </li>
        ))}
      </ul>
      {tag && (
        <p className="tag-filter">
          {t('forum.taggedWith')} <span className="tag">{tag}</span>{' '}
          <a href={boardPath(slug, { filter: filter === 'all' ? null : filter })}>
            {t('forum.clearTag')}
          </a>
        </p>
      )}
    </nav>
  );
}
