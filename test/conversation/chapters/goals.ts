import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../../src/i18n/translate.js';
import { type Driver, messagesTo, onlyTo, type Seen, textsTo } from '../driver.js';

const DAY = 86_400_000;

/** The number a confirmation names: “Team goal #2 is set …” gives 2. */
function refIn(text: string): string {
  const m = /#(\d+) is set/.exec(text);
  if (!m) throw new Error(`no goal number in: ${text}`);
  return `#${m[1]}`;
}

/** The one message of `seen` that holds a form. */
function withForm(seen: Seen[]): Seen {
  const found = seen.filter((s) => s.form);
  if (found.length !== 1) throw new Error(`expected one form, got ${JSON.stringify(seen.map((s) => [s.to, s.text.slice(0, 60)]))}`);
  return found[0] as Seen;
}

/**
 * Goals at three levels and their check-ins, through each platform's entry point: the plan school ← team ←
 * mine, the check-in form refused on its field and then accepted, the scheduled ask in a direct message, and
 * closing a goal.
 */
export function goalsChapter(makeDriver: () => Promise<Driver>): void {
  describe('a school sets goals and checks in on them', () => {
    let bot: Driver;
    let school: string;
    let team: string;
    let mine: string;
    const status = t('en', 'checkin.form.status');
    const percent = t('en', 'checkin.form.percent');
    const evidence = t('en', 'checkin.form.evidence');
    beforeAll(async () => {
      bot = await makeDriver();
      await bot.send('carla', 'create Math', { channel: 'math' });
      await bot.send('ana', 'join', { channel: 'math' });
      await bot.send('ben', 'join', { channel: 'math' });
    });
    afterAll(async () => {
      await bot.close();
    });

    it('sets a goal at each level, each aligned one level up', async () => {
      const s = textsTo(await bot.send('carla', 'goal add school Every student reads every day', { channel: 'math' }), 'asker');
      school = refIn(s);
      expect(s).toContain(t('en', 'goal.readers', { level: 'school', community: 'Math' }));
      expect(textsTo(await bot.send('ben', `goal add team aligns ${school} Reading minutes up`, { channel: 'math' }), 'asker')).toContain(
        t('en', 'error.alignSchoolLeads', { ref: school }),
      );
      team = refIn(textsTo(await bot.send('carla', `goal add team aligns ${school} Reading minutes up`, { channel: 'math' }), 'asker'));
      const m = textsTo(
        await bot.send('ana', `goal add due 2026-12-01 aligns ${team} Exit tickets in every lesson`, { channel: 'math' }),
        'asker',
      );
      mine = refIn(m);
      expect(m).toContain(t('en', 'goal.readers', { level: 'me', community: 'Math' }));
      expect(textsTo(await bot.send('ana', `goal add aligns ${school} Skips a level`, { channel: 'math' }), 'asker')).toContain(
        t('en', 'error.goalWrongLevel', { ref: school, level: 'me', wanted: 'team' }),
      );
    });

    it('lists the goals with their chain, and keeps an individual goal from teammates', async () => {
      const list = textsTo(await bot.send('ana', 'goals', { channel: null }), 'asker');
      expect(list).toContain(
        t('en', 'goal.chain', {
          chain: `school ${school} “Every student reads every day” ← team ${team} “Reading minutes up” ← ${mine}`,
        }),
      );
      const theirs = textsTo(await bot.send('ben', 'goals', { channel: null }), 'asker');
      expect(theirs).toContain('Reading minutes up');
      expect(theirs).not.toContain('Exit tickets');
      expect(textsTo(await bot.send('ben', `checkin ${mine} on-track`, { channel: null }), 'asker')).toContain(
        t('en', 'error.unknownGoal', { ref: mine }),
      );
    });

    it('refuses a bad percent on the form’s field, then takes the check-in', async () => {
      const form = withForm(await bot.send('ana', `checkin ${mine}`, { channel: null }));
      expect(form.form?.fields).toEqual([status, percent, evidence]);
      const refused = await bot.submit('ana', form, { [status]: 'on-track', [percent]: '150%', [evidence]: 'Most exit tickets came back' });
      const said = refused.map((s) => s.text).join('\n');
      expect(said).toContain(t('en', 'error.badPercent', { value: '150%' }));
      expect(said).not.toContain('Checked in');
      const again = withForm(refused);
      const done = await bot.submit('ana', again, { [status]: 'on-track', [percent]: '٦٠٪', [evidence]: 'Most exit tickets came back' });
      expect(done.map((s) => s.text).join('\n')).toContain(
        t('en', 'checkin.done', { ref: mine, status: 'on track', hasPercent: 'yes', percent: 60 }),
      );
      expect(textsTo(await bot.send('ana', 'goals', { channel: null }), 'asker')).toContain('on track, 60%');
    });

    it('keeps evidence typed where others read it (a Teams channel post) and sends the form to a direct message', async () => {
      const seen = await bot.send('ana', `checkin ${mine} on-track 70% Every group handed one in`, { channel: 'math' });
      if (bot.name !== 'teams') {
        // A Slack slash command and a console line are seen by nobody else: the check-in is kept.
        expect(textsTo(seen, 'asker')).toContain(
          t('en', 'checkin.done', { ref: mine, status: 'on track', hasPercent: 'yes', percent: 70 }),
        );
        return;
      }
      expect(textsTo(seen, 'asker')).toContain(t('en', 'checkin.privateChannel'));
      const dm = onlyTo(seen, '@ana');
      expect(dm.text).toContain(t('en', 'checkin.private', { ref: mine }));
      expect(dm.form?.fields).toEqual([status, percent, evidence]);
      expect(textsTo(await bot.send('ana', 'goals', { channel: null }), 'asker')).not.toContain('70%');
    });

    it('asks owners on the cadence in a direct message with the form', async () => {
      expect(textsTo(await bot.send('carla', 'checkins weekly fri 14:00', { channel: 'math' }), 'asker')).toContain(
        'every Friday at 14:00',
      );
      const sent = await bot.advance(4 * DAY);
      const ask = onlyTo(sent, '@ana');
      expect(ask.text).toContain(t('en', 'goals.ask.title', { community: 'Math' }));
      expect(ask.text).toContain('Exit tickets in every lesson');
      // The team goal goes to the lead (the team has no meetings): never to a teammate's DM about ana's goal.
      expect(
        messagesTo(sent, '@carla')
          .map((s) => s.text)
          .join('\n'),
      ).toContain('Reading minutes up');
      expect(messagesTo(sent, '@ben')).toEqual([]);
      const form = withForm(await bot.press('ana', ask, t('en', 'checkin.button', { ref: mine })));
      const done = await bot.submit('ana', form, { [status]: 'at-risk', [percent]: '40', [evidence]: 'Two groups fell behind' });
      expect(done.map((s) => s.text).join('\n')).toContain(
        t('en', 'checkin.done', { ref: mine, status: 'at risk', hasPercent: 'yes', percent: 40 }),
      );
    });

    it('closes a goal, after which it takes no check-ins', async () => {
      expect(
        textsTo(await bot.send('ana', `goal close ${mine} achieved every lesson ends with one`, { channel: null }), 'asker'),
      ).toContain(t('en', 'goal.closed', { ref: mine, outcome: 'achieved', text: 'Exit tickets in every lesson' }));
      expect(textsTo(await bot.send('ana', `checkin ${mine} on-track`, { channel: null }), 'asker')).toContain(
        `${mine} was closed as achieved`,
      );
    });
  });
}
