import { useTranslation } from 'react-i18next';
import { data, useLoaderData } from 'react-router';
import { ThreadAnswers } from '../components/forum/thread-answers';
import { ThreadQuestion } from '../components/forum/thread-question';
import { AnswerForm } from '../components/forum/answer-form';
import { isStaff } from '../components/forum/author-byline';
import { callApi } from '../graphql/api.server';
import { graphql } from '../graphql/generated';
import type { AnswerOrder } from '../graphql/generated/graphql';
import { loaderCacheHeaders, pageCacheHeaders } from '../lib/cache-control';
import { boardPath, threadPath } from '../lib/forum-paths';
import { excerpt, htmlToText } from '../lib/plain-text';
import { qaPageJsonLd } from '../lib/qa-page';
import { threadAction } from '../lib/thread-actions.server';
import { requestInfo } from '../request-context';
import type { Route } from './+types/thread';

/**
 * The whole page in one request to the API: the thread, its accepted solution, the first page
 * of answers with their authors, corrections and earlier versions, and who is looking.
 */
const ThreadPageQuery = graphql(`
  query ThreadPage($id: ID!, $order: AnswerOrder!, $after: String) {
    viewer {
      id
      role
    }
    thread(id: $id) {
      id
      title
      bodyHtml
      tags
      status
      contentStatus
      createdAt
      answerCount
      viewerIsSubscribed
      board {
        id
        slug
        name
      }
      author {
        ...ForumAuthor
      }
      acceptedSolution {
        ...ForumPost
      }
      answers(first: 20, after: $after, orderBy: $order) {
        edges {
          node {
            ...ForumPost
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

/** The answer orders, by their name in the page's address. */
const ORDERS = {
  oldest: 'OLDEST',
  newest: 'NEWEST',
  kudos: 'MOST_KUDOS',
} as const satisfies Record<string, AnswerOrder>;
export type OrderName = keyof typeof ORDERS;

function orderName(value: string | null): OrderName {
  return value === 'newest' || value === 'kudos' ? value : 'oldest';
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const info = context.get(requestInfo);
  const url = new URL(request.url);
  const order = orderName(url.searchParams.get('order'));
  const after = url.searchParams.get('after') || null;
  const result = await callApi(info, ThreadPageQuery, {
    id: params.id,
    order: ORDERS[order],
    after,
  });
  if (!result.ok) {
    // An id or cursor that is not one of ours names no page.
    const unknown = result.errors.some((error) => error.code === 'BAD_USER_INPUT');
    throw new Response(result.errors[0].message, { status: unknown ? 404 : 502 });
  }
  const { thread, viewer } = result.data;
  if (!thread) throw new Response('No such thread', { status: 404 });
  return data(
    {
      thread,
      viewer,
      order,
      after,
      canonical: `${url.origin}${threadPath(thread.id)}`,
      // The answer form's idempotency key: a double submit posts one answer.
      formKey: viewer ? crypto.randomUUID() : null,
    },
    { headers: pageCacheHeaders(info.token !== null) },
  );
}

export const headers = loaderCacheHeaders;

export function action({ request, params, context }: Route.ActionArgs) {
  return threadAction(request, context.get(requestInfo), params.id);
}

export function meta({ loaderData }: Route.MetaArgs) {
  if (!loaderData) return [{ title: 'Community' }];
  const { thread, canonical } = loaderData;
  const description = excerpt(htmlToText(thread.bodyHtml));
  const others = thread.answers.edges
    .map((edge) => edge.node)
    .filter((post) => post.id !== thread.acceptedSolution?.id);
  return [
    { title: `${thread.title} · ${thread.board.name} · Community` },
    { name: 'description', content: description },
    { tagName: 'link', rel: 'canonical', href: canonical },
    { property: 'og:type', content: 'article' },
    { property: 'og:site_name', content: 'Community' },
    { property: 'og:title', content: thread.title },
    { property: 'og:description', content: description },
    { property: 'og:url', content: canonical },
    { name: 'twitter:card', content: 'summary' },
    qaPageJsonLd(canonical, thread, others),
  ];
}

export default function ThreadPage() {
  const { t } = useTranslation();
  const loaded = useLoaderData<typeof loader>();
  const { thread, viewer, formKey, order, after } = loaded;
  return (
    <div className="thread-page">
      <nav aria-label={t('forum.breadcrumb')} className="breadcrumb">
        <a href="/">{t('site.home')}</a> ›{' '}
        <a href={boardPath(thread.board.slug)}>{thread.board.name}</a>
      </nav>
      <ThreadQuestion thread={thread} viewerId={viewer?.id ?? null} />
      <ThreadAnswers thread={thread} viewer={viewer} order={order} after={after} version={loaded} />
      <section aria-labelledby="answer-form-heading" className="answer-section" id="answer-form">
        <h2 id="answer-form-heading">{t('forum.yourAnswerHeading')}</h2>
        <AnswerForm
          threadId={thread.id}
          formKey={formKey}
          signedIn={viewer !== null}
          locked={thread.status === 'LOCKED'}
          canAnswerOfficially={viewer !== null && isStaff(viewer)}
        />
      </section>
    </div>
  );
}
