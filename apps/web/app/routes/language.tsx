import { redirect } from 'react-router';
import { isLocale } from '../i18n/locales';
import { localeCookie } from '../i18n/negotiate';
import type { Route } from './+types/language';

/** The language switch: remembers the choice and goes back to the page it was made on. */
export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData();
  const locale = form.get('locale');
  const back = new URL(request.headers.get('referer') ?? '/', request.url);
  const target = back.host === new URL(request.url).host ? back.pathname + back.search : '/';
  if (!isLocale(locale)) return redirect(target);
  return redirect(target, { headers: { 'set-cookie': localeCookie(locale) } });
}

export function loader() {
  return redirect('/');
}
