import { useActionData, type useFetcher } from 'react-router';
import type { FormErrors } from '../../lib/form-errors';

/** Toggles and reports on the thread page: each names what it was about. */
export type TargetIntent =
  | 'give-kudo'
  | 'remove-kudo'
  | 'accept'
  | 'unaccept'
  | 'follow'
  | 'unfollow'
  | 'flag';

/** What the thread page's action answers, for the form that was sent. */
export type ThreadActionResult =
  | { intent: 'answer'; body: string; official: boolean; errors: FormErrors }
  | { intent: 'preview'; body: string; official: boolean; preview: string; errors: FormErrors }
  | { intent: TargetIntent; targetId: string; error: string | null };

type Fetcher = ReturnType<typeof useFetcher<ThreadActionResult>>;

/**
 * The result of this control's last submission: from its fetcher when scripts ran it, or from
 * the page's action data when the browser posted the form itself.
 */
export function useTargetResult(fetcher: Fetcher, targetId: string, intents: TargetIntent[]) {
  const posted = useActionData<ThreadActionResult>();
  const result = fetcher.data ?? posted;
  if (!result || !('targetId' in result)) return undefined;
  return result.targetId === targetId && intents.includes(result.intent) ? result : undefined;
}
