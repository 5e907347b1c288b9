import { useTranslation } from 'react-i18next';
import { data, Link, useLoaderData, useLocation } from 'react-router';
import { IdeaList } from '../components/ideas/idea-list';
import { MoreLink } from '../components/more-link';
import { OrderTabs } from '../components/order-tabs';
import { queryApi } from '../graphql/api.server';
import { graphql } from '../graphql/generated';
import type { IdeaOrder } from '../graphql/generated/graphql';
import { formatNumber } from '../lib/format';
import { useMore } from '../lib/use-more';
import { requestInfo } from '../request-context';
import { useRootData } from '../root';
import type { Route } from './+types/ideas-board';

const IdeaBoardQuery = graphql(`
  query IdeaBoard($slug: String!) {
    board(slug: $slug) {
      id
      slug
      name
      description
      kind
    }
  }
`);

const BoardIdeasQuery = graphql(`
  query BoardIdeas($boardId: ID!, $orderBy: IdeaOrder!, $after: String) {
    ideas(filter: { boardId: $boardId }, orderBy: $orderBy, first: 20, after: $after) {
      totalCount
      edges {
        node {
          ...IdeaSummary
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

/** `?order=` values, as the tabs link them, and the API's orders they stand for. */
const ORDERS = { top: 'TOP', trending: 'TRENDING', newest: 'NEWEST' } as const satisfies Record<
  string,
  IdeaOrder
>;
type OrderParam = keyof typeof ORDERS;

function orderParam(value: string | null): OrderParam {
  return value && value in ORDERS ? (value as OrderParam) : 'top';
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const info = context.get(requestInfo);
  const { board } = await queryApi(info, IdeaBoardQuery, { slug: params.slug });
  if (!board || board.kind !== 'IDEAS') throw data(null, { status: 404 });
  const search = new URL(request.url).searchParams;
  const order = orderParam(search.get('order'));
  const after = search.get('after');
  const { ideas } = await queryApi(info, BoardIdeasQuery, {
    boardId: board.id,
    orderBy: ORDERS[order],
    after,
  });
  return { board, ideas, order, paged: after !== null };
}

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: `${loaderData?.board.name ?? 'Ideas'} · Community` }];
}

export default function IdeasBoard() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const loaderData = useLoaderData<typeof loader>();
  const { board, order, paged } = loaderData;
  const location = useLocation();
  return (
    <div className="ideas-page">
      <header className="page-heading with-action">
        <div>
          <p className="breadcrumb">
            <Link to="/ideas">{t('ideas.title')}</Link>
          </p>
          <h1>{board.name}</h1>
          <p>{board.description}</p>
        </div>
        <Link className="button primary" to={`/ideas/new?board=${encodeURIComponent(board.slug)}`}>
          {t('ideas.submit')}
        </Link>
      </header>
      <OrderTabs
        label={t('ideas.orderLabel')}
        pathname={location.pathname}
        current={order}
        tabs={(Object.keys(ORDERS) as OrderParam[]).map((value) => ({
          value,
          label: t(`ideas.order.${value}`),
        }))}
      />
      <p className="meta">
        {t('ideas.ideaCount', {
          count: loaderData.ideas.totalCount,
          formatted: formatNumber(locale, loaderData.ideas.totalCount),
        })}
      </p>
      {/* A new order or page starts the list afresh. */}
      <BoardIdeas key={location.search} loaderData={loaderData} />
      {paged && (
        <p>
          <Link to={`${location.pathname}?order=${order}`}>{t('ideas.firstPage')}</Link>
        </p>
      )}
    </div>
  );
}

type BoardData = Route.ComponentProps['loaderData'];

function pageOf(loaderData: BoardData) {
  return { nodes: loaderData.ideas.edges.map((edge) => edge.node), ...loaderData.ideas.pageInfo };
}

function BoardIdeas({ loaderData }: { loaderData: BoardData }) {
  const { t } = useTranslation();
  const more = useMore(pageOf(loaderData), pageOf);
  if (more.nodes.length === 0) return <p className="muted">{t('ideas.empty')}</p>;
  return (
    <>
      <IdeaList ideas={more.nodes} />
      <MoreLink more={more} label={t('ideas.more')} />
    </>
  );
}
