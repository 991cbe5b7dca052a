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
 * A message, compiled once. One of text, plain placeholders, plurals and selects (all but a few) keeps its pieces
 * as well, and is formatted from them the way intl-messageformat would (a test compares every message in every
 * language, with every kind of value); one with number or date formats, or a value of a kind the pieces do not
 * choose by, goes through intl-messageformat.
 */
interface Compiled {
  format: IntlMessageFormat;
  locale: Locale;
  pieces: Piece[] | null;
}

/** What a message is made of: text, a placeholder, a plural's `#`, or a plural's or a select's choice of pieces. */
type Piece =
  | string
  | { arg: string }
  | { pound: true }
  | { plural: string; offset: number; type: Intl.PluralRuleType; options: Record<string, Piece[]> }
  | { select: string; options: Record<string, Piece[]> };

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
    f = { format, locale, pieces: piecesOf(format.getAst()) };
    cache.set(key, f);
  }
  return f;
}

/** The parser's element types (intl-messageformat does not export them). */
const LITERAL = 0;
const ARGUMENT = 1;
const SELECT = 5;
const PLURAL = 6;
const POUND = 7;

interface MessageElement {
  type: number;
  value?: string;
  offset?: number;
  pluralType?: Intl.PluralRuleType;
  options?: Record<string, { value: MessageElement[] }>;
}

/** The pieces of a message; null for one holding what they do not cover (numbers, dates, tags). */
function piecesOf(ast: readonly unknown[]): Piece[] | null {
  const pieces: Piece[] = [];
  for (const el of ast as MessageElement[]) {
    if (el.type === LITERAL) pieces.push(el.value as string);
    else if (el.type === ARGUMENT) pieces.push({ arg: el.value as string });
    else if (el.type === POUND) pieces.push({ pound: true });
    else if (el.type === PLURAL || el.type === SELECT) {
      // No prototype: a select's value is looked up here, and `constructor` is no option of any message.
      const options: Record<string, Piece[]> = Object.create(null);
      for (const [name, option] of Object.entries(el.options ?? {})) {
        const inner = piecesOf(option.value);
        if (!inner) return null;
        options[name] = inner;
      }
      const arg = el.value as string;
      pieces.push(
        el.type === SELECT ? { select: arg, options } : { plural: arg, offset: el.offset ?? 0, type: el.pluralType ?? 'cardinal', options },
      );
    } else return null;
  }
  return pieces;
}

function spansOf(messages: Messages, locale: Locale, key: string, params: Params): Span[] {
  const f = formatter(messages, locale, key);
  if (f.pieces) {
    const spans: Span[] = [];
    if (joined(f, f.pieces, params, spans, undefined)) return spans.length ? spans : [''];
  }
  const out = f.format.format<Exclude<Span, string>>(params as never);
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
 * Appends what intl-messageformat makes of these pieces to `spans`: text and numbers as text, a missing or empty
 * value as nothing, a span kept whole, each run of text one span. False, with nothing decided, where only
 * intl-messageformat can say (a value missing, which its error names, or a plural or select of a value it
 * chooses by otherwise); `count` is the number a plural's `#` shows.
 */
function joined(f: Compiled, pieces: readonly Piece[], params: Params, spans: Span[], count: number | undefined): boolean {
  for (const piece of pieces) {
    let value: string | Exclude<Span, string>;
    if (typeof piece === 'string') value = piece;
    else if ('pound' in piece) {
      if (count === undefined) continue;
      value = SHARED_FORMATTERS.getNumberFormat(f.locale).format(count);
    } else if ('arg' in piece) {
      if (!(piece.arg in params)) return false;
      const v = params[piece.arg];
      value = typeof v === 'string' ? v : typeof v === 'number' ? String(v) : !v ? '' : (v as Exclude<Span, string>);
    } else {
      const name = 'plural' in piece ? piece.plural : piece.select;
      const v = params[name];
      if (!(name in params) || (typeof v !== 'number' && (typeof v !== 'string' || 'plural' in piece))) return false;
      let option: Piece[] | undefined;
      let inner = count;
      if ('plural' in piece) {
        const n = v as number;
        inner = n - piece.offset;
        option =
          piece.options[`=${n}`] ??
          piece.options[SHARED_FORMATTERS.getPluralRules(f.locale, { type: piece.type }).select(inner)] ??
          piece.options.other;
      } else option = piece.options[String(v)] ?? piece.options.other;
      if (!option || !joined(f, option, params, spans, 'plural' in piece ? inner : undefined)) return false;
      continue;
    }
    const last = spans.length - 1;
    if (typeof value === 'string' && last >= 0 && typeof spans[last] === 'string') spans[last] += value;
    else spans.push(value);
  }
  return true;
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
