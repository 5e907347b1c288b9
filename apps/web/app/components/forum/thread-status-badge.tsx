import { useTranslation } from 'react-i18next';
import type { ThreadStatus } from '../../graphql/generated/graphql';

/** Solved, open or locked, in words (never in colour alone). */
export function ThreadStatusBadge({ status }: { status: ThreadStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge status-${status.toLowerCase()}`}>
      {t(`forum.status.${status}`)}
    </span>
  );
}
