import { useTranslation } from 'react-i18next';
import type { IdeaStatus } from '../../graphql/generated/graphql';

/** An idea's status as a coloured label (the colour only repeats what the text says). */
export function StatusBadge({ status }: { status: IdeaStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge status-${status.toLowerCase().replace('_', '-')}`}>
      <span className="visually-hidden">{t('ideas.statusLabel')}: </span>
      {t(`ideas.status.${status}`)}
    </span>
  );
}
