import { useTranslation } from 'react-i18next';
import { useFetcher } from 'react-router';
import { useTargetResult, type ThreadActionResult } from './action-result';

/** Marks an answer as the solution, or withdraws the mark (the asker's and staff's to do). */
export function AcceptButton({
  postId,
  threadId,
  accepted,
}: {
  postId: string;
  threadId: string;
  accepted: boolean;
}) {
  const { t } = useTranslation();
  const fetcher = useFetcher<ThreadActionResult>();
  const targetId = accepted ? threadId : postId;
  const result = useTargetResult(fetcher, targetId, ['accept', 'unaccept']);
  return (
    <fetcher.Form method="post" preventScrollReset>
      <input type="hidden" name="targetId" value={targetId} />
      <button
        type="submit"
        name="intent"
        value={accepted ? 'unaccept' : 'accept'}
        disabled={fetcher.state !== 'idle'}
      >
        {accepted ? t('forum.unaccept') : t('forum.accept')}
      </button>
      {result?.error && (
        <span className="error" role="alert">
          {result.error}
        </span>
      )}
    </fetcher.Form>
  );
}
