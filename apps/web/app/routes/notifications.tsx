import { useTranslation } from 'react-i18next';
import { Form, redirect, useLoaderData, useLocation, useNavigation } from 'react-router';
import { MoreLink } from '../components/more-link';
import { NotificationItem } from '../components/notifications/notification-item';
import { callApi } from '../graphql/api.server';
import { graphql } from '../graphql/generated';
import { useMore } from '../lib/use-more';
import { type RequestInfo, requestInfo } from '../request-context';
import type { Route } from './+types/notifications';
import { pageTitle } from '../lib/page-title';

const PAGE_SIZE = 20;
const SIGN_IN = '/sign-in?returnTo=/notifications';

const NotificationsQuery = graphql(`
  query Notifications($first: Int!, $after: String) {
    notifications(first: $first, after: $after) {
      edges {
        node {
          id
          kind
          message
          createdAt
          readAt
          subject {
            __typename
            id
            ... on Post {
              thread {
                id
              }
            }
            ... on Comment {
              idea {
                id
              }
            }
            ... on Review {
              product {
                id
              }
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    unreadNotificationCount
  }
`);

const MarkReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`);

/** Visitors, and members whose session the API no longer takes, are sent to sign in first. */
function signedIn(info: RequestInfo): RequestInfo {
  if (!info.token) throw redirect(SIGN_IN);
  return info;
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const info = signedIn(context.get(requestInfo));
  const after = new URL(request.url).searchParams.get('after');
  const result = await callApi(info, NotificationsQuery, { first: PAGE_SIZE, after });
  if (!result.ok) {
    const [first] = result.errors;
    if (first.code === 'UNAUTHENTICATED') throw redirect(SIGN_IN);
    // A cursor that is not one of this list's: its first page instead.
    if (first.code === 'BAD_USER_INPUT' && after) throw redirect('/notifications');
    throw new Response(first.message, { status: 502 });
  }
  const { notifications, unreadNotificationCount } = result.data;
  return {
    paged: after !== null,
    unread: unreadNotificationCount,
    page: {
      nodes: notifications.edges.map((edge) => edge.node),
      ...notifications.pageInfo,
    },
  };
}

/** "Mark all read" and each "Mark read": then back to the same list (a plain post's reload is a GET). */
export async function action({ request, context }: Route.ActionArgs) {
  const info = signedIn(context.get(requestInfo));
  const form = await request.formData();
  const id = form.get('id');
  const ids = form.get('intent') === 'read' && typeof id === 'string' ? [id] : null;
  const result = await callApi(info, MarkReadMutation, { ids });
  if (!result.ok && result.errors[0].code === 'UNAUTHENTICATED') throw redirect(SIGN_IN);
  // Built from the page's own address: a scripted post's URL is the router's `.data` one.
  const after = new URL(request.url).searchParams.get('after');
  return redirect(after ? `/notifications?after=${encodeURIComponent(after)}` : '/notifications');
}

export function meta({ matches }: Route.MetaArgs) {
  return [
    { title: pageTitle(matches, 'notifications.title') },
    { name: 'robots', content: 'noindex' },
  ];
}

type NotificationsData = Route.ComponentProps['loaderData'];

const pageOf = (data: NotificationsData) => data.page;

export default function Notifications() {
  const { t } = useTranslation();
  const loaderData = useLoaderData<typeof loader>();
  const location = useLocation();
  const navigation = useNavigation();
  const markingAll = navigation.state !== 'idle' && navigation.formMethod === 'POST';
  return (
    <div className="notifications-page">
      <header className="page-heading notifications-heading">
        <h1>{t('notifications.title')}</h1>
        {loaderData.unread > 0 ? (
          <Form method="post" preventScrollReset>
            <input type="hidden" name="intent" value="read-all" />
            <button type="submit" disabled={markingAll}>
              {t('notifications.markAllRead')}
            </button>
          </Form>
        ) : (
          loaderData.page.nodes.length > 0 && <p className="muted">{t('notifications.allRead')}</p>
        )}
      </header>
      <NotificationList key={location.search} data={loaderData} />
      {loaderData.paged && (
        <p>
          <a href="/notifications">{t('notifications.newest')}</a>
        </p>
      )}
    </div>
  );
}

function NotificationList({ data }: { data: NotificationsData }) {
  const { t } = useTranslation();
  const more = useMore(pageOf(data), pageOf);
  if (more.nodes.length === 0) return <p className="muted">{t('notifications.empty')}</p>;
  return (
    <>
      <ol className="notification-list">
        {more.nodes.map((notification) => (
          <NotificationItem key={notification.id} notification={notification} />
        ))}
      </ol>
      <MoreLink more={more} label={t('notifications.more')} />
    </>
  );
}
