/** The languages the bot speaks. */
export const LOCALES = ['en', 'de', 'da', 'nl', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** Maps a platform locale such as `de-DE`, `nl_BE` or `ar-SA` to a supported language, if any. */
export function matchLocale(tag: string | null | undefined): Locale | null {
  if (!tag) return null;
  const base = tag.toLowerCase().split(/[-_]/)[0] ?? '';
  return isLocale(base) ? base : null;
}

export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/** The language to answer a person in: their choice, else their platform's, else the community's. */
export function localeFor(
  user: { lang: Locale | null; platformLocale: string | null } | null,
  community: { locale: Locale } | null,
): Locale {
  return user?.lang ?? matchLocale(user?.platformLocale) ?? community?.locale ?? 'en';
}
