import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../lib/format';
import { useRootData } from '../../root';

interface MemberFigures {
  rank: string;
  reputation: number;
  acceptedSolutionCount: number;
  createdAt: string;
}

/** Rank, reputation, accepted solutions and membership date, as a list of terms. */
export function MemberStats({ member }: { member: MemberFigures }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  return (
    <dl className="member-stats">
      <div>
        <dt>{t('members.rank')}</dt>
        <dd>{t(`members.ranks.${member.rank}`, { defaultValue: member.rank })}</dd>
      </div>
      <div>
        <dt>{t('members.reputation')}</dt>
        <dd>{formatNumber(locale, member.reputation)}</dd>
      </div>
      <div>
        <dt>{t('members.solutions')}</dt>
        <dd>{formatNumber(locale, member.acceptedSolutionCount)}</dd>
      </div>
      <div>
        <dt>{t('members.memberSince')}</dt>
        <dd>
          <time dateTime={member.createdAt}>{formatDate(locale, member.createdAt)}</time>
        </dd>
      </div>
    </dl>
  );
}
