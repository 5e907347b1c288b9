import { DEFAULT_LOCALE, isLocale, type Locale } from './locales';

/**
 * The language to answer in: the one the visitor chose with the switch (a cookie), else the
 * first of the browser's languages that the site speaks, by quality, else English.
 */
export function negotiateLocale(
  cookieHeader: string | null,
  acceptLanguage: string | null,
): Locale {
  const chosen = /(?:^|;\s*)lang=([a-z]{2})/.exec(cookieHeader ?? '')?.[1];
  if (isLocale(chosen)) return chosen;
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)$/.exec(p)?.[1]).find(Boolean);
      return { language: tag.toLowerCase().split('-')[0], q: q ? Number(q) : 1, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return wanted.map((entry) => entry.language).find(isLocale) ?? DEFAULT_LOCALE;
}

/** The Set-Cookie header that remembers the visitor's choice for a year. */
export function localeCookie(locale: Locale): string {
  return `lang=${locale}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
