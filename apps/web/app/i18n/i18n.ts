import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { CATALOGS, DEFAULT_LOCALE, type Locale } from './locales';

/**
 * One i18next instance per render, with every catalog bundled: the server and the browser
 * translate the same page synchronously, so hydration finds the same text.
 */
export function createI18n(locale: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    resources: Object.fromEntries(
      Object.entries(CATALOGS).map(([lng, catalog]) => [lng, { translation: catalog }]),
    ),
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return instance;
}
