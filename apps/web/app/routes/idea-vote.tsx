import { useTranslation } from 'react-i18next';
import { redirect, useActionData } from 'react-router';
import { callApi, type ApiResult } from '../graphql/api.server';
import { graphql } from '../graphql/generated';
import type { VoteIdeaMutation } from '../graphql/generated/graphql';
import { formErrors } from '../lib/form-errors';
import { safeReturnTo } from '../lib/safe-redirect';
import { requestInfo } from '../request-context';
import type { Route } from './+types/idea-vote';

const VoteMutation = graphql(`
  mutation VoteIdea($ideaId: ID!) {
    idea: voteIdea(ideaId: $ideaId) {
      id
      title
      status
      voteCount
      viewerHasVoted
    }
  }
`);

const UnvoteMutation = graphql(`
  mutation UnvoteIdea($ideaId: ID!) {
    idea: unvoteIdea(ideaId: $ideaId) {
      id
      title
      status
      voteCount
      viewerHasVoted
    }
  }
`);

/**
 * Votes for an idea or takes the vote back. A plain form post comes back to the page it was
 * sent from; a post from a page running scripts (`inPlace`) gets the idea's new votes instead.
 * Visitors are sent to sign in first, and back here after.
 */
export async function action({ request, params, context }: Route.ActionArgs) {
  const form = await request.formData();
  const info = context.get(requestInfo);
  const returnTo = safeReturnTo(form.get('returnTo'));
  if (!info.token) return redirect(`/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
  const variables = { ideaId: params.id };
  const result: ApiResult<VoteIdeaMutation> =
    form.get('intent') === 'unvote'
      ? await callApi(info, UnvoteMutation, variables)
      : await callApi(info, VoteMutation, variables);
  const answer = result.ok
    ? { idea: result.data.idea, error: null, returnTo }
    : { idea: null, error: formErrors(result.errors, []).form[0], returnTo };
  if (form.get('inPlace') === '1' || !result.ok) return answer;
  return redirect(returnTo);
}

export function loader({ params }: Route.LoaderArgs) {
  return redirect(`/ideas/i/${encodeURIComponent(params.id)}`);
}

export function meta() {
  return [{ title: 'Vote · Community' }];
}

/** Only reached without scripts when the API refused the vote: its reason, and the way back. */
export default function IdeaVote() {
  const { t } = useTranslation();
  const answer = useActionData<typeof action>();
  return (
    <section className="narrow">
      <h1>{t('ideas.voteFailed')}</h1>
      {answer?.error && (
        <p className="error" role="alert">
          {answer.error}
        </p>
      )}
      <a href={answer?.returnTo ?? '/ideas'}>{t('ideas.back')}</a>
    </section>
  );
}
