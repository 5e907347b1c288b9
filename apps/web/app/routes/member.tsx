import { useTranslation } from 'react-i18next';
import { data, useLoaderData } from 'react-router';
import { MemberStats } from '../components/members/member-stats';
import { RecentAnswers } from '../components/members/recent-answers';
import { queryApi } from '../graphql/api.server';
import { graphql } from '../graphql/generated';
import { requestInfo } from '../request-context';
import type { Route } from './+types/member';

const MemberQuery = graphql(`
  query Member($handle: String!) {
    user(handle: $handle) {
      id
      handle
      displayName
      rank
      reputation
      role
      acceptedSolutionCount
      createdAt
      recentAnswers(first: 5) {
        id
        createdAt
        kudosCount
        isAcceptedSolution
        thread {
          id
          title
        }
      }
    }
  }
`);

export async function loader({ params, context }: Route.LoaderArgs) {
  const { user } = await queryApi(context.get(requestInfo), MemberQuery, {
    handle: params.handle,
  });
  if (!user) throw data('No such member', { status: 404 });
  return { member: user };
}

export function meta({ loaderData: loaded }: Route.MetaArgs) {
  if (!loaded) return [{ title: 'Member · Community' }];
  const { member } = loaded;
  return [
    { title: `${member.displayName} (@${member.handle}) · Community` },
    {
      name: 'description',
      content: `${member.displayName} is a ${member.rank} with ${member.reputation} reputation.`,
    },
  ];
}

export default function Member() {
  const { t } = useTranslation();
  const { member } = useLoaderData<typeof loader>();
  const staff = member.role !== 'MEMBER';
  return (
    <div className="member-page">
      <header className="member-heading">
        <h1>{member.displayName}</h1>
        <p className="handle">
          @{member.handle}
          {staff && <span className="role-badge">{t(`members.role.${member.role}`)}</span>}
        </p>
      </header>
      <MemberStats member={member} />
      <section aria-labelledby="recent-answers-heading">
        <h2 id="recent-answers-heading">{t('members.recentAnswers')}</h2>
        <RecentAnswers answers={member.recentAnswers} />
      </section>
    </div>
  );
}
