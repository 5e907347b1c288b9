import { useTranslation } from 'react-i18next';
import type { ForumPostFragment } from '../../graphql/generated/graphql';
import { formatDate } from '../../lib/format';
import { useRootData } from '../../root';

type Correction = NonNullable<ForumPostFragment['correction']>;

/** A moderator's correction of the advice above it, with who made it, when, and why. */
export function CorrectionNote({ correction }: { correction: Correction }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  return (
    <div className="correction" role="note">
      <p className="correction-title">
        <strong>{t('forum.corrected')}</strong>{' '}
        <span className="meta">
          {t('forum.correctedBy', { name: correction.moderator.displayName })}{' '}
          <time dateTime={correction.createdAt}>{formatDate(locale, correction.createdAt)}</time>
        </span>
      </p>
      {/* Rendered and sanitised by the API, as every member-written text is. */}
      <div className="prose" dangerouslySetInnerHTML={{ __html: correction.noteHtml }} />
    </div>
  );
}
