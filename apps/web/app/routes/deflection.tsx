import { redirect } from 'react-router';
import { callApi } from '../graphql/api.server';
import { graphql } from '../graphql/generated';
import { threadPath } from '../lib/forum-paths';
import { requestInfo } from '../request-context';
import type { Route } from './+types/deflection';

const RecordDeflection = graphql(`
  mutation RecordDeflection($threadId: ID!) {
    recordDeflection(threadId: $threadId)
  }
`);

/**
 * "This answered my question" on a suggested thread: counts the deflection, then opens the
 * thread. The count serves care's metrics only, so whatever the API answers (already counted
 * today, too many requests, a thread gone meanwhile) the visitor goes on to the thread.
 */
export async function action({ params, context }: Route.ActionArgs) {
  await callApi(context.get(requestInfo), RecordDeflection, { threadId: params.id });
  return redirect(threadPath(params.id));
}

/** A GET (a reload, a shared address) only opens the thread: it never counts. */
export function loader({ params }: Route.LoaderArgs) {
  return redirect(threadPath(params.id));
}
