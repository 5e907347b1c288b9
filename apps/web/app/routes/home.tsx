import { useTranslation } from 'react-i18next';
import { useLoaderData } from 'react-router';
import { ThreadList } from '../components/thread-list';
import { queryApi } from '../graphql/api.server';
import { graphql } from '../graphql/generated';
import { formatNumber } from '../lib/format';
import { requestInfo } from '../request-context';
import { useRootData } from '../root';
import type { Route } from './+types/home';

const HomeQuery = graphql(`
  query Home {
    boards {
      id
      slug
      name
      description
      kind
      threadCount
    }
    active: threads(first: 5, orderBy: LAST_ACTIVITY) {
      edges {
        node {
          id
          title
          answerCount
          status
          lastActivityAt
        }
      }
    }
    solved: threads(first: 5, orderBy: LAST_ACTIVITY, filter: { status: SOLVED }) {
      edges {
        node {
          id
          title
          answerCount
          status
          lastActivityAt
        }
      }
    }
  }
`);

export async function loader({ context }: Route.LoaderArgs) {
  return queryApi(context.get(requestInfo), HomeQuery, {});
}

export function meta() {
  return [
    { title: 'Community' },
    { name: 'description', content: 'Answers from customers, for customers.' },
  ];
}

export default function Home() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { boards, active, solved } = useLoaderData<typeof loader>();
  return (
    <div className="home">
      <section className="hero">
        <h1>{t('home.title')}</h1>
        <p>{t('home.intro')}</p>
        <a className="button primary" href="/ask">
          {t('home.ask')}
        </a>
      </section>
      <section aria-labelledby="boards-heading">
        <h2 id="boards-heading">{t('home.boards')}</h2>
        <ul className="board-grid">
          {boards.map((board) => (
            <li key={board.id} className="card">
              <a href={board.kind === 'IDEAS' ? `/ideas/${board.slug}` : `/boards/${board.slug}`}>
                <h3>{board.name}</h3>
              </a>
              <p>{board.description}</p>
              <p className="meta">
                {t('home.threadCount', {
                  count: board.threadCount,
                  formatted: formatNumber(locale, board.threadCount),
                })}
              </p>
            </li>
          ))}
        </ul>
      </section>
      <div className="columns">
        <section aria-labelledby="active-heading">
          <h2 id="active-heading">{t('home.trending')}</h2>
          <ThreadList threads={active.edges.map((edge) => edge.node)} />
        </section>
        <section aria-labelledby="solved-heading">
          <h2 id="solved-heading">{t('home.recentlySolved')}</h2>
          <ThreadList threads={solved.edges.map((edge) => edge.node)} />
        </section>
      </div>
    </div>
  );
}
