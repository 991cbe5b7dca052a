import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatWhen } from '../../src/capabilities/meetings/views.js';
import { t } from '../../src/i18n/translate.js';
import { SCHOOL_YEAR_START } from '../support/app.js';
import { firstContactChapter } from './chapters/first-contact.js';
import { goalsChapter } from './chapters/goals.js';
import { knowledgeChapter } from './chapters/knowledge.js';
import { lifecycleChapter } from './chapters/lifecycle.js';
import { pairingChapter } from './chapters/pairing.js';
import { privacyChapter } from './chapters/privacy.js';
import { reflectionsChapter } from './chapters/reflections.js';
import { summariesChapter } from './chapters/summaries.js';
import { viewsChapter } from './chapters/views.js';
import { type Driver, type MakeDriver, messagesTo, onlyTo, type Seen, textsTo } from './driver.js';

/**
 * The conversation every adapter must hold: the same story, told through each platform's real entry point.
 * Later capabilities add their chapters here, so a capability that works in the console and not in Teams fails.
 */
export function conversationSuite(makeDriver: MakeDriver): void {
  describe('a community forms', () => {
    let bot: Driver;
    beforeAll(async () => {
      bot = await makeDriver();
    });
    afterAll(async () => {
      await bot.close();
    });

    it('makes the first person the coordinator and lets them create a community in the channel', async () => {
      const seen = await bot.send('carla', 'create Math', { channel: 'math' });
      const answer = textsTo(seen, 'asker');
      expect(answer).toContain(t('en', 'create.done', { community: 'Math' }));
      expect(answer).toContain('coordinator');
    });

    it('lets a teacher join from the channel and see the members', async () => {
      expect(textsTo(await bot.send('ana', 'join', { channel: 'math' }), 'asker')).toContain('Welcome to Math!');
      const members = textsTo(await bot.send('ana', 'members', { channel: 'math' }), 'asker');
      expect(members).toContain('Math: 2 members');
      expect(members).toMatch(/carla · lead/);
      expect(members).toMatch(/ana · member/);
    });

    it('refuses a member who tries to hand out roles, and lets the lead do it', async () => {
      expect(textsTo(await bot.send('ana', 'role @ben coach', { channel: 'math' }), 'asker')).toContain(
        'Only a lead of Math or a coordinator can do that.',
      );
      expect(textsTo(await bot.send('carla', 'role @ben coach', { channel: 'math' }), 'asker')).toMatch(/ben joined Math as coach/);
    });

    it('answers an unknown command with a suggestion, not a crash', async () => {
      const answer = textsTo(await bot.send('ana', 'memebrs', { channel: 'math' }), 'asker');
      expect(answer).toContain('I don’t know the command “memebrs”.');
      expect(answer).toContain('Did you mean');
    });

    it('speaks the language a teacher chooses', async () => {
      await bot.send('ana', 'lang de', { channel: null });
      const help = textsTo(await bot.send('ana', 'help', { channel: null }), 'asker');
      expect(help).toContain(t('de', 'help.title'));
      const arabic = textsTo(await bot.send('ben', 'lang ar', { channel: null }), 'asker');
      expect(arabic).toContain(t('ar', 'lang.set'));
    });
  });

  describe('a community meets on a cadence', () => {
    let bot: Driver;
    // The drivers start their clocks at SCHOOL_YEAR_START (Tuesday 2026-09-01 08:00 UTC); the meeting is
    // the next day at 15:30 in Berlin, so its 24-hour reminder falls due 5.5 hours in.
    const meetingAt = Date.parse('2026-09-02T13:30:00Z');
    const when = formatWhen(meetingAt, 'Europe/Berlin', 'en', SCHOOL_YEAR_START);
    beforeAll(async () => {
      bot = await makeDriver();
      await bot.send('carla', 'create Science', { channel: 'science' });
      await bot.send('ana', 'join', { channel: 'science' });
      await bot.send('carla', 'settings tz Europe/Berlin', { channel: 'science' });
    });
    afterAll(async () => {
      await bot.close();
    });

    it('lets the lead schedule weekly meetings and names the next one', async () => {
      const answer = textsTo(await bot.send('carla', 'schedule weekly wed 15:30 where Room 12', { channel: 'science' }), 'asker');
      expect(answer).toContain(t('en', 'nextMeeting.line', { when }));
      expect(answer).toContain(t('en', 'schedule.where', { where: 'Room 12' }));
    });

    it('refuses a member who tries to change the schedule', async () => {
      const answer = textsTo(await bot.send('ana', 'schedule weekly thu 09:00', { channel: 'science' }), 'asker');
      expect(answer).toContain(t('en', 'error.notLead', { community: 'Science' }));
    });

    it('takes an agenda item from a member', async () => {
      const answer = textsTo(await bot.send('ana', 'agenda add Exit tickets', { channel: 'science' }), 'asker');
      expect(answer).toContain('Exit tickets');
    });

    let reminder: Seen;
    it('reminds the channel a day before, with the agenda, the duties and buttons to answer', async () => {
      reminder = onlyTo(await bot.advance(6 * 3_600_000), '#science');
      expect(reminder.edited).toBe(false);
      expect(reminder.text).toContain(t('en', 'meeting.reminder', { community: 'Science', when }));
      expect(reminder.text).toContain('Exit tickets');
      expect(reminder.text).toContain(t('en', 'meeting.label.facilitator'));
      expect(reminder.buttons).toEqual([t('en', 'meeting.rsvpYes'), t('en', 'meeting.rsvpNo')]);
    });

    it('records an rsvp and shows it as attendance', async () => {
      const answer = textsTo(await bot.send('ana', 'rsvp yes', { channel: 'science' }), 'asker');
      expect(answer).toContain(t('en', 'rsvp.yes', { when }));
      const next = textsTo(await bot.send('carla', 'next', { channel: 'science' }), 'asker');
      expect(next).toContain(t('en', 'meeting.attendance', { yes: 1, no: 0 }));
    });

    it('takes an rsvp from the button on the reminder, answering only the person who pressed it', async () => {
      const seen = await bot.press('carla', reminder, t('en', 'meeting.rsvpYes'));
      expect(textsTo(seen, 'asker')).toContain(t('en', 'rsvp.yes', { when }));
      expect(messagesTo(seen, '#science')).toEqual([]);
    });

    it('updates the posted reminder in place after an rsvp', async () => {
      const inChannel = messagesTo(await bot.advance(60_000), '#science');
      // One edit of the reminder posted earlier, and no second post: a re-post would fail here.
      expect(inChannel.map((s) => ({ edited: s.edited, id: s.id }))).toEqual([{ edited: true, id: reminder.id }]);
      const updated = inChannel[0]?.text;
      expect(updated).toContain(t('en', 'meeting.reminder', { community: 'Science', when }));
      expect(updated).toContain(t('en', 'meeting.attendance', { yes: 2, no: 0 }));
    });
  });

  describe('a teacher in two communities', () => {
    let bot: Driver;
    beforeAll(async () => {
      bot = await makeDriver();
      await bot.send('carla', 'create Math', { channel: 'math' });
      await bot.send('carla', 'create Science', { channel: 'science' });
      await bot.send('ana', 'join', { channel: 'math' });
      await bot.send('ana', 'join', { channel: 'science' });
    });
    afterAll(async () => {
      await bot.close();
    });

    let picker: Seen;
    it('asks which community a command in a direct message is about, with a button for each', async () => {
      picker = onlyTo(await bot.send('ana', 'agenda add Fractions', { channel: null }), 'asker');
      expect(picker.text).toContain(t('en', 'community.pick'));
      expect(picker.buttons).toEqual(['Math', 'Science']);
    });

    it('runs the command in the community whose button is pressed', async () => {
      expect(textsTo(await bot.press('ana', picker, 'Science'), 'asker')).toMatch(/Added #\d+ to the agenda: Fractions/);
      expect(textsTo(await bot.send('ana', 'agenda', { channel: 'science' }), 'asker')).toContain('Fractions');
      expect(textsTo(await bot.send('ana', 'agenda', { channel: 'math' }), 'asker')).not.toContain('Fractions');
    });

    it('opens a form for an agenda item typed without text, and adds what is submitted', async () => {
      const asked = onlyTo(await bot.send('ana', 'agenda add', { channel: 'math' }), 'asker');
      expect(asked.form).toEqual({ title: t('en', 'agenda.form.title'), fields: [t('en', 'agenda.form.text')] });
      const submitted = await bot.submit('ana', asked, { [t('en', 'agenda.form.text')]: 'Exit tickets & peer review' });
      expect(textsTo(submitted, 'asker')).toMatch(/Added #\d+ to the agenda: Exit tickets & peer review/);
      expect(textsTo(await bot.send('carla', 'agenda', { channel: 'math' }), 'asker')).toContain('Exit tickets & peer review');
    });
  });

  describe('a teacher takes a break, and the school a holiday', () => {
    let bot: Driver;
    beforeAll(async () => {
      bot = await makeDriver();
      await bot.send('carla', 'create Art', { channel: 'art' });
      await bot.send('ana', 'join', { channel: 'art' });
      await bot.send('ben', 'join', { channel: 'art' });
      await bot.send('carla', 'schedule weekly wed 15:30', { channel: 'art' });
    });
    afterAll(async () => {
      await bot.close();
    });

    it('pauses a teacher until a date, handing on the duty she held', async () => {
      expect(textsTo(await bot.send('carla', 'next', { channel: 'art' }), 'asker')).toMatch(/Note-taker: @ana/);
      const answer = textsTo(await bot.send('ana', 'pause until 2026-09-10', { channel: null }), 'asker');
      expect(answer).toContain('You are paused until Thursday, September 10, 2026.');
      const next = textsTo(await bot.send('carla', 'next', { channel: 'art' }), 'asker');
      expect(next).not.toMatch(/(Facilitator|Note-taker): @ana/);
    });

    it('ends the pause when she resumes', async () => {
      expect(textsTo(await bot.send('ana', 'resume', { channel: null }), 'asker')).toContain(t('en', 'resume.done'));
      expect(textsTo(await bot.send('ana', 'resume', { channel: null }), 'asker')).toContain(t('en', 'resume.notPaused'));
    });

    it('lets the coordinator give the whole school a holiday, and only the coordinator', async () => {
      expect(textsTo(await bot.send('ana', 'holiday all 2026-09-14 2026-09-18 Autumn', { channel: 'art' }), 'asker')).toContain(
        t('en', 'error.notCoordinator'),
      );
      const answer = textsTo(await bot.send('carla', 'holiday all 2026-09-14 2026-09-18 Autumn', { channel: 'art' }), 'asker');
      expect(answer).toContain(t('en', 'holiday.allDone', { from: '2026-09-14', to: '2026-09-18', count: 1 }));
      expect(textsTo(await bot.send('ben', 'holidays', { channel: 'art' }), 'asker')).toContain('2026-09-14 – 2026-09-18 Autumn');
    });
  });

  goalsChapter(makeDriver);
  reflectionsChapter(makeDriver);
  viewsChapter(makeDriver);
  knowledgeChapter(makeDriver);
  pairingChapter(makeDriver);
  privacyChapter(makeDriver);
  summariesChapter(makeDriver);
  firstContactChapter(makeDriver);
  lifecycleChapter(makeDriver);
}
