import type { Locale } from '../i18n/locales';

const TAGS: Record<Locale, string> = { en: 'en-GB', nl: 'nl-NL' };

/** A date as people of the locale write it ("3 Dec 2026", "3 dec 2026"). */
export function formatDate(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(TAGS[locale], { dateStyle: 'medium' }).format(new Date(iso));
}

/** A count with the locale's grouping ("12,345", "12.345"). */
export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(TAGS[locale]).format(value);
}

/** A rating average with exactly one decimal, in the locale's way ("3.5", "3,5"). */
export function formatRating(locale: Locale, value: number): string {
  return new Intl.NumberFormat(TAGS[locale], {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}
