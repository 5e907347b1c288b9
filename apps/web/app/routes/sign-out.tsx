import { redirect } from 'react-router';
import { callApi } from '../graphql/api.server';
import { graphql } from '../graphql/generated';
import { requestInfo } from '../request-context';
import { endSession } from '../session.server';
import type { Route } from './+types/sign-out';

const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

/**
 * Ends the session in the API (its token stops working everywhere at once), then in this
 * browser. A session the API already ended is still cleared here.
 */
export async function action({ context }: Route.ActionArgs) {
  const info = context.get(requestInfo);
  if (info.token) await callApi(info, SignOutMutation, {});
  return redirect('/', { headers: { 'set-cookie': await endSession() } });
}

export function loader() {
  return redirect('/');
}
