import { callApi } from '../graphql/api.server';
import { graphql } from '../graphql/generated';
import type { RequestInfo } from '../request-context';
import { formErrors, type FormErrors } from './form-errors';

const PreviewMarkdown = graphql(`
  query PreviewMarkdown($body: String!) {
    previewMarkdown(body: $body)
  }
`);

/**
 * The HTML the API would store for this markdown, so that a preview never differs from the
 * post: the site renders no markdown of its own. Errors concern the `body` field.
 */
export async function previewMarkdown(
  info: RequestInfo,
  body: string,
): Promise<{ html: string; errors: FormErrors }> {
  const result = await callApi(info, PreviewMarkdown, { body });
  return result.ok
    ? { html: result.data.previewMarkdown, errors: { fields: {}, form: [] } }
    : { html: '', errors: formErrors(result.errors, ['body']) };
}
