import type { ForumAuthorFragment } from '../../graphql/generated/graphql';
import { formatDate } from '../../lib/format';
import { useRootData } from '../../root';

const STAFF_ROLES = new Set(['AGENT', 'MODERATOR', 'ADMIN']);

/** Whether the member speaks for the company (agents, moderators, admins). */
export function isStaff(author: Pick<ForumAuthorFragment, 'role'>): boolean {
  return STAFF_ROLES.has(author.role);
}

/** Who wrote it, their rank, and when. */
export function AuthorByline({
  author,
  date,
  dateLabel,
}: {
  author: ForumAuthorFragment;
  date: string;
  dateLabel: string;
}) {
  const { locale } = useRootData();
  return (
    <p className="byline">
      <a href={`/members/${encodeURIComponent(author.handle)}`} className="byline-name">
        {author.displayName}
      </a>{' '}
      <span className="rank">{author.rank}</span>
      <span className="meta">
        {' · '}
        {dateLabel} <time dateTime={date}>{formatDate(locale, date)}</time>
      </span>
    </p>
  );
}
