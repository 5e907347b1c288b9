import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFetcher } from 'react-router';
import { useTargetResult, type ThreadActionResult } from './action-result';

const REASONS = ['INCORRECT_ADVICE', 'SPAM', 'OFFENSIVE', 'OFF_TOPIC', 'OTHER'] as const;

/**
 * "Report" behind a disclosure (no script needed): a reason, an optional note, and the thanks
 * once it is sent. Incorrect advice is not hidden but corrected in place, which the hint says.
 */
export function FlagForm({ targetId, what }: { targetId: string; what: 'question' | 'answer' }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<ThreadActionResult>();
  const result = useTargetResult(fetcher, targetId, ['flag']);
  const id = useId();
  const sent = result && !result.error;
  return (
    <details className="flag" open={result ? true : undefined}>
      <summary>{what === 'question' ? t('forum.reportQuestion') : t('forum.reportAnswer')}</summary>
      {sent ? (
        <p className="notice" role="status">
          {t('forum.reportThanks')}
        </p>
      ) : (
        <fetcher.Form method="post" className="stack flag-form" preventScrollReset>
          <input type="hidden" name="targetId" value={targetId} />
          <fieldset>
            <legend>{t('forum.reportReason')}</legend>
            {REASONS.map((reason, index) => (
              <div key={reason} className="choice">
                <input
                  type="radio"
                  id={`${id}-${reason}`}
                  name="reason"
                  value={reason}
                  defaultChecked={index === 0}
                  aria-describedby={reason === 'INCORRECT_ADVICE' ? `${id}-advice` : undefined}
                />
                <label htmlFor={`${id}-${reason}`}>{t(`forum.flagReason.${reason}`)}</label>
              </div>
            ))}
            <p id={`${id}-advice`} className="hint">
              {t('forum.incorrectAdviceHint')}
            </p>
          </fieldset>
          <div className="field">
            <label htmlFor={`${id}-note`}>{t('forum.reportNote')}</label>
            <textarea id={`${id}-note`} name="note" rows={2} maxLength={1000} />
          </div>
          {result?.error && (
            <p className="error" role="alert">
              {result.error}
            </p>
          )}
          <button type="submit" name="intent" value="flag" disabled={fetcher.state !== 'idle'}>
            {t('forum.sendReport')}
          </button>
        </fetcher.Form>
      )}
    </details>
  );
}
