import { redirect } from 'react-router';
import { endSession } from '../session.server';
import type { Route } from './+types/sign-out';

/** Ends the session in this browser. */
export async function action(_args: Route.ActionArgs) {
  return redirect('/', { headers: { 'set-cookie': await endSession() } });
}

export function loader() {
  return redirect('/');
}
