import enAuth from './locales/en/auth.json';
import enForum from './locales/en/forum.json';
import enCommon from './locales/en/common.json';
import enHome from './locales/en/home.json';
import enMembers from './locales/en/members.json';
import enNotifications from './locales/en/notifications.json';
import enSearch from './locales/en/search.json';
import enIdeas from './locales/en/ideas.json';
import enProducts from './locales/en/products.json';
import nlAuth from './locales/nl/auth.json';
import nlForum from './locales/nl/forum.json';
import nlCommon from './locales/nl/common.json';
import nlHome from './locales/nl/home.json';
import nlMembers from './locales/nl/members.json';
import nlNotifications from './locales/nl/notifications.json';
import nlSearch from './locales/nl/search.json';
import nlIdeas from './locales/nl/ideas.json';
import nlProducts from './locales/nl/products.json';

export const LOCALES = ['en', 'nl'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

// One catalog file per part of the site and language; each part's keys sit under its own name.
const en = {
  ...enCommon,
  ...enHome,
  ...enAuth,
  ...enIdeas,
  ...enProducts,
  ...enSearch,
  ...enMembers,
  ...enNotifications,
  ...enForum,
};

/** Every catalog has the English one's keys: a missing translation fails the type check. */
export const CATALOGS: Record<Locale, typeof en> = {
  en,
  nl: {
    ...nlCommon,
    ...nlHome,
    ...nlAuth,
    ...nlIdeas,
    ...nlProducts,
    ...nlSearch,
    ...nlMembers,
    ...nlNotifications,
    ...nlForum,
  },
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
