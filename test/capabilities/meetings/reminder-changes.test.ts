import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repos } from '../../../src/capabilities/meetings/store/index.js';
import { formatWhen } from '../../../src/capabilities/meetings/views.js';
import { t } from '../../../src/i18n/translate.js';
import type { View } from '../../../src/views/view.js';
import { SCHOOL_YEAR_START, type TestApp, testApp } from '../../support/app.js';
import { answerText, run } from '../../support/bot.js';
import { type Recording, recordMessages } from './recorder.js';
import { weeklyMath } from './school.js';

let app: TestApp;
let rec: Recording;
const say = (user: string, text: string) => answerText(run(app, user, text, { channel: 'math' }));
const when = (iso: string) => formatWhen(Date.parse(iso), 'Europe/Copenhagen', 'en', SCHOOL_YEAR_START);
const FIRST = '2026-09-02T13:30:00Z';
const reminders = () => rec.sent.filter((s) => s.to === '#math' && s.text.includes('Math meets'));
/** Runs what is due at the current instant, as the live ticker would at once. */
const settle = () => app.advance(app.clock.now().getTime());
const hasButtons = (v: View) => v.blocks.some((b) => b.type === 'actions');
const duty = (text: string, label: string) => new RegExp(`${label}: (@\\w+|nobody yet)`).exec(text)?.[1];

/** Math in Copenhagen meets Wednesdays at 15:30; its 24-hour reminder is posted on Tuesday at 13:30 UTC. */
beforeEach(() => {
  app = testApp();
  rec = recordMessages(app);
  weeklyMath(app);
});
afterEach(async () => {
  await app.dispose();
});

describe('a holiday over a meeting already announced', () => {
  it('turns the posted reminder into a skipped notice in place, and the team still hears once', async () => {
    await app.advance(SCHOOL_YEAR_START + 6 * 3_600_000);
    const post = reminders()[0]?.sent;
    expect(reminders()).toHaveLength(1);
    say('carla', 'holiday 2026-09-02 2026-09-04 Autumn break');
    await settle();
    expect(rec.updates.map((u) => u.target)).toEqual([post]);
    const update = rec.updates[0];
    expect(update?.text).toContain(t('en', 'reminder.holiday', { community: 'Math', when: when(FIRST), holiday: 'Autumn break' }));
    expect(update && hasButtons(update.view)).toBe(false);
    // The one-time holiday notice is the only new post, and the meeting is not reminded of again.
    await app.advance(Date.parse('2026-09-03T00:00:00Z'));
    expect(rec.sent.map((s) => s.sent)).toEqual([post, rec.sent[1]?.sent]);
    expect(rec.sent[1]?.text).toContain('Autumn break');
    expect(rec.sent[1]?.text).not.toContain('Math meets');
    expect(rec.updates).toHaveLength(1);
  });

  it('leaves a posted reminder alone when the holiday does not cover its meeting', async () => {
    await app.advance(SCHOOL_YEAR_START + 6 * 3_600_000);
    say('carla', 'holiday 2026-09-09 2026-09-09');
    await settle();
    expect(rec.updates).toEqual([]);
  });

  it('changes nothing posted when no reminder is out yet; the notice still goes out', async () => {
    say('carla', 'holiday 2026-09-02 2026-09-02 Autumn break');
    await app.advance(SCHOOL_YEAR_START + 6 * 3_600_000);
    expect(rec.updates).toEqual([]);
    expect(reminders()).toEqual([]);
    expect(rec.sent.map((s) => s.text).join('\n')).toContain('Autumn break');
  });
});

