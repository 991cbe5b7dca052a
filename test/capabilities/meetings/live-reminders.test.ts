import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../../adapters/console/console.js';
import { repos } from '../../../src/capabilities/meetings/store/index.js';
import { formatWhen } from '../../../src/capabilities/meetings/views.js';
import { t } from '../../../src/i18n/translate.js';
import { RecipientGoneError } from '../../../src/ports.js';
import { parseTranscript } from '../../conversation/console-driver.js';
import { SCHOOL_YEAR_START, type TestApp, testApp } from '../../support/app.js';
import { answerText, run } from '../../support/bot.js';
import { DAY, HOUR, type Recording, recordMessages } from './recorder.js';
import { weeklyMath } from './school.js';

let app: TestApp;
let rec: Recording;
const say = (user: string, text: string) => answerText(run(app, user, text, { channel: 'math' }));
const when = (iso: string) => formatWhen(Date.parse(iso), 'Europe/Copenhagen', 'en', SCHOOL_YEAR_START);
const reminders = () => rec.sent.filter((s) => s.to === '#math' && s.text.includes('Math meets'));
/** Runs what is due at the current instant: the refresh a command queued, as the live ticker would at once. */
const settle = () => app.advance(app.clock.now().getTime());
const refreshJobs = () => (app.store.db.prepare("SELECT COUNT(*) AS n FROM jobs WHERE kind = 'meeting.refresh'").get() as { n: number }).n;
const coming = (yes: number, names: string) => `Coming: ${t('en', 'meeting.attendance', { yes, no: 0 })} (${names})`;

/** Math in Copenhagen meets Wednesdays at 15:30; its 24-hour reminder is posted on Tuesday at 13:30 UTC. */
beforeEach(() => {
  app = testApp();
  rec = recordMessages(app);
  weeklyMath(app);
});
afterEach(async () => {
  await app.dispose();
});

