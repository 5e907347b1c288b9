import { useTranslation } from 'react-i18next';
import { useFetcher } from 'react-router';
import { useTargetResult, type ThreadActionResult } from './action-result';

/**
 * The kudos count of an answer, with the button that gives or takes back the viewer's kudo.
 * The count moves as soon as the button is pressed (scripts on) and settles on the API's.
 */
export function KudoButton({
  postId,
  count,
  given,
  canGive,
}: {
  postId: string;
  count: number;
  given: boolean;
  canGive: boolean;
}) {
  const { t } = useTranslation();
  const fetcher = useFetcher<ThreadActionResult>();
  const result = useTargetResult(fetcher, postId, ['give-kudo', 'remove-kudo']);
  const pending = fetcher.formData?.get('intent');
  const shownGiven = pending ? pending === 'give-kudo' : given;
  const shownCount = count + (pending ? (shownGiven ? 1 : 0) - (given ? 1 : 0) : 0);
  const label = t('forum.kudos', { count: shownCount });
  if (!canGive) return <span className="kudos-count">{label}</span>;
  return (
    <fetcher.Form method="post" className="kudo-form" preventScrollReset>
      <input type="hidden" name="targetId" value={postId} />
      <button
        type="submit"
        name="intent"
        value={shownGiven ? 'remove-kudo' : 'give-kudo'}
        className={shownGiven ? 'kudo given' : 'kudo'}
      >
        {shownGiven ? t('forum.removeKudo') : t('forum.giveKudo')}
      </button>
      <span className="kudos-count">{label}</span>
      {result?.error && (
        <span className="error" role="alert">
          {result.error}
        </span>
      )}
    </fetcher.Form>
  );
}
