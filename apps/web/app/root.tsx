import { useMemo } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import {
  data,
  Form,
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from 'react-router';
import type { Route } from './+types/root';
import { UnreadBadge } from './components/notifications/unread-badge';
import { callApi } from './graphql/api.server';
import { graphql } from './graphql/generated';
import { createI18n } from './i18n/i18n';
import { DEFAULT_LOCALE, LOCALES, type Locale } from './i18n/locales';
import { negotiateLocale } from './i18n/negotiate';
import { requestInfo } from './request-context';
import { endSession } from './session.server';
import './styles/site.css';

const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      id
      handle
      displayName
    }
    unreadNotificationCount
  }
`);

interface Viewer {
  id: string;
  handle: string;
  displayName: string;
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = negotiateLocale(
    request.headers.get('cookie'),
    request.headers.get('accept-language'),
  );
  const info = context.get(requestInfo);
  const visitor = { locale, viewer: null as Viewer | null, unread: 0 };
  if (!info.token) return data(visitor);
  const result = await callApi(info, ViewerQuery, {});
  if (result.ok && result.data.viewer) {
    return data({
      locale,
      viewer: result.data.viewer,
      unread: result.data.unreadNotificationCount,
    });
  }
  // A session the API no longer accepts (signed out elsewhere, expired) ends here too.
  return data(visitor, { headers: { 'set-cookie': await endSession() } });
}

/** The root loader's data, for any route's component (a visitor's when the root failed). */
export function useRootData(): { locale: Locale; viewer: Viewer | null; unread: number } {
  return (
    useRouteLoaderData<typeof loader>('root') ?? { locale: DEFAULT_LOCALE, viewer: null, unread: 0 }
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const { locale } = useRootData();
  const i18n = useMemo(() => createI18n(locale), [locale]);
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

function Header() {
  const { t } = useTranslation();
  const { viewer, unread, locale } = useRootData();
  return (
    <header className="site-header">
      <a className="skip-link" href="#content">
        {t('site.skipToContent')}
      </a>
      <a className="brand" href="/">
        {t('site.name')}
      </a>
      <nav aria-label={t('site.mainNavigation')}>
        <ul className="nav-list">
          <li>
            <a href="/">{t('site.home')}</a>
          </li>
          <li>
            <a href="/ideas">{t('site.ideas')}</a>
          </li>
          <li>
            <a href="/products">{t('site.products')}</a>
          </li>
        </ul>
      </nav>
      <Form method="get" action="/search" role="search" className="site-search">
        <label htmlFor="site-search" className="visually-hidden">
          {t('site.search')}
        </label>
        <input id="site-search" type="search" name="q" placeholder={t('site.searchPlaceholder')} />
        <button type="submit">{t('site.search')}</button>
      </Form>
      <div className="account">
        {viewer ? (
          <>
            <a href="/notifications" className="notifications-link">
              {t('site.notifications')}
              <UnreadBadge count={unread} />
            </a>
            <a href={`/members/${viewer.handle}`}>{viewer.displayName}</a>
            <Form method="post" action="/sign-out">
              <button type="submit">{t('site.signOut')}</button>
            </Form>
          </>
        ) : (
          <>
            <a href="/sign-in">{t('site.signIn')}</a>
            <a href="/sign-up" className="button">
              {t('site.signUp')}
            </a>
          </>
        )}
        <Form method="post" action="/language" className="language-switch">
          <label htmlFor="language">{t('site.language')}</label>
          <select id="language" name="locale" defaultValue={locale}>
            {LOCALES.map((option) => (
              <option key={option} value={option}>
                {option === 'en' ? 'English' : 'Nederlands'}
              </option>
            ))}
          </select>
          <button type="submit">OK</button>
        </Form>
      </div>
    </header>
  );
}

export default function App() {
  const { t } = useTranslation();
  return (
    <>
      <Header />
      <main id="content" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('site.footer')}</p>
      </footer>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const { t } = useTranslation();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main id="content" className="error-page">
      <h1>{t('errors.title')}</h1>
      <p>{notFound ? t('errors.notFound') : t('errors.generic')}</p>
      <a href="/">{t('site.home')}</a>
    </main>
  );
}
