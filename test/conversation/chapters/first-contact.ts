import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../../src/i18n/locales.js';
import { t } from '../../../src/i18n/translate.js';
import { LRI, PDI } from '../../../src/views/bidi.js';
import { type Driver, type MakeDriver, type Seen, textsTo } from '../driver.js';

/** How many times the bot's introduction in `locale` appears in what was seen. */
const introductions = (seen: Seen[], locale: Locale = 'en') =>
  seen.reduce((n, s) => n + s.text.split(t(locale, 'intro.hello')).length - 1, 0);

/**
 * Where a person reads the introduction that comes with the answer to a command typed in `channel`: the answer
 * itself, except on Teams in a channel, where everyone reads the answer and the introduction goes to their
 * personal chat instead.
 */
const introducedAt = (bot: Driver, user: string, channel: string | null) =>
  bot.name === 'teams' && channel !== null ? `@${user}` : 'asker';

/**
 * First contact, told through each platform: the first message the bot addresses to a person opens with a few
 * lines about itself in their language (the answer to their first command, or a DM when the bot writes first),
 * and no message after it does. These drivers introduce, as every install does; the other chapters' do not.
 */
export function firstContactChapter(makeDriver: MakeDriver): void {
  describe('the bot introduces itself to each person, once', () => {
    let bot: Driver;
    beforeAll(async () => {
      bot = await makeDriver({ introduce: true });
    });
    afterAll(async () => {
      await bot.close();
    });

    it('opens a new teacher’s first answer with the introduction, and only that one', async () => {
      const created = await bot.send('carla', 'create Math', { channel: 'math' });
      expect(introductions(created)).toBe(1);
      const where = introducedAt(bot, 'carla', 'math');
      const intro = textsTo(created, where);
      expect(intro).toContain(t('en', 'intro.what'));
      expect(intro).toContain(t('en', 'intro.observation'));
      expect(intro).toContain(t('en', 'intro.visibility'));
      expect(intro).toMatch(/\/?plc privacy: what I keep about you/);
      expect(intro).toMatch(/\/?plc pause until <YYYY-MM-DD>: a break/);
      // The answer itself is there as ever: the introduction opens it, it does not replace it.
      expect(textsTo(created, 'asker')).toContain(t('en', 'create.done', { community: 'Math' }));
      expect(created.filter((s) => s.to === '#math' && s.text.includes(t('en', 'intro.hello')))).toEqual([]);

      const joined = await bot.send('ana', 'join', { channel: 'math' });
      expect(introductions(joined)).toBe(1);
      expect(textsTo(joined, introducedAt(bot, 'ana', 'math'))).toContain(t('en', 'intro.hello'));
      expect(textsTo(joined, 'asker')).toContain('Welcome to Math!');

      const second = await bot.send('ana', 'members', { channel: 'math' });
      expect(introductions(second)).toBe(0);
      expect(textsTo(second, 'asker')).toContain('Math: 2 members');
      expect(introductions(await bot.send('carla', 'help', { channel: null }))).toBe(0);
    });

    it('introduces a teacher in a direct message when the bot writes to them first, and nobody twice', async () => {
      // Ben has never typed anything: the lead adds him, and his first message from the bot is his pairing.
      expect(introductions(await bot.send('carla', 'role @ben member', { channel: 'math' }))).toBe(0);
      const started = await bot.send('carla', 'pair now', { channel: 'math' });
      const dm = textsTo(started, '@ben');
      expect(dm).toContain(t('en', 'intro.hello'));
      expect(dm).toContain(t('en', 'pairing.dm.title', { community: 'Math', ref: '#1' }));
      expect(introductions(started)).toBe(1);
      expect(textsTo(started, '@ana')).toContain(t('en', 'pairing.dm.title', { community: 'Math', ref: '#1' }));

      const later = await bot.send('ben', 'pair status', { channel: null });
      expect(introductions(later)).toBe(0);
    });
  });

  describe('the introduction speaks each person’s language', () => {
    let bot: Driver;
    beforeAll(async () => {
      bot = await makeDriver({ introduce: true });
      await bot.send('carla', 'create Science', { channel: 'science' });
    });
    afterAll(async () => {
      await bot.close();
    });

    it('introduces itself in Arabic, right to left, its commands isolated', async () => {
      const seen = await bot.send('samir', 'help', { channel: null, locale: 'ar-SA' });
      expect(introductions(seen, 'ar')).toBe(1);
      expect(introductions(seen, 'en')).toBe(0);
      const intro = textsTo(seen, 'asker');
      expect(intro).toContain(t('ar', 'intro.observation'));
      expect(intro).toMatch(new RegExp(`${LRI}/?plc privacy${PDI}`));
      expect(intro).toMatch(new RegExp(`${LRI}/?plc pause until <YYYY-MM-DD>${PDI}`));
      expect(introductions(await bot.send('samir', 'help', { channel: null, locale: 'ar-SA' }), 'ar')).toBe(0);
    });

    it('introduces itself in German to a teacher whose platform speaks German', async () => {
      const seen = await bot.send('greta', 'join', { channel: 'science', locale: 'de-DE' });
      expect(introductions(seen, 'de')).toBe(1);
      const intro = textsTo(seen, introducedAt(bot, 'greta', 'science'));
      expect(intro).toContain(t('de', 'intro.visibility'));
      expect(intro).toMatch(/\/?plc pause until <JJJJ-MM-TT>: eine Pause/);
      expect(introductions(await bot.send('greta', 'members', { channel: 'science', locale: 'de-DE' }), 'de')).toBe(0);
    });
  });
}
