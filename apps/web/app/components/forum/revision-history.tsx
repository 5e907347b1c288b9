import { useTranslation } from 'react-i18next';
import type { ForumPostFragment } from '../../graphql/generated/graphql';
import { formatDate } from '../../lib/format';
import { useRootData } from '../../root';

/**
 * "Edited" with the earlier versions behind a disclosure, newest first. The API keeps them as
 * the markdown that was written, so they are shown as written.
 */
export function RevisionHistory({
  editedAt,
  revisions,
}: {
  editedAt: string;
  revisions: ForumPostFragment['revisions'];
}) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const edited = (
    <>
      {t('forum.edited')} <time dateTime={editedAt}>{formatDate(locale, editedAt)}</time>
    </>
  );
  if (revisions.length === 0) return <p className="meta">{edited}</p>;
  return (
    <details className="revisions">
      <summary>
        {edited} · {t('forum.earlierVersions', { count: revisions.length })}
      </summary>
      <ol reversed>
        {[...revisions].reverse().map((revision) => (
          <li key={revision.id}>
            <p className="meta">
              {t('forum.replacedBy', { name: revision.editor.displayName })}{' '}
              <time dateTime={revision.createdAt}>{formatDate(locale, revision.createdAt)}</time>
              {revision.reason && <> · {t('forum.editReason', { reason: revision.reason })}</>}
            </p>
            <pre className="revision-body">{revision.body}</pre>
          </li>
        ))}
      </ol>
    </details>
  );
}
