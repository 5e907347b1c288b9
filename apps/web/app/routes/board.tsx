import { useTranslation } from 'react-i18next';
import { data, redirect, useLoaderData } from 'react-router';
import { BoardFilters, type BoardFilter } from '../components/forum/board-filters';
import { BoardThreadList } from '../components/forum/board-thread-list';
import { callApi, queryApi } from '../graphql/api.server';
import { graphql } from '../graphql/generated';
import type { ThreadFilter } from '../graphql/generated/graphql';
import { loaderCacheHeaders, pageCacheHeaders } from '../lib/cache-control';
import { boardPath } from '../lib/forum-paths';
import { requestInfo } from '../request-context';
import type { Route } from './+types/board';

const BoardQuery = graphql(`
  query BoardPage($slug: String!) {
    board(slug: $slug) {
      id
      slug
      name
      description
      kind
    }
  }
`);

const BoardThreadsQuery = graphql(`
  query BoardThreads($filter: ThreadFilter!, $after: String) {
    threads(filter: $filter, first: 20, after: $after, orderBy: LAST_ACTIVITY) {
      edges {
        node {
          id
          title
          answerCount
          status
          lastActivityAt
          tags
          author {
            displayName
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`);

function boardFilter(value: string | null): BoardFilter {
  return value === 'unanswered' || value === 'solved' ? value : 'all';
}

function threadFilter(boardId: string, filter: BoardFilter, tag: string | null): ThreadFilter {
  return {
    boardId,
    tag,
    ...(filter === 'unanswered' ? { unanswered: true } : {}),
    ...(filter === 'solved' ? { status: 'SOLVED' as const } : {}),
  };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const info = context.get(requestInfo);
  const url = new URL(request.url);
  const filter = boardFilter(url.searchParams.get('filter'));
  const tag = url.searchParams.get('tag') || null;
  const after = url.searchParams.get('after') || null;
  // The threads need the board's id, which only its slug names: two requests, one after another.
  const { board } = await queryApi(info, BoardQuery, { slug: params.slug });
  if (!board) throw new Response('No such board', { status: 404 });
  if (board.kind === 'IDEAS') throw redirect(`/ideas/${encodeURIComponent(board.slug)}`);
  const result = await callApi(info, BoardThreadsQuery, {
    filter: threadFilter(board.id, filter, tag),
    after,
  });
  if (!result.ok) {
    // A tag or cursor that could name nothing: a page that does not exist.
    const bad = result.errors.some((error) => error.code === 'BAD_USER_INPUT');
    throw new Response(result.errors[0].message, { status: bad ? 404 : 502 });
  }
  return data(
    {
      board,
      threads: result.data.threads,
      filter,
      tag,
      after,
      canonical: `${url.origin}${boardPath(board.slug, { filter: filter === 'all' ? null : filter, tag })}`,
    },
    { headers: pageCacheHeaders(info.token !== null) },
  );
}

export const headers = loaderCacheHeaders;

export function meta({ loaderData }: Route.MetaArgs) {
  if (!loaderData) return [{ title: 'Community' }];
  const { board, canonical } = loaderData;
  return [
    { title: `${board.name} · Community` },
    { name: 'description', content: board.description },
    { tagName: 'link', rel: 'canonical', href: canonical },
    { property: 'og:title', content: board.name },
    { property: 'og:description', content: board.description },
    { property: 'og:url', content: canonical },
  ];
}

export default function BoardPage() {
  const { t } = useTranslation();
  const { board, threads, filter, tag, after } = useLoaderData<typeof loader>();
  const next = threads.pageInfo;
  const keep = { filter: filter === 'all' ? null : filter, tag };
  return (
    <div className="board-page">
      <nav aria-label={t('forum.breadcrumb')} className="breadcrumb">
        <a href="/">{t('site.home')}</a>
      </nav>
      <header className="board-header">
        <div>
          <h1>{board.name}</h1>
          <p>{board.description}</p>
        </div>
        <a className="button primary" href={`/ask?board=${encodeURIComponent(board.slug)}`}>
          {t('forum.askQuestion')}
        </a>
      </header>
      <BoardFilters slug={board.slug} filter={filter} tag={tag} />
      <section aria-labelledby="threads-heading">
        <h2 id="threads-heading" className="visually-hidden">
          {t('forum.threadsHeading')}
        </h2>
        <p className="meta">{t('forum.threadTotal', { count: threads.totalCount })}</p>
        <BoardThreadList
          slug={board.slug}
          threads={threads.edges.map((edge) => edge.node)}
          filtered={filter !== 'all' || tag !== null}
        />
      </section>
      {(after || next.hasNextPage) && (
        <nav aria-label={t('forum.threadPages')} className="pager">
          {after && <a href={boardPath(board.slug, keep)}>{t('forum.firstThreads')}</a>}
          {next.hasNextPage && next.endCursor && (
            <a href={boardPath(board.slug, { ...keep, after: next.endCursor })} rel="next">
              {t('forum.more')}
            </a>
          )}
        </nav>
      )}
    </div>
  );
}
