import { data } from 'react-router';
import { previewMarkdown } from '../lib/markdown-preview.server';
import { requestInfo } from '../request-context';
import type { Route } from './+types/preview';

/**
 * The markdown preview of the answer and question forms when scripts run: the form's body,
 * rendered by the API exactly as the post will be. (Without scripts the form's own Preview
 * button posts to its page, which renders the same way.)
 */
export async function action({ request, context }: Route.ActionArgs) {
  const info = context.get(requestInfo);
  if (!info.token) return data({ html: '', error: null }, { status: 401 });
  const form = await request.formData();
  const body = form.get('body');
  const { html, errors } = await previewMarkdown(info, typeof body === 'string' ? body : '');
  return { html, error: errors.fields.body ?? errors.form[0] ?? null };
}
