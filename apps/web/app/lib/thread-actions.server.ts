import { redirect } from 'react-router';
import type { ThreadActionResult, TargetIntent } from '../components/forum/action-result';
import { callApi, type ApiError, type ApiResult } from '../graphql/api.server';
import { graphql } from '../graphql/generated';
import type { FlagReason } from '../graphql/generated/graphql';
import type { RequestInfo } from '../request-context';
import { formErrors } from './form-errors';
import { threadPath } from './forum-paths';
import { previewMarkdown } from './markdown-preview.server';

const PostAnswer = graphql(`
  mutation PostAnswer($input: PostAnswerInput!) {
    postAnswer(input: $input) {
      id
    }
  }
`);

const GiveKudo = graphql(`
  mutation GiveKudo($postId: ID!) {
    giveKudo(postId: $postId) {
      id
    }
  }
`);

const RemoveKudo = graphql(`
  mutation RemoveKudo($postId: ID!) {
    removeKudo(postId: $postId) {
      id
    }
  }
`);

const AcceptSolution = graphql(`
  mutation AcceptSolution($postId: ID!) {
    acceptSolution(postId: $postId) {
      id
    }
  }
`);

const UnacceptSolution = graphql(`
  mutation UnacceptSolution($threadId: ID!) {
    unacceptSolution(threadId: $threadId) {
      id
    }
  }
`);

const Follow = graphql(`
  mutation FollowThread($targetId: ID!) {
    subscribe(targetId: $targetId)
  }
`);

const Unfollow = graphql(`
  mutation UnfollowThread($targetId: ID!) {
    unsubscribe(targetId: $targetId)
  }
`);

const Flag = graphql(`
  mutation FlagContent($input: FlagInput!) {
    flag(input: $input) {
      id
    }
  }
`);

const FLAG_REASONS: readonly FlagReason[] = [
  'SPAM',
  'OFFENSIVE',
  'OFF_TOPIC',
  'INCORRECT_ADVICE',
  'OTHER',
];

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/** The API's first error as one sentence for the control that caused it. */
function firstError(errors: ApiError[]): string {
  const { fields, form } = formErrors(errors, []);
  return form[0] ?? Object.values(fields)[0] ?? '';
}

function targetResult(
  intent: TargetIntent,
  targetId: string,
  result: ApiResult<unknown>,
): ThreadActionResult {
  return { intent, targetId, error: result.ok ? null : firstError(result.errors) };
}

/** Runs the toggle or report that `intent` names on a post or the thread. */
async function runTargetIntent(
  info: RequestInfo,
  intent: TargetIntent,
  targetId: string,
  form: FormData,
): Promise<ThreadActionResult> {
  switch (intent) {
    case 'give-kudo':
      return targetResult(intent, targetId, await callApi(info, GiveKudo, { postId: targetId }));
    case 'remove-kudo':
      return targetResult(intent, targetId, await callApi(info, RemoveKudo, { postId: targetId }));
    case 'accept':
      return targetResult(
        intent,
        targetId,
        await callApi(info, AcceptSolution, { postId: targetId }),
      );
    case 'unaccept':
      return targetResult(
        intent,
        targetId,
        await callApi(info, UnacceptSolution, { threadId: targetId }),
      );
    case 'follow':
      return targetResult(intent, targetId, await callApi(info, Follow, { targetId }));
    case 'unfollow':
      return targetResult(intent, targetId, await callApi(info, Unfollow, { targetId }));
    case 'flag': {
      const reason = FLAG_REASONS.find((known) => known === text(form, 'reason'));
      // The form always sends one of the reasons; anything else was not sent by it.
      if (!reason) throw new Response('Unknown flag reason', { status: 400 });
      const note = text(form, 'note').trim();
      // A second flag by the same member is refused (CONFLICT), so a repeated post cannot double it.
      const result = await callApi(info, Flag, { input: { targetId, reason, note: note || null } });
      return targetResult(intent, targetId, result);
    }
  }
}

const TARGET_INTENTS: readonly TargetIntent[] = [
  'give-kudo',
  'remove-kudo',
  'accept',
  'unaccept',
  'follow',
  'unfollow',
  'flag',
];

/**
 * Everything a member does on a thread page, by the form's `intent`: answer (then back to the
 * thread at the new answer), preview an answer, kudos, accept, follow, flag. Visitors are sent
 * to sign in first and come back here.
 */
export async function threadAction(
  request: Request,
  info: RequestInfo,
  threadId: string,
): Promise<ThreadActionResult | Response> {
  const form = await request.formData();
  const intent = text(form, 'intent');
  if (!info.token) return redirect(`/sign-in?returnTo=${encodeURIComponent(threadPath(threadId))}`);
  const body = text(form, 'body');
  // Only staff see the box; the API refuses anyone else who sends it.
  const official = text(form, 'official') === 'true';
  if (intent === 'answer') {
    const result = await callApi(info, PostAnswer, {
      input: { threadId, body, official, clientMutationId: text(form, 'formKey') || null },
    });
    if (result.ok) return redirect(`${threadPath(threadId)}#answer-${result.data.postAnswer.id}`);
    return { intent, body, official, errors: formErrors(result.errors, ['body', 'official']) };
  }
  if (intent === 'preview') {
    const { html, errors } = await previewMarkdown(info, body);
    return { intent, body, official, preview: html, errors };
  }
  const targetIntent = TARGET_INTENTS.find((known) => known === intent);
  if (!targetIntent) throw new Response('Unknown action', { status: 400 });
  return runTargetIntent(info, targetIntent, text(form, 'targetId'), form);
}
