import { callApi } from '../graphql/api.server';
import { graphql } from '../graphql/generated';
import { requestInfo } from '../request-context';
import type { Route } from './+types/similar-threads';

const SimilarThreadsQuery = graphql(`
  query SimilarThreads($title: String!) {
    similarThreads(title: $title, first: 5) {
      id
      title
      status
      answerCount
    }
  }
`);

/**
 * Threads like the title being typed on the ask page (fetched by its script, debounced). A
 * title the API cannot match yet (too short, say) simply has no suggestions.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const title = new URL(request.url).searchParams.get('title')?.trim() ?? '';
  if (title.length < 3) return { threads: [] };
  const result = await callApi(context.get(requestInfo), SimilarThreadsQuery, { title });
  return { threads: result.ok ? result.data.similarThreads : [] };
}
