import en from './locales/en.json';
import nl from './locales/nl.json';

export const LOCALES = ['en', 'nl'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Every catalog has the English one's keys: a missing translation fails the type check. */
export const CATALOGS: Record<Locale, typeof en> = { en, nl };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
