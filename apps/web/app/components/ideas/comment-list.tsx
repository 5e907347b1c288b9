import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IdeaPageQuery } from '../../graphql/generated/graphql';
import { formatDate } from '../../lib/format';
import { useMore } from '../../lib/use-more';
import { useRootData } from '../../root';
import { MoreLink } from '../more-link';

type Comments = NonNullable<IdeaPageQuery['idea']>['comments'];

function pageOf(comments: Comments) {
  return { nodes: comments.edges.map((edge) => edge.node), ...comments.pageInfo };
}

/** An idea's comments, oldest first, with "More" for the rest. */
export function CommentList({ comments }: { comments: Comments }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const more = useMore(pageOf(comments), (next: { idea: { comments: Comments } }) =>
    pageOf(next.idea.comments),
  );
  if (more.nodes.length === 0) return <p className="muted">{t('ideas.noComments')}</p>;
  return (
    <>
      <ol className="comment-list">
        {more.nodes.map((comment) => (
          <li key={comment.id} id={`comment-${comment.id}`} className="comment">
            <p className="meta">
              <Link to={`/members/${encodeURIComponent(comment.author.handle)}`}>
                {comment.author.displayName}
              </Link>{' '}
              · <time dateTime={comment.createdAt}>{formatDate(locale, comment.createdAt)}</time>
              {comment.status !== 'PUBLISHED' && <> · {t('ideas.awaitingModeration')}</>}
            </p>
            <div className="prose" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
          </li>
        ))}
      </ol>
      <MoreLink more={more} label={t('ideas.moreComments')} />
    </>
  );
}