describe('a new schedule over meetings already announced', () => {
  it('marks the posted reminders of the replaced meeting as no longer scheduled, and forgets them', async () => {
    await app.advance(Date.parse('2026-09-02T12:45:00Z'));
    const posts = reminders().map((s) => s.sent);
    expect(posts).toHaveLength(2);
    const meetingId = repos(app.store).meetings.byOccurrence(1, '2026-09-02')?.id as number;
    say('carla', 'schedule weekly thu 16:00');
    await settle();
    expect(rec.updates.map((u) => u.target)).toEqual(posts);
    for (const u of rec.updates) {
      expect(u.text).toContain(t('en', 'reminder.unscheduled', { community: 'Math', when: when(FIRST) }));
      expect(hasButtons(u.view)).toBe(false);
    }
    expect(rec.sent.map((s) => s.sent)).toEqual(posts);
    expect(repos(app.store).meetings.get(meetingId)).toBeNull();
    expect(repos(app.store).reminderPosts.ofMeeting(meetingId)).toEqual([]);
    // The new schedule's meeting is announced in a post of its own, and an answer updates that one only.
    await app.advance(Date.parse('2026-09-02T14:30:00Z'));
    expect(reminders()).toHaveLength(3);
    expect(reminders()[2]?.text).toContain(when('2026-09-03T14:00:00Z'));
    say('ana', 'rsvp yes');
    await settle();
    expect(rec.updates.slice(2).map((u) => u.target)).toEqual([reminders()[2]?.sent]);
  });

  it('marks them on `schedule off`, and a schedule set again announces its meeting afresh', async () => {
    await app.advance(SCHOOL_YEAR_START + 6 * 3_600_000);
    const post = reminders()[0]?.sent;
    say('carla', 'schedule off');
    await settle();
    expect(rec.updates.map((u) => u.target)).toEqual([post]);
    expect(rec.updates[0]?.text).toContain(t('en', 'reminder.unscheduled', { community: 'Math', when: when(FIRST) }));
    expect(rec.sent).toHaveLength(1);
    // The same meeting time again: a new meeting, whose overdue reminder goes out at once (not taken as sent).
    say('carla', 'schedule weekly wed 15:30');
    await settle();
    expect(reminders()).toHaveLength(2);
    expect(reminders()[1]?.sent).not.toEqual(post);
    expect(reminders()[1]?.text).toContain(t('en', 'meeting.reminder', { community: 'Math', when: when(FIRST) }));
    expect(reminders()[1] && hasButtons(reminders()[1]?.view as View)).toBe(true);
    expect(rec.updates).toHaveLength(1);
  });

  it('updates nothing when no reminder was posted', async () => {
    say('carla', 'schedule weekly thu 16:00');
    say('carla', 'schedule off');
    await settle();
    expect(rec.updates).toEqual([]);
    expect(app.store.jobs.counts().failed).toBe(0);
  });
});

describe('a duty holder who leaves or becomes a guest', () => {
  const posted = async () => {
    await app.advance(Date.parse('2026-09-02T12:45:00Z'));
    const last = reminders().at(-1)?.text ?? '';
    return { posts: reminders().map((s) => s.sent), facilitator: duty(last, 'Facilitator'), noteTaker: duty(last, 'Note-taker') };
  };

  it('hands the note-taking of one who leaves to the next in the rotation, in the posted reminders', async () => {
    const { posts, facilitator, noteTaker } = await posted();
    expect(noteTaker).toMatch(/^@(ana|ben|dora)$/);
    say(noteTaker?.slice(1) as string, 'leave');
    await settle();
    expect(rec.updates.map((u) => u.target)).toEqual(posts);
    for (const u of rec.updates) {
      expect(duty(u.text, 'Note-taker')).toMatch(/^@/);
      expect(duty(u.text, 'Note-taker')).not.toBe(noteTaker);
      expect(duty(u.text, 'Facilitator')).toBe(facilitator);
    }
    expect(rec.sent.map((s) => s.sent)).toEqual(posts);
  });

  it('hands the duty of one made a guest to the next in the rotation, in the posted reminders', async () => {
    const { posts, facilitator, noteTaker } = await posted();
    say('carla', `role ${noteTaker} guest`);
    await settle();
    expect(rec.updates.map((u) => u.target)).toEqual(posts);
    for (const u of rec.updates) {
      expect(duty(u.text, 'Note-taker')).not.toBe(noteTaker);
      expect(duty(u.text, 'Facilitator')).toBe(facilitator);
    }
    expect(rec.sent.map((s) => s.sent)).toEqual(posts);
  });

  it('updates nothing when the person held no duty, or nothing was posted', async () => {
    const { noteTaker, facilitator } = await posted();
    const bystander = ['@ana', '@ben', '@dora'].find((p) => p !== noteTaker && p !== facilitator) as string;
    say('carla', `role ${bystander} coach`);
    say(bystander.slice(1), 'leave');
    await settle();
    expect(rec.updates).toEqual([]);
    // Before any reminder is out, a change of duties has nothing to update and fails nothing.
    say('carla', 'schedule weekly thu 16:00');
    await settle();
    const before = rec.updates.length;
    for (const p of ['ana', 'ben', 'dora']) say('carla', `role @${p} guest`);
    await settle();
    expect(rec.updates).toHaveLength(before);
    expect(app.store.jobs.counts().failed).toBe(0);
  });
});
