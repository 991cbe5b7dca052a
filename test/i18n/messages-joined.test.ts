import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { slack } from '../../adapters/slack/messages.js';
import { teams } from '../../adapters/teams/messages.js';
import { LOCALES } from '../../src/i18n/locales.js';
import { catalogs, localMessages, type MessageKey, type Params, tr } from '../../src/i18n/translate.js';
import type { Span } from '../../src/views/view.js';

/** What spans intl-messageformat itself makes of a message: its parts, runs of text joined. */
function reference(source: string, locale: string, params: Params): Span[] {
  const out = new IntlMessageFormat(source, locale, undefined, { ignoreTag: true }).format<Exclude<Span, string>>(params as never);
  const spans: Span[] = [];
  for (const part of Array.isArray(out) ? out : [out]) {
    const last = spans[spans.length - 1];
    if (typeof part === 'string' || typeof part === 'number') {
      if (typeof last === 'string') spans[spans.length - 1] = last + String(part);
      else spans.push(String(part));
    } else spans.push(part);
  }
  return spans;
}

/** The plurals (by name) and selects (by name, with their options) of a message, however deeply nested. */
function choicesOf(ast: unknown[], found = new Map<string, 'plural' | string[]>()): Map<string, 'plural' | string[]> {
  for (const el of ast as { type: number; value: string; options?: Record<string, { value: unknown[] }> }[]) {
    if (el.type !== 5 && el.type !== 6) continue;
    found.set(el.value, el.type === 6 ? 'plural' : Object.keys(el.options ?? {}));
    for (const option of Object.values(el.options ?? {})) choicesOf(option.value, found);
  }
  return found;
}

const placeholders = (source: string) => [...new Set([...source.matchAll(/\{(\w+)(?=[,}])/g)].map((m) => m[1] as string))];

describe('messages formatted without intl-messageformat (text, placeholders, plurals and selects)', () => {
  const all = catalogs();
  // Each placeholder as text, a number, a span (a command, a mention), empty, and zero.
  const kinds: ((name: string) => Params[string])[] = [
    (name) => `«${name}»`,
    () => 42,
    () => ({ command: 'help <command>' }),
    () => ({ mention: { user: 'U1', name: 'ana' } }) as Params[string],
    () => '',
    () => 0,
  ];

  it('read exactly as intl-messageformat reads them, every message in every language, with every kind of value', () => {
    let checked = 0;
    for (const locale of LOCALES)
      for (const key of Object.keys(all.en) as MessageKey[]) {
        const source = all[locale][key] as string;
        const names = placeholders(source);
        for (const kind of kinds) {
          const params: Params = { count: 3 };
          for (const name of names) params[name] = name === 'count' ? 3 : kind(name);
          expect(tr(locale, key, params), `${locale} ${key}`).toEqual(reference(source, locale, params));
          checked++;
        }
      }
    expect(checked).toBeGreaterThan(5 * 500);
  });

  it('choose the plural form and the select option intl-messageformat chooses, for every value they choose by', () => {
    // Plural values across the five languages' forms (Arabic: zero, one, two, few, many, other), and every select's options.
    const counts = [0, 1, 2, 3, 4, 5, 10, 11, 12, 21, 99, 100, 101, 102, 1000, 1.5];
    // The core's catalog and the adapters' own messages, each with the formatter that reads it.
    const modules: [Record<string, Record<string, string>>, (locale: never, key: never, params: Params) => unknown][] = [
      [all, tr as never],
      [slack, localMessages(slack).tr as never],
      [teams, localMessages(teams).tr as never],
    ];
    let checked = 0;
    for (const [messages, format] of modules)
      for (const locale of LOCALES)
        for (const key of Object.keys(messages.en as object)) {
          const source = messages[locale]?.[key] as string;
          const choices = choicesOf(new IntlMessageFormat(source, locale, undefined, { ignoreTag: true }).getAst());
          if (choices.size === 0) continue;
          const base: Params = {};
          for (const name of placeholders(source)) base[name] = `«${name}»`;
          for (const [name, options] of choices) base[name] = options === 'plural' ? 3 : 'other';
          for (const [name, options] of choices)
            for (const value of options === 'plural' ? counts : [...options, 'other', 'none of them', 7]) {
              const params = { ...base, [name]: value };
              expect(format(locale as never, key as never, params), `${locale} ${key} ${name}=${value}`).toEqual(
                reference(source, locale, params),
              );
              checked++;
            }
        }
    expect(checked).toBeGreaterThan(5 * 100);
  });

  it('a span between two texts stays a span of its own, and a message of a span alone is that span', () => {
    expect(tr('en', 'help.more', { command: { command: 'help <command>' } }).some((s) => typeof s === 'object' && 'command' in s)).toBe(
      true,
    );
  });

  it("takes a select's other option for a value named like an object's property (intl-messageformat throws there)", () => {
    const params = { ref: '#1', status: 'on track', percent: 40 };
    for (const hasPercent of ['constructor', 'toString', '__proto__'])
      expect(tr('en', 'checkin.done', { ...params, hasPercent })).toEqual(tr('en', 'checkin.done', { ...params, hasPercent: 'no' }));
  });

  it('refuses a missing value as intl-messageformat does', () => {
    expect(() => tr('en', 'reflect.saved', { ref: '#1' } as Params)).toThrow(/community/);
  });
});
