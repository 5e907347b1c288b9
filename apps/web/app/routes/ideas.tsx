import { useTranslation } from 'react-i18next';
import { Link, redirect, useLoaderData } from 'react-router';
import { queryApi } from '../graphql/api.server';
import { graphql } from '../graphql/generated';
import { formatNumber } from '../lib/format';
import { requestInfo } from '../request-context';
import { useRootData } from '../root';
import type { Route } from './+types/ideas';
import { pageTitle } from '../lib/page-title';

const IdeaBoardsQuery = graphql(`
  query IdeaBoards {
    boards {
      id
      slug
      name
      description
      kind
      threadCount
    }
  }
`);

/** Every ideas board; with only one, that board itself. */
export async function loader({ context }: Route.LoaderArgs) {
  const { boards } = await queryApi(context.get(requestInfo), IdeaBoardsQuery, {});
  const ideaBoards = boards.filter((board) => board.kind === 'IDEAS');
  if (ideaBoards.length === 1) throw redirect(`/ideas/${encodeURIComponent(ideaBoards[0].slug)}`);
  return { boards: ideaBoards };
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, 'ideas.title') }];
}

export default function Ideas() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { boards } = useLoaderData<typeof loader>();
  return (
    <div className="ideas-page">
      <header className="page-heading">
        <h1>{t('ideas.title')}</h1>
        <p>{t('ideas.intro')}</p>
      </header>
      {boards.length === 0 ? (
        <p className="muted">{t('ideas.noBoards')}</p>
      ) : (
        <ul className="board-grid">
          {boards.map((board) => (
            <li key={board.id} className="card">
              <h2 className="card-title">
                <Link to={`/ideas/${encodeURIComponent(board.slug)}`}>{board.name}</Link>
              </h2>
              <p>{board.description}</p>
              <p className="meta">
                {t('ideas.ideaCount', {
                  count: board.threadCount,
                  formatted: formatNumber(locale, board.threadCount),
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
