import { useTranslation } from 'react-i18next';
import { Form, useActionData, useLocation, useNavigation } from 'react-router';
import { threadPath } from '../../lib/forum-paths';
import type { ThreadActionResult } from './action-result';
import { MarkdownEditor } from './markdown-editor';

/**
 * The member's answer (a plain form: it works without scripts), or for a visitor the way to sign
 * in and come back here. After posting, the page shows the thread at the new answer. Staff may
 * answer for the company (an official answer).
 */
export function AnswerForm({
  threadId,
  formKey,
  signedIn,
  locked,
  canAnswerOfficially,
}: {
  threadId: string;
  formKey: string | null;
  signedIn: boolean;
  locked: boolean;
  /** Staff (agents, moderators, admins) may mark the answer as the company's. */
  canAnswerOfficially: boolean;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigation = useNavigation();
  const posted = useActionData<ThreadActionResult>();
  const result = posted?.intent === 'answer' || posted?.intent === 'preview' ? posted : undefined;
  if (locked) return <p className="notice">{t('forum.locked')}</p>;
  if (!signedIn) {
    const returnTo = encodeURIComponent(threadPath(threadId));
    return (
      <p className="sign-in-to-answer">
        <a className="button primary" href={`/sign-in?returnTo=${returnTo}`}>
          {t('forum.signInToAnswer')}
        </a>{' '}
        {t('forum.orSignUp')} <a href="/sign-up">{t('site.signUp')}</a>
      </p>
    );
  }
  const sending = navigation.formData?.get('intent') === 'answer';
  return (
    // A new location after posting empties the form; a refused answer keeps what was typed.
    <Form method="post" className="stack answer-form" noValidate key={location.key}>
      <input type="hidden" name="formKey" value={formKey ?? ''} />
      {result?.errors.form.map((message) => (
        <p key={message} className="error" role="alert">
          {message}
        </p>
      ))}
      {canAnswerOfficially && (
        <p className="checkbox-field">
          <input
            type="checkbox"
            id="answer-official"
            name="official"
            value="true"
            defaultChecked={result?.official}
          />{' '}
          <label htmlFor="answer-official">{t('forum.answerOfficially')}</label>
        </p>
      )}
      <MarkdownEditor
        label={t('forum.yourAnswer')}
        name="body"
        defaultValue={result?.body}
        error={result?.errors.fields.body}
        preview={result?.intent === 'preview' ? result.preview : undefined}
        submit={
          <button type="submit" name="intent" value="answer" className="primary" disabled={sending}>
            {sending ? t('forum.posting') : t('forum.postAnswer')}
          </button>
        }
      />
    </Form>
  );
}
