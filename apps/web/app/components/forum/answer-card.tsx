import { useTranslation } from 'react-i18next';
import type { ForumPostFragment } from '../../graphql/generated/graphql';
import { AcceptButton } from './accept-button';
import { AuthorByline } from './author-byline';
import { CorrectionNote } from './correction-note';
import { FlagForm } from './flag-form';
import { KudoButton } from './kudo-button';
import { RevisionHistory } from './revision-history';

interface AnswerCardProps {
  post: ForumPostFragment;
  threadId: string;
  /** The signed-in member's id, or null for a visitor. */
  viewerId: string | null;
  /** The asker and staff may accept (and withdraw) the solution. */
  canAccept: boolean;
}

/** One answer: who and when, the text, its correction and earlier versions, kudos and actions. */
export function AnswerCard({ post, threadId, viewerId, canAccept }: AnswerCardProps) {
  const { t } = useTranslation();
  const own = viewerId === post.author.id;
  const classes = ['answer', post.isAcceptedSolution && 'accepted', post.official && 'official'];
  return (
    <article id={`answer-${post.id}`} className={classes.filter(Boolean).join(' ')}>
      <h3 className="visually-hidden">{t('forum.answerBy', { name: post.author.displayName })}</h3>
      {post.isAcceptedSolution && <p className="solution-badge">{t('forum.acceptedSolution')}</p>}
      {post.official && <p className="official-badge">{t('forum.officialAnswer')}</p>}
      {post.status !== 'PUBLISHED' && (
        <p className="notice">{t(`forum.onlyYou.${post.status}`, t('forum.onlyYou.other'))}</p>
      )}
      <AuthorByline author={post.author} date={post.createdAt} dateLabel={t('forum.answered')} />
      {/* Rendered and sanitised by the API, as every member-written text is. */}
      <div className="prose" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
      {post.correction && <CorrectionNote correction={post.correction} />}
      {post.editedAt && <RevisionHistory editedAt={post.editedAt} revisions={post.revisions} />}
      <div className="post-actions">
        <KudoButton
          postId={post.id}
          count={post.kudosCount}
          given={post.viewerHasGivenKudo}
          canGive={viewerId !== null && !own}
        />
        {canAccept && (
          <AcceptButton postId={post.id} threadId={threadId} accepted={post.isAcceptedSolution} />
        )}
        {viewerId !== null && !own && <FlagForm targetId={post.id} what="answer" />}
      </div>
    </article>
  );
}
