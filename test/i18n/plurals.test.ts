import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/i18n/locales.js';
import { catalogs, type MessageKey, t } from '../../src/i18n/translate.js';

// Every message that counts something, in every language, against intl-messageformat with formatters of its own:
// the formatters all messages share (by language and options) must choose the same forms and write the same digits.
describe('plural messages with shared formatters', () => {
  const all = catalogs();
  const counting = Object.keys(all.en).filter((key) => /\{count, plural,/.test(all.en[key as MessageKey] as string)) as MessageKey[];

  it('has messages to check', () => {
    expect(counting.length).toBeGreaterThan(10);
  });

  it('writes each the way a message of its own would, for the counts every language tells apart', () => {
    for (const locale of LOCALES)
      for (const key of counting) {
        const fresh = new IntlMessageFormat(all[locale][key] as string, locale, undefined, { ignoreTag: true });
        const params = paramsOf(all[locale][key] as string);
        for (const count of [0, 1, 2, 3, 11, 100, 1234]) {
          const expected = fresh.format({ ...params, count }) as string | unknown[];
          const text = Array.isArray(expected) ? expected.join('') : expected;
          expect(t(locale, key, { ...params, count }), `${locale} ${key} ${count}`).toBe(text);
        }
      }
  });
});

/** A plain text for every other placeholder of a message. */
function paramsOf(source: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const m of source.matchAll(/\{(\w+)(?=[,}])/g)) if (m[1] !== 'count') params[m[1] as string] = 'x';
  return params;
}
