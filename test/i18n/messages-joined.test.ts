import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/i18n/locales.js';
import { catalogs, type MessageKey, type Params, tr } from '../../src/i18n/translate.js';
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

const placeholders = (source: string) => [...new Set([...source.matchAll(/\{(\w+)(?=[,}])/g)].map((m) => m[1] as string))];

describe('messages formatted without intl-messageformat (text and plain placeholders)', () => {
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

  it('a span between two texts stays a span of its own, and a message of a span alone is that span', () => {
    expect(tr('en', 'help.more', { command: { command: 'help <command>' } }).some((s) => typeof s === 'object' && 'command' in s)).toBe(
      true,
    );
  });

  it('refuses a missing value as intl-messageformat does', () => {
    expect(() => tr('en', 'reflect.saved', { ref: '#1' } as Params)).toThrow(/community/);
  });
});
