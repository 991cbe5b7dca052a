import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutDisplayMarks } from '../../../src/grammar/text.js';
import { t } from '../../../src/i18n/translate.js';
import { LRI, PDI } from '../../../src/views/bidi.js';
import { type Driver, missingButton, onlyTo, type Seen, textsTo } from '../driver.js';

/** The part of a usage line every language shares: `Usage:` in English, whatever words it has elsewhere. */
const usageWord = (locale: 'en' | 'ar') => t(locale, 'error.usage', { usage: '' }).trim();

/** The isolated runs of a text: what a person copies when they select a command in an Arabic message. */
const isolatedRuns = (s: string): string[] => [...s.matchAll(new RegExp(`${LRI}[^${PDI}]*${PDI}`, 'g'))].map((m) => m[0]);

const more = t('en', 'list.more');

/**
 * What teachers see, on every platform: long lists come ten at a time with a More button, a refused form says
 * what to fix on its field, Arabic keeps its commands in order (and they can be copied back), and what a person
 * typed shows as typed.
 */
export function viewsChapter(makeDriver: () => Promise<Driver>): void {
  describe('what teachers see', () => {
    let bot: Driver;
    const teachers = Array.from({ length: 12 }, (_, i) => `t${String(i + 1).padStart(2, '0')}`);
    beforeAll(async () => {
      bot = await makeDriver();
      await bot.send('carla', 'create Math', { channel: 'math' });
      for (const name of teachers) await bot.send(name, 'join', { channel: 'math' });
    });
    afterAll(async () => {
      await bot.close();
    });

    let firstPage: Seen;
    it('shows a long member list ten at a time, with a More button for the rest', async () => {
      firstPage = onlyTo(await bot.send('t01', 'members', { channel: 'math' }), 'asker');
      expect(firstPage.text).toContain('Math: 13 members');
      expect(firstPage.text).toContain(t('en', 'list.range', { from: 1, to: 10, total: 13 }));
      expect(firstPage.text).not.toMatch(/t12 · member/);
      expect(firstPage.buttons).toEqual([more]);
    });

    it('shows the next ten when More is pressed, to the presser alone', async () => {
      const seen = await bot.press('t02', firstPage, more);
      const next = textsTo(seen, 'asker');
      expect(next).toContain(t('en', 'list.range', { from: 11, to: 13, total: 13 }));
      expect(next).toMatch(/t12 · member/);
      expect(seen.filter((s) => s.to === '#math')).toEqual([]);
      expect(onlyTo(seen, 'asker').buttons).not.toContain(more);
    });

    it('takes page <n> typed, shows the last page for a page past the end, and refuses a page that is no number', async () => {
      expect(textsTo(await bot.send('t01', 'members page 2', { channel: 'math' }), 'asker')).toContain(
        t('en', 'list.range', { from: 11, to: 13, total: 13 }),
      );
      expect(textsTo(await bot.send('t01', 'members page 9', { channel: 'math' }), 'asker')).toContain(
        t('en', 'list.range', { from: 11, to: 13, total: 13 }),
      );
      const refused = textsTo(await bot.send('t01', 'members page two', { channel: 'math' }), 'asker');
      expect(refused).toContain(t('en', 'error.badPage', { value: 'two' }));
      expect(refused).toContain('members [page <n>]');
    });

    it('shows a long agenda on next ten items at a time, each within the platform’s limits, with More for the rest', async () => {
      await bot.send('carla', 'schedule weekly wed 15:30', { channel: 'math' });
      for (let i = 1; i <= 25; i++) await bot.send('t03', `agenda add Item ${i} ${'a long agenda item '.repeat(200)}`, { channel: 'math' });
      const next = onlyTo(await bot.send('t03', 'next', { channel: 'math' }), 'asker');
      expect(next.text).toContain(t('en', 'list.range', { from: 1, to: 10, total: 25 }));
      expect(next.text).toMatch(/Item 10 a long/);
      expect(next.text).not.toMatch(/Item 11 a long/);
      const page = textsTo(await bot.press('t03', next, next.buttons.includes(more) ? more : missingButton(next, more)), 'asker');
      expect(page).toContain(t('en', 'list.range', { from: 11, to: 20, total: 25 }));
      expect(page).toMatch(/Item 20 a long/);
    });

    it('shows a refused form again with the reason on its field, and no usage line of a command nobody typed', async () => {
      const asked = onlyTo(await bot.send('t04', 'agenda add', { channel: 'math' }), 'asker');
      const refused = onlyTo(await bot.submit('t04', asked, { [t('en', 'agenda.form.text')]: '   ' }), 'asker');
      expect(refused.text).toContain(t('en', 'error.textRequired'));
      // The console shows forms as the command to type, so there its answer is a typed command's.
      if (bot.name !== 'console') {
        expect(refused.text).not.toContain(usageWord('en'));
        expect(refused.form?.fields).toEqual([t('en', 'agenda.form.text')]);
      }
    });

    it('shows what a teacher typed as typed: no bold, no ping, no link', async () => {
      // Backticks, broadcasts and tags are left to the renderers' own tests (test/slack/render.test.ts,
      // test/teams/render.test.ts): the Slack driver reads code spans without their marks and sends `<…>` as Slack
      // sends its own control sequences, and the console takes `@name` for a person.
      const typed = '*bold* _it_ ~gone~ [x](y) > not a quote';
      await bot.send('t05', `agenda add ${typed}`, { channel: 'math' });
      expect(textsTo(await bot.send('t05', 'agenda page 3', { channel: 'math' }), 'asker')).toContain(typed);
    });
  });

  describe('a teacher in nine communities', () => {
    let bot: Driver;
    const names = Array.from({ length: 9 }, (_, i) => `Grade ${i + 1} Math`);
    beforeAll(async () => {
      bot = await makeDriver();
      for (const [i, name] of names.entries()) {
        await bot.send('carla', `create ${name}`, { channel: `grade${i + 1}` });
        await bot.send('ana', 'join', { channel: `grade${i + 1}` });
      }
    });
    afterAll(async () => {
      await bot.close();
    });

    it('can reach every community from the picker, the last one included', async () => {
      const picker = onlyTo(await bot.send('ana', 'members', { channel: null }), 'asker');
      expect(picker.buttons).toEqual(names);
      expect(textsTo(await bot.press('ana', picker, 'Grade 9 Math'), 'asker')).toContain('Grade 9 Math: 2 members');
    });
  });

  describe('what a teacher sees in Arabic', () => {
    let bot: Driver;
    beforeAll(async () => {
      bot = await makeDriver();
      await bot.send('carla', 'create Math', { channel: 'math' });
      await bot.send('ben', 'join', { channel: 'math' });
      await bot.send('ben', 'lang ar', { channel: null });
    });
    afterAll(async () => {
      await bot.close();
    });

    it('wraps every command of the help in directional isolates, placeholders and all', async () => {
      const help = textsTo(await bot.send('ben', 'help', { channel: null }), 'asker');
      expect(help).toMatch(new RegExp(`${LRI}/?plc lang <en\\|de\\|da\\|nl\\|ar>${PDI}`));
      expect(help).toMatch(new RegExp(`${LRI}/?plc help <command>${PDI}`));
      expect(help).toMatch(new RegExp(`${LRI}/?plc cancel <`));
    });

    it('wraps the usage line of a refusal, and answers lang in Arabic', async () => {
      const refused = textsTo(await bot.send('ben', 'lang xx', { channel: null }), 'asker');
      expect(refused).toContain(usageWord('ar'));
      expect(refused).toMatch(new RegExp(`${LRI}/?plc lang <en\\|de\\|da\\|nl\\|ar>${PDI}`));
      expect(refused).toMatch(new RegExp(`${LRI}xx${PDI}`));
      const lang = textsTo(await bot.send('ben', 'lang ar', { channel: null }), 'asker');
      expect(lang).toContain(t('ar', 'lang.set'));
    });

    it('runs a command copied from an Arabic message exactly as shown', async () => {
      const added = textsTo(await bot.send('ben', 'agenda add Exit tickets', { channel: 'math' }), 'asker');
      const [ref] = isolatedRuns(added).filter((run) => /#\d+/.test(run));
      expect(ref).toMatch(new RegExp(`^${LRI}#\\d+${PDI}$`));
      const removed = textsTo(await bot.send('ben', `agenda remove ${ref}`, { channel: 'math' }), 'asker');
      expect(withoutDisplayMarks(removed)).toContain(t('ar', 'agenda.removed', { ref: withoutDisplayMarks(ref as string) }));
      const emptyAgenda = textsTo(await bot.send('ben', 'agenda', { channel: 'math' }), 'asker');
      // The empty agenda names the command to add an item: copied with its isolates, it runs.
      const [command] = isolatedRuns(emptyAgenda).filter((run) => run.includes('agenda add'));
      expect(command).toBeDefined();
      const copied = (command as string).replace(/^(\u2066)\/?plc /, '$1');
      expect(textsTo(await bot.send('ben', `${copied} Fractions`, { channel: 'math' }), 'asker')).toContain('Fractions');
      expect(textsTo(await bot.send('carla', 'agenda', { channel: 'math' }), 'asker')).toContain('Fractions');
    });
  });
}
