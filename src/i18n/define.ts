import type { Locale } from './locales.js';

/**
 * One module's messages in every language. English is the source of the keys; the type makes
 * every other language carry the same keys, and a test checks that they use the same placeholders.
 * Messages are ICU MessageFormat (plurals: `{count, plural, one {…} other {…}}`).
 */
export function defineMessages<const E extends Record<string, string>>(
  messages: { en: E } & Record<Exclude<Locale, 'en'>, Record<keyof E, string>>,
): { en: E } & Record<Exclude<Locale, 'en'>, Record<keyof E, string>> {
  return messages;
}

/** Any module's messages, as `defineMessages` returns them. */
export type MessageModule = { en: Record<string, string> } & Record<Exclude<Locale, 'en'>, Record<string, string>>;
