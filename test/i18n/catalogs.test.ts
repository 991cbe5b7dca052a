import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { slack } from '../../adapters/slack/messages.js';
import { teams } from '../../adapters/teams/messages.js';
import { capabilities } from '../../src/capabilities.js';
import { mergeCatalogs } from '../../src/i18n/catalog.js';
import { LOCALES, localeFor, matchLocale } from '../../src/i18n/locales.js';
import { messages as core } from '../../src/i18n/messages/core.js';
import { messages as firstContact } from '../../src/i18n/messages/first-contact.js';
import { t } from '../../src/i18n/translate.js';

type Element = { type: number; value?: string; options?: Record<string, { value: Element[] }> };

/** The placeholder names a message uses, with the kind of each (plain, number, plural …). */
function placeholders(message: string, locale: string): string[] {
  const found = new Set<string>();
  const walk = (elements: Element[]) => {
    for (const el of elements) {
      // 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural (intl-messageformat's AST).
      if (el.type >= 1 && el.type <= 6 && el.value) found.add(`${el.value}:${el.type === 1 ? 'arg' : el.type}`);
      for (const option of Object.values(el.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).getAst() as unknown as Element[]);
  return [...found].sort();
}

/** Every plural's categories, per plural argument. */
function pluralCategories(message: string, locale: string): string[][] {
  const out: string[][] = [];
  const walk = (elements: Element[]) => {
    for (const el of elements) {
      if (el.type === 6 && el.options) out.push(Object.keys(el.options).filter((k) => !k.startsWith('=')));
      for (const option of Object.values(el.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).getAst() as unknown as Element[]);
  return out;
}

// The core's, every capability's and both adapters' messages; merging refuses a key defined twice.
const catalogs = mergeCatalogs([core, firstContact, ...capabilities().map((c) => c.messages), slack, teams]);
const keys = Object.keys(catalogs.en);
const msg = (locale: keyof typeof catalogs, key: string): string => catalogs[locale][key] ?? '';

describe('the catalogs', () => {
  it.each(LOCALES)('%s has every key, and no key English lacks', (locale) => {
    const missing = keys.filter((k) => typeof msg(locale, k) !== 'string' || msg(locale, k).trim() === '');
    expect(missing).toEqual([]);
    expect(Object.keys(catalogs[locale]).filter((k) => !(k in catalogs.en))).toEqual([]);
  });

  it.each(LOCALES)('%s uses exactly the placeholders English uses, in every message', (locale) => {
    const wrong = keys.filter((k) => placeholders(msg(locale, k), locale).join() !== placeholders(msg('en', k), 'en').join());
    expect(wrong).toEqual([]);
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s is translated, not a copy of English', (locale) => {
    const copied = keys.filter((k) => msg(locale, k) === msg('en', k) && /[a-z]{4,}\s+[a-z]{3,}/i.test(msg('en', k)));
    expect(copied.length / keys.length).toBeLessThan(0.05);
  });

  it.each(LOCALES)('%s gives every plural the categories its language needs', (locale) => {
    const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    for (const key of keys) {
      for (const categories of pluralCategories(msg(locale, key), locale)) {
        expect({ key, missing: needed.filter((c) => !categories.includes(c)) }).toEqual({ key, missing: [] });
      }
    }
  });
});

describe('plural forms', () => {
  it('Arabic has six plural categories, and the bot uses each', () => {
    const rules = new Intl.PluralRules('ar');
    expect([0, 1, 2, 3, 11, 100].map((n) => rules.select(n))).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
    // Digits stripped, so only the wording of each category is compared.
    const forms = [0, 1, 2, 3, 11, 100].map((count) =>
      t('ar', 'members.title', { community: 'x', count }).replace(/[0-9\u0660-\u0669]/g, ''),
    );
    expect(new Set(forms).size).toBe(6);
  });

  it('English and German say one member and two members', () => {
    expect(t('en', 'members.title', { community: 'Math', count: 1 })).toBe('Math: 1 member');
    expect(t('en', 'members.title', { community: 'Math', count: 2 })).toBe('Math: 2 members');
    expect(t('de', 'members.title', { community: 'Mathe', count: 1 })).not.toBe(t('de', 'members.title', { community: 'Mathe', count: 2 }));
  });
});

describe('choosing a language', () => {
  it('matches platform locales to the languages the bot speaks', () => {
    expect(matchLocale('de-AT')).toBe('de');
    expect(matchLocale('nl_BE')).toBe('nl');
    expect(matchLocale('ar-SA')).toBe('ar');
    expect(matchLocale('fr-FR')).toBeNull();
    expect(matchLocale(undefined)).toBeNull();
  });

  it('prefers the person’s choice, then their platform, then the community', () => {
    expect(localeFor({ lang: 'da', platformLocale: 'de-DE' }, { locale: 'nl' })).toBe('da');
    expect(localeFor({ lang: null, platformLocale: 'de-DE' }, { locale: 'nl' })).toBe('de');
    expect(localeFor({ lang: null, platformLocale: 'fr-FR' }, { locale: 'nl' })).toBe('nl');
    expect(localeFor(null, null)).toBe('en');
  });
});
