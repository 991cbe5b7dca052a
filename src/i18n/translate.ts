import { IntlMessageFormat } from 'intl-messageformat';
import type { Span } from '../views/view.js';
import { catalogs, type MessageKey } from './catalog.js';
import type { Locale } from './locales.js';

export type { MessageKey } from './catalog.js';
export { catalogs };

/** A value for a placeholder: text and numbers are formatted, spans (mentions, commands) kept whole. */
export type ParamValue = string | number | Date | Exclude<Span, string>;
export type Params = Record<string, ParamValue>;

const compiled = new Map<string, IntlMessageFormat>();

function formatter(locale: Locale, key: MessageKey): IntlMessageFormat {
  const id = `${locale}\u0000${key}`;
  let f = compiled.get(id);
  if (!f) {
    f = new IntlMessageFormat(catalogs[locale][key], locale, undefined, { ignoreTag: true });
    compiled.set(id, f);
  }
  return f;
}

/** Formats a message as inline spans, keeping mentions and commands as spans. */
export function tr(locale: Locale, key: MessageKey, params: Params = {}): Span[] {
  const out = formatter(locale, key).format<Exclude<Span, string>>(params as never);
  const parts = Array.isArray(out) ? out : [out];
  const spans: Span[] = [];
  for (const part of parts) {
    if (typeof part === 'string' || typeof part === 'number') {
      const s = String(part);
      const last = spans[spans.length - 1];
      if (typeof last === 'string') spans[spans.length - 1] = last + s;
      else spans.push(s);
    } else spans.push(part);
  }
  return spans;
}

/** Formats a message as plain text (mentions become `@name`, commands `/plc …`). */
export function t(locale: Locale, key: MessageKey, params: Params = {}): string {
  return tr(locale, key, params)
    .map((span) => {
      if (typeof span === 'string') return span;
      if ('mention' in span) return `@${span.mention.name}`;
      return `/plc ${span.command}`;
    })
    .join('');
}

/** A translator bound to one locale. */
export interface Translator {
  locale: Locale;
  t(key: MessageKey, params?: Params): string;
  tr(key: MessageKey, params?: Params): Span[];
}

export function translator(locale: Locale): Translator {
  return {
    locale,
    t: (key, params) => t(locale, key, params),
    tr: (key, params) => tr(locale, key, params),
  };
}
