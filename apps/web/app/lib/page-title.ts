import type { i18n } from 'i18next';
import { createI18n } from '../i18n/i18n';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../i18n/locales';

const translators = new Map<Locale, i18n>();

/** What a route's `meta` receives of the matched routes: the root's loader data holds the locale. */
type Matches = ReadonlyArray<{ id: string; loaderData?: unknown } | undefined>;

/**
 * A page's <title> in the visitor's language, "<what> · Community": `meta` runs outside React,
 * so it translates with its own instance of the same catalogs.
 */
export function pageTitle(matches: Matches, key: string, values?: Record<string, string>): string {
  const data = matches.find((match) => match?.id === 'root')?.loaderData as
    | { locale?: unknown }
    | undefined;
  const locale = isLocale(data?.locale) ? data.locale : DEFAULT_LOCALE;
  let translator = translators.get(locale);
  if (!translator) {
    translator = createI18n(locale);
    translators.set(locale, translator);
  }
  return `${translator.t(key, values ?? {})} · ${translator.t('site.name')}`;
}
