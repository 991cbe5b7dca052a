import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../../src/i18n/translate.js';
import { type Driver, messagesTo, onlyTo, type Seen, textsTo } from '../driver.js';

const DAY = 86_400_000;
const TEACHERS = ['ana', 'ben', 'carla', 'dora'];

/** The answer to `user`: after a modal submitted from a direct message, Slack sends it to the person's DM. */
const answerTo = (seen: Seen[], user: string) => [textsTo(seen, 'asker'), textsTo(seen, `@${user}`)].join('\n');

/**
 * Peer observation, told through each platform: a round's private messages, the focus buttons and form, the
 * "did it happen?" buttons when the window closes, and the feedback form, refused with the reason on its field
 * when the grow is missing, then saved and announced to the observed teacher.
 */
export function pairingChapter(makeDriver: () => Promise<Driver>): void {
  describe('teachers observe each other', () => {
    let bot: Driver;
    let started: Seen[];
    /** Whom each teacher visits, read from the private messages. */
    const visits = new Map<string, string>();
    beforeAll(async () => {
      bot = await makeDriver();
      await bot.send('carla', 'create Pairs', { channel: 'pairs' });
      for (const p of ['ana', 'ben', 'dora']) await bot.send(p, 'join', { channel: 'pairs' });
    });
    afterAll(async () => {
      await bot.close();
    });

    it('starts a round and tells each teacher privately whom they visit, with focus buttons', async () => {
      started = await bot.send('carla', 'pair now', { channel: 'pairs' });
      expect(textsTo(started, 'asker')).toContain(
        t('en', 'pairing.now.done', { community: 'Pairs', ref: '#1', pairs: 2, trios: 0, leftOut: 0 }),
      );
      for (const p of TEACHERS) {
        const dm = onlyTo(started, `@${p}`);
        expect(dm.text).toContain(t('en', 'pairing.dm.title', { community: 'Pairs', ref: '#1' }));
        const partner = /You and @(\w+) visit each other/.exec(dm.text)?.[1];
        expect(TEACHERS).toContain(partner);
        visits.set(p, partner as string);
        expect(dm.buttons).toContain(t('en', 'pairing.focus.questioning'));
        expect(dm.buttons).toContain(t('en', 'pairing.focus.ownButton'));
      }
      expect(messagesTo(started, '#pairs')).toEqual([]);
    });

    it('takes a focus from a button and tells the visitor', async () => {
      const seen = await bot.press('ana', onlyTo(started, '@ana'), t('en', 'pairing.focus.questioning'));
      expect(textsTo(seen, 'asker')).toContain(t('en', 'pairing.focus.set', { focus: 'Questioning' }));
      expect(textsTo(seen, `@${visits.get('ana')}`)).toContain(
        t('en', 'pairing.focus.told', { name: '@ana', community: 'Pairs', focus: 'Questioning' }),
      );
    });

    it('opens the focus form for something else, and takes the teacher’s own words', async () => {
      const asked = await bot.press('ben', onlyTo(started, '@ben'), t('en', 'pairing.focus.ownButton'));
      const form = asked.find((s) => s.form);
      expect(form?.form?.title).toBe(t('en', 'pairing.focus.form.title'));
      const seen = await bot.submit('ben', form as Seen, {
        [t('en', 'pairing.focus.formChoice')]: 'own',
        [t('en', 'pairing.focus.formText')]: 'Wait time after questions',
      });
      expect(answerTo(seen, 'ben')).toContain(t('en', 'pairing.focus.set', { focus: 'Wait time after questions' }));
    });

    let ask: Seen;
    it('asks each observer when the window closes, with yes, not yet and no', async () => {
      const seen = await bot.advance(21 * DAY + 60_000);
      for (const p of TEACHERS)
        expect(textsTo(seen, `@${p}`)).toContain(
          t('en', 'pairing.ask.text', { community: 'Pairs', name: visits.get(p) as string, ref: '#1' }),
        );
      ask = messagesTo(seen, '@ana').find((s) => s.buttons.length === 3) as Seen;
      expect(ask.buttons).toEqual([t('en', 'pairing.ask.yes'), t('en', 'pairing.ask.notYet'), t('en', 'pairing.ask.no')]);
    });

    let offer: Seen;
    it('records the answer from the button and offers the feedback form', async () => {
      const seen = await bot.press('ana', ask, t('en', 'pairing.ask.yes'));
      offer = onlyTo(seen, 'asker');
      expect(offer.text).toContain(t('en', 'pairing.happened.said.yes'));
      expect(offer.buttons).toEqual([t('en', 'pairing.feedback.button')]);
    });

    let form: Seen;
    it('refuses feedback without a grow, with the reason on the form', async () => {
      const opened = await bot.press('ana', offer, t('en', 'pairing.feedback.button'));
      form = opened.find((s) => s.form) as Seen;
      expect(form.form).toEqual({
        title: t('en', 'pairing.feedback.form.title'),
        fields: [t('en', 'pairing.feedback.formGlow'), t('en', 'pairing.feedback.formGrow'), t('en', 'pairing.feedback.formNotes')],
      });
      const refused = await bot.submit('ana', form, {
        [t('en', 'pairing.feedback.formGlow')]: 'Every pupil answered the hinge question',
        [t('en', 'pairing.feedback.formGrow')]: '',
        [t('en', 'pairing.feedback.formNotes')]: '',
      });
      expect(refused.map((s) => s.text).join('\n')).toContain(t('en', 'pairing.error.growMissing'));
      expect(textsTo(refused, `@${visits.get('ana')}`)).toBe('');
    });

    it('saves the feedback and tells only the observed teacher it is there', async () => {
      const saved = await bot.submit('ana', form, {
        [t('en', 'pairing.feedback.formGlow')]: 'Every pupil answered the hinge question',
        [t('en', 'pairing.feedback.formGrow')]: 'Wait three seconds after each question',
        [t('en', 'pairing.feedback.formNotes')]: '3 of 24 hands up at first',
      });
      expect(answerTo(saved, 'ana')).toContain(t('en', 'pairing.feedback.saved'));
      const told = textsTo(saved, `@${visits.get('ana')}`);
      expect(told).toContain(t('en', 'pairing.feedback.told', { name: '@ana', community: 'Pairs' }));
      expect(told).toContain('Wait three seconds after each question');
      expect(saved.filter((s) => !['asker', '@ana', `@${visits.get('ana')}`].includes(s.to))).toEqual([]);
    });

    it('shows the round, the partner and what is left in pair status', async () => {
      const status = textsTo(await bot.send('ana', 'pair status', { channel: 'pairs' }), 'asker');
      expect(status).toContain(t('en', 'pairing.status.title', { community: 'Pairs', ref: '#1' }));
      expect(status).toContain(t('en', 'pairing.status.feedbackBy', { name: `@${visits.get('ana')}` }));
      const other = TEACHERS.find((p) => p !== 'ana' && p !== visits.get('ana')) as string;
      const theirs = textsTo(await bot.send(other, 'pair status', { channel: 'pairs' }), 'asker');
      expect(theirs).toContain(t('en', 'pairing.status.title', { community: 'Pairs', ref: '#1' }));
      expect(theirs).not.toContain('hinge');
    });
  });
}
