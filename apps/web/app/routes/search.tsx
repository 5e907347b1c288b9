import { useTranslation } from 'react-i18next';
import { Form, useLoaderData, useLocation } from 'react-router';
import { MoreLink } from '../components/more-link';
import { SearchResult } from '../components/search/search-result';
import { callApi } from '../graphql/api.server';
import { graphql } from '../graphql/generated';
import { formatNumber } from '../lib/format';
import { useMore } from '../lib/use-more';
import { requestInfo } from '../request-context';
import { useRootData } from '../root';
import type { Route } from './+types/search';

const PAGE_SIZE = 10;

const SearchQuery = graphql(`
  query Search($query: String!, $first: Int!, $after: String, $withCount: Boolean!) {
    search(query: $query, first: $first, after: $after) {
      totalCount @include(if: $withCount)
      edges {
        node {
          highlight
          post {
            id
          }
          thread {
            id
            title
            status
            answerCount
            lastActivityAt
            board {
              name
              slug
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export async function loader({ request, context }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams;
  const query = (params.get('q') ?? '').trim();
  const after = params.get('after');
  if (!query) return { query, page: null, totalCount: null, error: null };
  const result = await callApi(context.get(requestInfo), SearchQuery, {
    query,
    first: PAGE_SIZE,
    after,
    // The count reruns the match without the page: only for the first page, where it is shown.
    withCount: !after,
  });
  if (!result.ok) {
    const [first] = result.errors;
    // Too long a query, or a cursor of another search: the API's sentence, beside the box.
    if (first.code === 'BAD_USER_INPUT') {
      return { query, page: null, totalCount: null, error: first.message };
    }
    throw new Response(first.message, { status: first.code === 'RATE_LIMITED' ? 429 : 502 });
  }
  const { search } = result.data;
  return {
    query,
    page: {
      nodes: search.edges.map(({ node }) => ({ ...node, id: node.thread.id })),
      hasNextPage: search.pageInfo.hasNextPage,
      endCursor: search.pageInfo.endCursor,
    },
    totalCount: search.totalCount ?? null,
    error: null,
  };
}

export function meta({ loaderData }: Route.MetaArgs) {
  const query = loaderData?.query;
  return [
    { title: query ? `${query} · Search · Community` : 'Search · Community' },
    // Result pages are endless variations of the threads themselves: crawlers index those.
    { name: 'robots', content: 'noindex' },
  ];
}

type SearchData = Route.ComponentProps['loaderData'];

const NO_PAGE = { nodes: [], hasNextPage: false };

function pageOf(data: SearchData) {
  return data.page ?? NO_PAGE;
}

export default function Search() {
  const { t } = useTranslation();
  const loaderData = useLoaderData<typeof loader>();
  const location = useLocation();
  const { query, page, error } = loaderData;
  return (
    <div className="search-page">
      <h1>{query ? t('search.resultsTitle', { query }) : t('search.title')}</h1>
      <Form method="get" className="search-form">
        <label htmlFor="search-query">{t('search.label')}</label>
        <div className="search-form-row">
          <input
            id="search-query"
            type="search"
            name="q"
            defaultValue={query}
            maxLength={200}
            aria-describedby={error ? 'search-hint search-error' : 'search-hint'}
            aria-invalid={error ? true : undefined}
          />
          <button type="submit" className="primary">
            {t('search.submit')}
          </button>
        </div>
        <p id="search-hint" className="hint">
          {t('search.hint')}
        </p>
        {error && (
          <p id="search-error" className="error" role="alert">
            {error}
          </p>
        )}
      </Form>
      {!query && <p className="muted">{t('search.emptyQuery')}</p>}
      {/* Another query or page starts the list afresh. */}
      {page && <SearchResults key={location.search} data={loaderData} />}
    </div>
  );
}

function SearchResults({ data }: { data: SearchData }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const more = useMore(pageOf(data), pageOf);
  if (more.nodes.length === 0) {
    return <p className="muted">{t('search.noResults', { query: data.query })}</p>;
  }
  return (
    <section aria-labelledby="search-results-heading">
      <h2 id="search-results-heading" className="visually-hidden">
        {t('search.results')}
      </h2>
      {data.totalCount !== null && (
        <p className="result-count">
          {t('search.resultCount', {
            count: data.totalCount,
            formatted: formatNumber(locale, data.totalCount),
          })}
        </p>
      )}
      <ol className="search-results">
        {more.nodes.map((hit) => (
          <SearchResult key={hit.id} hit={hit} />
        ))}
      </ol>
      <MoreLink more={more} label={t('search.more')} />
    </section>
  );
}