describe('live reminders', () => {
  it('updates the posted reminder in place when someone answers, and posts nothing new', async () => {
    await app.advance(SCHOOL_YEAR_START + 6 * HOUR);
    expect(reminders()).toHaveLength(1);
    const post = reminders()[0]?.sent;
    expect(repos(app.store).reminderPosts.ofMeeting(1)).toEqual([post]);
    say('ana', 'rsvp yes');
    await settle();
    expect(rec.updates.map((u) => u.target)).toEqual([post]);
    expect(rec.updates[0]?.text).toContain(coming(1, 'ana'));
    expect(rec.updates[0]?.text).toContain(t('en', 'meeting.reminder', { community: 'Math', when: when('2026-09-02T13:30:00Z') }));
    expect(rec.sent).toHaveLength(1);
  });

  it('turns a burst of answers into one update, and a later answer into another', async () => {
    await app.advance(SCHOOL_YEAR_START + 6 * HOUR);
    for (const p of ['ana', 'ben', 'dora']) say(p, 'rsvp yes');
    await settle();
    expect(refreshJobs()).toBe(1);
    expect(rec.updates).toHaveLength(1);
    expect(rec.updates[0]?.text).toContain(coming(3, 'ana, ben, dora'));
    // The clock has not moved since that refresh ran; the next change still gets a refresh of its own.
    say('carla', 'rsvp yes');
    await settle();
    expect(rec.updates).toHaveLength(2);
    expect(rec.updates[1]?.text).toContain(coming(4, 'ana, ben, carla, dora'));
  });

  it('updates every posted reminder of the meeting when its facilitator cannot come', async () => {
    await app.advance(Date.parse('2026-09-02T12:45:00Z'));
    const posts = reminders().map((s) => s.sent);
    expect(posts).toHaveLength(2);
    expect(reminders()[1]?.text).toMatch(/Facilitator: @carla/);
    say('carla', 'rsvp no');
    await settle();
    expect(rec.updates.map((u) => u.target)).toEqual(posts);
    for (const u of rec.updates) expect(u.text).not.toMatch(/Facilitator: @carla/);
  });

  it('shows agenda items as they are added and removed', async () => {
    await app.advance(SCHOOL_YEAR_START + 6 * HOUR);
    say('ana', 'agenda add Exit tickets');
    await settle();
    expect(rec.updates.at(-1)?.text).toMatch(/#2 Exit tickets · ana/);
    say('ana', 'agenda remove #2');
    await settle();
    expect(rec.updates).toHaveLength(2);
    expect(rec.updates.at(-1)?.text).not.toContain('Exit tickets');
    expect(rec.updates.at(-1)?.text).toContain(t('en', 'meeting.agendaEmpty', { command: '/plc agenda add' }));
  });

  it('shows a cancelled meeting as cancelled, without rsvp buttons, and sends no more of its reminders', async () => {
    await app.advance(SCHOOL_YEAR_START + 6 * HOUR);
    say('carla', 'cancel 2026-09-02');
    await settle();
    const update = rec.updates[0];
    expect(update?.target).toEqual(reminders()[0]?.sent);
    expect(update?.text).toContain(t('en', 'reminder.cancelled', { community: 'Math', when: when('2026-09-02T13:30:00Z') }));
    expect(update?.view.blocks.some((b) => b.type === 'actions')).toBe(false);
    await app.advance(Date.parse('2026-09-02T14:00:00Z'));
    expect(reminders()).toHaveLength(1);
  });

  it('shows a moved meeting at its new time', async () => {
    await app.advance(SCHOOL_YEAR_START + 6 * HOUR);
    say('carla', 'move 2026-09-02 2026-09-03 09:00');
    await settle();
    expect(rec.updates[0]?.text).toContain(t('en', 'meeting.reminder', { community: 'Math', when: when('2026-09-03T07:00:00Z') }));
    expect(rec.sent).toHaveLength(1);
  });

  it('drops an update whose post is gone, and stops updating that post', async () => {
    await app.advance(SCHOOL_YEAR_START + 6 * HOUR);
    rec.failUpdates = new RecipientGoneError('message deleted');
    say('ana', 'rsvp yes');
    await settle();
    expect(rec.updates).toEqual([]);
    expect(app.store.jobs.counts()).toMatchObject({ failed: 0, running: 0 });
    expect(repos(app.store).reminderPosts.ofMeeting(1)).toEqual([]);
    say('ben', 'rsvp yes');
    await settle();
    expect(refreshJobs()).toBe(1);
    expect(rec.sent).toHaveLength(1);
  });

  it('logs and drops any other failed update, and updates the post again on the next change', async () => {
    await app.advance(SCHOOL_YEAR_START + 6 * HOUR);
    rec.failUpdates = new Error('message_not_found');
    say('ana', 'rsvp yes');
    await settle();
    // What waits is the meeting's 1-hour reminder and start, the core's daily prune and the daily retention job:
    // no retry of the update.
    expect(app.store.jobs.counts()).toMatchObject({ failed: 0, running: 0, pending: 4 });
    rec.failUpdates = null;
    say('ben', 'rsvp yes');
    await settle();
    expect(rec.updates).toHaveLength(1);
    expect(rec.updates[0]?.text).toContain(coming(2, 'ana, ben'));
    expect(rec.sent).toHaveLength(1);
  });
});

describe('live reminders in the console', () => {
  it('prints the update as a `#channel (updated)` block with the new attendance', async () => {
    const output = new PassThrough();
    let out = '';
    output.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    // An app of its own: the shared one's community would post through the console adapter too.
    const own = testApp();
    const adapter = new ConsoleAdapter({ app: own, clock: own.clock, input: new PassThrough(), output });
    // The console is a workspace of its own: the team forms there, in UTC, and meets Wednesday at 15:30.
    const lines = [':as carla', ':in #math', '/plc create Math', '/plc schedule weekly wed 15:30', ':as ana', '/plc join', ':clock +8h'];
    for (const line of [...lines, '/plc rsvp yes', ':clock +1m']) await adapter.line(line);
    await own.dispose();
    const blocks = parseTranscript(out).filter((s) => s.to === '#math' && s.text.includes('Math meets'));
    expect(blocks.map((b) => b.recipient)).toEqual(['#math', '#math (updated)']);
    expect(blocks[1]?.text).toContain(coming(1, 'ana'));
    expect(blocks[0]?.text).not.toContain('(ana)');
  });
});

describe('reminders further ahead', () => {
  it('reminds of each weekly meeting exactly once with `remind 7d`, a week ahead', async () => {
    say('carla', 'remind 7d');
    await app.advance(SCHOOL_YEAR_START + 14 * DAY);
    // Replanning mid-term (a lead repeats the setting) queues nothing twice.
    say('carla', 'remind 7d');
    await app.advance(SCHOOL_YEAR_START + 35 * DAY);
    const meetings = ['09-02', '09-09', '09-16', '09-23', '09-30', '10-07'].map((d) => when(`2026-${d}T13:30:00Z`));
    expect(reminders().map((s) => meetings.findIndex((m) => s.text.includes(m)))).toEqual([0, 1, 2, 3, 4, 5]);
    // The first meeting is a day away when the lead asks for a week: its reminder goes out at once.
    expect(reminders().map((s) => s.at)).toEqual([
      '2026-09-01T08:00:00.000Z',
      '2026-09-02T13:30:00.000Z',
      '2026-09-09T13:30:00.000Z',
      '2026-09-16T13:30:00.000Z',
      '2026-09-23T13:30:00.000Z',
      '2026-09-30T13:30:00.000Z',
    ]);
  });

  it('takes the items of a meeting that started off the reminder already posted for the next one', async () => {
    say('carla', 'remind 7d');
    say('ana', 'agenda add Exit tickets');
    await app.advance(Date.parse('2026-09-02T14:00:00Z'));
    const nextWeek = reminders().find((s) => s.text.includes(when('2026-09-09T13:30:00Z')));
    const shown = rec.updates.filter((u) => u.target.message === nextWeek?.sent.message).at(-1) ?? nextWeek;
    expect(shown?.text).toContain(t('en', 'meeting.agendaEmpty', { command: '/plc agenda add' }));
    expect(
      repos(app.store)
        .agenda.ofMeeting(1)
        .map((a) => a.text),
    ).toEqual(['Exit tickets']);
  });

  it('sends only the latest of the reminders whose time had passed when they were planned', async () => {
    say('carla', 'remind 3d,2d');
    say('carla', 'remind 3d,2d');
    await app.advance(Date.parse('2026-09-08T00:00:00Z'));
    expect(reminders().map((s) => s.at)).toEqual(['2026-09-01T08:00:00.000Z', '2026-09-06T13:30:00.000Z', '2026-09-07T13:30:00.000Z']);
    expect(app.store.jobs.byKey(`meeting.remind:1:2880:${Date.parse('2026-09-02T13:30:00Z')}`)?.state).toBe('done');
  });
});

describe('moving a meeting', () => {
  it('refuses a time already past, in the lead’s language, and leaves the meeting where it was', () => {
    expect(say('carla', 'move 2026-09-02 2026-09-01 07:00')).toContain(t('en', 'error.moveToPast', { when: when('2026-09-01T05:00:00Z') }));
    expect(say('ana', 'next')).toContain(when('2026-09-02T13:30:00Z'));
    say('carla', 'lang nl');
    expect(say('carla', 'move 2026-09-02 2026-09-01 10:00')).toContain(
      t('nl', 'error.moveToPast', { when: formatWhen(Date.parse('2026-09-01T08:00:00Z'), 'Europe/Copenhagen', 'nl', SCHOOL_YEAR_START) }),
    );
  });
});
