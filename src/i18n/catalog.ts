import type { Locale } from './locales.js';
import { cadence } from './messages/cadence.js';
import { foundation } from './messages/foundation.js';
import { slack } from './messages/slack.js';
import { teams } from './messages/teams.js';

/**
 * Every module's messages, merged per language. A new module adds its `defineMessages` here.
 */
const modules = [foundation, cadence, teams, slack] as const;

type Merge<T extends readonly { en: Record<string, string> }[]> = T extends readonly [
  infer H extends { en: object },
  ...infer R extends readonly { en: Record<string, string> }[],
]
  ? H['en'] & Merge<R>
  : unknown;

const english = Object.assign({}, ...modules.map((m) => m.en)) as Merge<typeof modules>;

export type MessageKey = keyof typeof english & string;
export type Catalog = Record<MessageKey, string>;

function merged(locale: Locale): Catalog {
  return Object.assign({}, ...modules.map((m) => m[locale])) as Catalog;
}

export const catalogs: Record<Locale, Catalog> = {
  en: english as Catalog,
  de: merged('de'),
  da: merged('da'),
  nl: merged('nl'),
  ar: merged('ar'),
};
