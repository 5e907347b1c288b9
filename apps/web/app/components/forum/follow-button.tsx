import { useTranslation } from 'react-i18next';
import { useFetcher } from 'react-router';
import { useTargetResult, type ThreadActionResult } from './action-result';

/** Follows the thread (notifications of new answers) or stops following it. */
export function FollowButton({ threadId, following }: { threadId: string; following: boolean }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<ThreadActionResult>();
  const result = useTargetResult(fetcher, threadId, ['follow', 'unfollow']);
  const pending = fetcher.formData?.get('intent');
  const shown = pending ? pending === 'follow' : following;
  return (
    <fetcher.Form method="post" preventScrollReset>
      <input type="hidden" name="targetId" value={threadId} />
      <button type="submit" name="intent" value={shown ? 'unfollow' : 'follow'}>
        {shown ? t('forum.unfollow') : t('forum.follow')}
      </button>
      {shown && <span className="meta following">{t('forum.following')}</span>}
      {result?.error && (
        <span className="error" role="alert">
          {result.error}
        </span>
      )}
    </fetcher.Form>
  );
}
