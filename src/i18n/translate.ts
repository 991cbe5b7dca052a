import { IntlMessageFormat } from 'intl-messageformat';
import type { Span } from '../views/view.js';
import { catalogs, type MessageKey } from './catalog.js';
import type { MessageModule } from './define.js';
import type { Locale } from './locales.js';

export type { MessageKey } from './catalog.js';
export { catalogs };

/** A value for a placeholder: text and numbers are formatted, spans (mentions, commands) kept whole. */
export type ParamValue = string | number | Date | Exclude<Span, string>;
export type Params = Record<string, ParamValue>;

type Messages = Record<Locale, Record<string, string>>;
const compiled = new WeakMap<Messages, Map<Locale, Map<string, Compiled>>>();

/**
 * The Intl formatters every message shares, by language and options. intl-messageformat otherwise gives each
 * message its own, found again on every use by the JSON of its arguments: a plural line (a streak's weeks) paid
 * more for finding its PluralRules than for choosing the form.
 */
const SHARED_FORMATTERS = {
  getNumberFormat: (locales?: string | string[], opts?: Intl.NumberFormatOptions) =>
    shared(numberFormats, locales, opts, () => new Intl.NumberFormat(locales, opts)),
  getDateTimeFormat: (locales?: string | string[], opts?: Intl.DateTimeFormatOptions) =>
    shared(dateTimeFormats, locales, opts, () => new Intl.DateTimeFormat(locales, opts)),
  getPluralRules: (locales?: string | string[], opts?: Intl.PluralRulesOptions) =>
    shared(pluralRules, locales, opts, () => new Intl.PluralRules(locales, opts)),
};
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

function shared<F>(kept: Map<string, F>, locales: string | string[] | undefined, opts: object | undefined, make: () => F): F {
  // A plural's options are its type alone, on every use: that key is built without JSON.
  const only = opts && Object.keys(opts);
  const options =
    !only || only.length === 0 ? '' : only.length === 1 && 'type' in opts ? String((opts as { type: unknown }).type) : JSON.stringify(opts);
  const key = `${String(locales)}\u0000${options}`;
  let f = kept.get(key);
  if (f === undefined) {
    f = make();
    kept.set(key, f);
  }
  return f;
}

/**
 * A message, compiled once. One of text and plain placeholders only (most are) keeps its pieces as well, and is
 * formatted by joining them, the way intl-messageformat would (a test compares every message in every language);
 * one with plurals, selects or number formats goes through intl-messageformat.
 */
interface Compiled {
  format: IntlMessageFormat;
  pieces: (string | { arg: string })[] | null;
}

function formatter(messages: Messages, locale: Locale, key: string): Compiled {
  let byLocale = compiled.get(messages);
  if (!byLocale) {
    byLocale = new Map();
    compiled.set(messages, byLocale);
  }
  let cache = byLocale.get(locale);
  if (!cache) {
    cache = new Map();
    byLocale.set(locale, cache);
  }
  let f = cache.get(key);
  if (!f) {
    const source = messages[locale][key];
    if (source === undefined) throw new Error(`no message ${key} in ${locale}`);
    const format = new IntlMessageFormat(source, locale, undefined, { ignoreTag: true, formatters: SHARED_FORMATTERS });
    f = { format, pieces: piecesOf(format) };
    cache.set(key, f);
  }
  return f;
}

/** The pieces of a message of literal text and plain `{name}` placeholders; null for any other. */
function piecesOf(format: IntlMessageFormat): (string | { arg: string })[] | null {
  const pieces: (string | { arg: string })[] = [];
  for (const el of format.getAst()) {
    // The parser's TYPE.literal and TYPE.argument (intl-messageformat does not export them).
    if ((el.type as number) === 0) pieces.push((el as { value: string }).value);
    else if ((el.type as number) === 1) pieces.push({ arg: (el as { value: string }).value });
    else return null;
  }
  return pieces;
}

function spansOf(messages: Messages, locale: Locale, key: string, params: Params): Span[] {
  const { format, pieces } = formatter(messages, locale, key);
  if (pieces) return joined(pieces, params, format);
  const out = format.format<Exclude<Span, string>>(params as never);
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

/**
 * What intl-messageformat makes of such a message, and spansOf of that: text and numbers as text, a missing or
 * empty value as nothing, a span kept whole, each run of text one span (an empty message is one empty span).
 */
function joined(pieces: readonly (string | { arg: string })[], params: Params, format: IntlMessageFormat): Span[] {
  const spans: Span[] = [];
  for (const piece of pieces) {
    let value: string | Exclude<Span, string>;
    if (typeof piece === 'string') value = piece;
    else {
      // A missing value is a bug in the caller: intl-messageformat's own error says which.
      if (!(piece.arg in params)) format.format(params as never);
      const v = params[piece.arg];
      value = typeof v === 'string' ? v : typeof v === 'number' ? String(v) : !v ? '' : (v as Exclude<Span, string>);
    }
    const last = spans.length - 1;
    if (typeof value === 'string' && last >= 0 && typeof spans[last] === 'string') spans[last] += value;
    else spans.push(value);
  }
  return spans.length ? spans : [''];
}

/** Spans as plain text (mentions become `@name`, commands `/plc …`). */
function plain(spans: Span[]): string {
  return spans
    .map((span) => {
      if (typeof span === 'string') return span;
      if ('mention' in span) return `@${span.mention.name}`;
      return `/plc ${span.command}`;
    })
    .join('');
}

/** Formats a message as inline spans, keeping mentions and commands as spans. */
export function tr(locale: Locale, key: MessageKey, params: Params = {}): Span[] {
  return spansOf(catalogs(), locale, key, params);
}

/** Formats a message as plain text (mentions become `@name`, commands `/plc …`). */
export function t(locale: Locale, key: MessageKey, params: Params = {}): string {
  return plain(tr(locale, key, params));
}

/** The formatters of a module outside the core's catalog: an adapter's own messages, typed by its keys. */
export function localMessages<M extends MessageModule>(module: M) {
  type Key = keyof M['en'] & string;
  return {
    tr: (locale: Locale, key: Key, params: Params = {}): Span[] => spansOf(module, locale, key, params),
    t: (locale: Locale, key: Key, params: Params = {}): string => plain(spansOf(module, locale, key, params)),
  };
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
