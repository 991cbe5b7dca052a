import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../../src/i18n/translate.js';
import { type Driver, messagesTo, onlyTo, type Seen, textsTo } from '../driver.js';

const HOUR = 3_600_000;
const visibility = t('en', 'reflect.form.visibility');
const firstQuestion = t('en', 'question.prerequisites');

/** What a person was answered: a form's answer comes as an answer to them, or (Slack, after a modal from a DM) in their DM. */
const answeredTo = (seen: Seen[], user: string) => [textsTo(seen, 'asker'), textsTo(seen, `@${user}`)].join('\n');

/** Reflections told through each platform: writing with each visibility, the form, prompts, paging, and Teams channels. */
export function reflectionsChapter(makeDriver: () => Promise<Driver>): void {
  describe('teachers reflect', () => {
    let bot: Driver;
    beforeAll(async () => {
      bot = await makeDriver();
      await bot.send('carla', 'create Math', { channel: 'math' });
      await bot.send('ana', 'join', { channel: 'math' });
      await bot.send('ben', 'join', { channel: 'math' });
    });
    afterAll(async () => {
      await bot.close();
    });

    it('saves a reflection of each visibility and says who can read it', async () => {
      const mine = textsTo(await bot.send('ana', 'reflect Fractions took longer than planned', { channel: null }), 'asker');
      expect(mine).toMatch(/Saved as #\d+ in Math\./);
      expect(mine).toContain(t('en', 'reflect.readers.private'));
      expect(textsTo(await bot.send('ana', 'reflect team Exit tickets & peer review worked', { channel: null }), 'asker')).toContain(
        t('en', 'reflect.readers.team', { community: 'Math' }),
      );
      expect(textsTo(await bot.send('ana', 'reflect coordinator I need planning time', { channel: null }), 'asker')).toContain(
        t('en', 'reflect.readers.coordinator', { community: 'Math' }),
      );
      expect(textsTo(await bot.send('ana', 'reflect -- team meetings drain me', { channel: null }), 'asker')).toContain(
        t('en', 'reflect.readers.private'),
      );
    });

    it('shows teammates the shared one only, as plain text, and the lead the coordinator one too', async () => {
      const ben = textsTo(await bot.send('ben', 'reflections team', { channel: null }), 'asker');
      expect(ben).toContain('Exit tickets & peer review worked');
      expect(ben).not.toContain('planning time');
      expect(ben).not.toContain('Fractions took longer');
      const carla = textsTo(await bot.send('carla', 'reflections team', { channel: null }), 'asker');
      expect(carla).toContain('I need planning time');
      expect(carla).not.toContain('meetings drain me');
    });

    let form: Seen;
    it('opens the form with today’s question and the visibility as a choice', async () => {
      form = onlyTo(await bot.send('ben', 'reflect', { channel: null }), 'asker');
      expect(form.form?.title).toBe(t('en', 'reflect.form.title', { community: 'Math' }));
      expect(form.form?.fields).toEqual([visibility, firstQuestion]);
    });

    it('refuses a blank submission with the reason on the field, and saves nothing', async () => {
      const seen = await bot.submit('ben', form, { [visibility]: 'team', [firstQuestion]: '' });
      expect(textsTo(seen, 'asker')).toContain(t('en', 'error.textRequired'));
      expect(textsTo(await bot.send('ben', 'reflections', { channel: null }), 'asker')).toContain('You have not written a reflection yet.');
    });

    it('saves what the form submits, with the chosen visibility', async () => {
      const seen = await bot.submit('ben', form, { [visibility]: 'team', [firstQuestion]: 'They need number lines first' });
      expect(answeredTo(seen, 'ben')).toContain(t('en', 'reflect.readers.team', { community: 'Math' }));
      expect(textsTo(await bot.send('ana', 'reflections team', { channel: null }), 'asker')).toContain('They need number lines first');
    });

    it('lists my own ten at a time, with a More button', async () => {
      for (let i = 1; i <= 8; i++) await bot.send('ana', `reflect Note ${i}`, { channel: null });
      const first = onlyTo(await bot.send('ana', 'reflections', { channel: null }), 'asker');
      expect(first.text).toContain('1–10 of 12');
      expect(first.text).toContain('Note 8');
      expect(first.text).not.toContain('Fractions took longer');
      const second = onlyTo(await bot.press('ana', first, t('en', 'list.more')), 'asker');
      expect(second.text).toContain('11–12 of 12');
      expect(second.text).toContain('Fractions took longer');
    });

    let prompt: Seen;
    it('sends each member the question in a direct message at the prompt time, with a button', async () => {
      await bot.send('carla', 'prompts weekly wed 10:00', { channel: 'math' });
      const seen = await bot.advance(36 * HOUR);
      prompt = onlyTo(seen, '@ben');
      expect(prompt.text).toContain(t('en', 'prompt.title', { count: 1, community: 'Math', communities: 'Math' }));
      expect(prompt.buttons).toEqual([t('en', 'prompt.answer')]);
      expect(messagesTo(seen, '@ana')).toHaveLength(1);
      expect(messagesTo(seen, '#math')).toEqual([]);
    });

    it('opens the form for that community from the button, and saves the answer', async () => {
      const opened = onlyTo(await bot.press('ben', prompt, t('en', 'prompt.answer')), 'asker');
      expect(opened.form?.fields[0]).toBe(visibility);
      const question = opened.form?.fields[1] as string;
      expect(prompt.text).toContain(question);
      const seen = await bot.submit('ben', opened, { [visibility]: 'private', [question]: 'Two students were ready for more' });
      expect(answeredTo(seen, 'ben')).toMatch(/Saved as #\d+ in Math\./);
      // Answered: no nudge a day later, while ana, who did not answer, gets one.
      const later = await bot.advance(25 * HOUR);
      expect(messagesTo(later, '@ben')).toEqual([]);
      expect(textsTo(later, '@ana')).toContain('is still open');
    });

    it('in a channel: refused on Teams before anything is stored, with the form in the personal chat; saved elsewhere', async () => {
      const seen = await bot.send('ana', 'reflect team We argued about grading', { channel: 'math' });
      if (bot.name === 'teams') {
        expect(textsTo(seen, 'asker')).toBe(t('en', 'reflect.channel.refused'));
        expect(textsTo(seen, 'asker')).not.toContain('grading');
        const dm = onlyTo(seen, '@ana');
        expect(dm.text).toContain(t('en', 'reflect.channel.why'));
        expect(dm.form?.fields[0]).toBe(visibility);
        expect(textsTo(await bot.send('ben', 'reflections team', { channel: null }), 'asker')).not.toContain('grading');
        // From the personal chat, the form saves it.
        const saved = await bot.submit('ana', dm, { [visibility]: 'team', [dm.form?.fields[1] as string]: 'We argued about grading' });
        expect(answeredTo(saved, 'ana')).toMatch(/Saved as #\d+ in Math\./);
        // Reading them there is no safer: the list goes to the personal chat, the channel hears only that.
        const listed = await bot.send('ana', 'reflections', { channel: 'math' });
        expect(textsTo(listed, 'asker')).toBe(t('en', 'reflections.channel.sent'));
        expect(textsTo(listed, '@ana')).toContain('We argued about grading');
      } else {
        expect(textsTo(seen, 'asker')).toMatch(/Saved as #\d+ in Math\./);
      }
      expect(textsTo(await bot.send('ben', 'reflections team', { channel: null }), 'asker')).toContain('We argued about grading');
    });
  });
}
