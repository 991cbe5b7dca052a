import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repos } from '../../../src/capabilities/meetings/store/index.js';
import { formatWhen } from '../../../src/capabilities/meetings/views.js';
import { t } from '../../../src/i18n/translate.js';
import { SCHOOL_YEAR_START, type TestApp, testApp } from '../../support/app.js';
import { answerText, run } from '../../support/bot.js';
import { DAY, HOUR, recordSends, type Sent } from './recorder.js';
import { weeklyMath } from './school.js';

let app: TestApp;
let sent: Sent[];
const say = (user: string, text: string) => answerText(run(app, user, text, { channel: 'math' }));
const when = (iso: string) => formatWhen(Date.parse(iso), 'Europe/Copenhagen', 'en', SCHOOL_YEAR_START);
const reminders = () => sent.filter((s) => s.to === '#math' && s.text.includes('Math meets'));

/** A community in Copenhagen with a lead and three teachers, meeting Wednesdays at 15:30 local time. */
beforeEach(() => {
  app = testApp();
  sent = recordSends(app);
  weeklyMath(app);
});
afterEach(async () => {
  await app.dispose();
});

describe('reminders', () => {
  it('reminds the channel a day and an hour before, at the right instant', async () => {
    await app.advance(SCHOOL_YEAR_START + 2 * DAY);
    expect(reminders().map((s) => s.at)).toEqual(['2026-09-01T13:30:00.000Z', '2026-09-02T12:30:00.000Z']);
    expect(reminders()[0]?.text).toContain(t('en', 'meeting.reminder', { community: 'Math', when: when('2026-09-02T13:30:00Z') }));
  });

  it('follows `remind` and never sends the same reminder twice when replanned', async () => {
    expect(say('carla', 'remind 2d,30m')).toContain(t('en', 'remind.done', { community: 'Math', count: 2, list: '2d, 30m' }));
    say('carla', 'remind 2d,30m');
    await app.advance(SCHOOL_YEAR_START + 9 * DAY);
    // Wednesday 2 Sept is less than two days away: its two-day reminder goes out late, at once, and only once.
    expect(reminders().map((s) => s.at)).toEqual([
      '2026-09-01T08:00:00.000Z',
      '2026-09-02T13:00:00.000Z',
      '2026-09-07T13:30:00.000Z',
      '2026-09-09T13:00:00.000Z',
    ]);
  });

  it('names a facilitator and note-taker and offers rsvp buttons', async () => {
    await app.advance(SCHOOL_YEAR_START + 6 * HOUR);
    const view = reminders()[0]?.view;
    const buttons = view?.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons.map((x) => x.command) : []));
    expect(buttons).toEqual(['rsvp yes #1', 'rsvp no #1']);
    expect(reminders()[0]?.text).toMatch(/Facilitator: @carla\nNote-taker: @ana/);
  });
});

describe('attendance and duties', () => {
  it('turns rsvps into attendance', () => {
    expect(say('ana', 'rsvp yes')).toContain(t('en', 'rsvp.yes', { when: when('2026-09-02T13:30:00Z') }));
    say('ben', 'rsvp yes #1');
    say('dora', 'rsvp no #1');
    say('ben', 'rsvp no #1');
    const rows = repos(app.store)
      .meetings.rsvps(1)
      .map((r) => `${r.displayName}:${r.answer}`);
    expect(rows).toEqual(['ana:yes', 'ben:no', 'dora:no']);
    expect(say('carla', 'next')).toContain(`Coming: ${t('en', 'meeting.attendance', { yes: 1, no: 2 })} (ana)`);
  });

  it('hands the duty of someone who cannot come to the next in the rotation', () => {
    const answer = say('ana', 'rsvp no');
    expect(answer).toContain(t('en', 'rsvp.handedOver', { name: '@ben', duty: t('en', 'duty.noteTaker') }));
    expect(say('carla', 'next')).toMatch(/Note-taker: @ben/);
  });

  it('skips paused and deactivated members and guests', () => {
    const ws = app.store.workspaces.find('console', 'school-a')?.id as number;
    const ana = app.store.users.findByExternal(ws, 'ana')?.id as number;
    app.store.db.prepare("UPDATE users SET paused_until = '2026-09-10' WHERE id = ?").run(ana);
    app.store.users.setDeactivated(ws, app.store.users.findByExternal(ws, 'ben')?.id as number, SCHOOL_YEAR_START);
    say('carla', 'role @dora guest');
    say('carla', 'role @emil member');
    say('carla', 'schedule weekly thu 15:30');
    const next = say('carla', 'next');
    expect(next).toMatch(/Facilitator: @carla\nNote-taker: @emil/);
  });

  it('rotates both duties evenly over a term', async () => {
    await app.advance(SCHOOL_YEAR_START + 12 * 7 * DAY);
    const served = repos(app.store)
      .meetings.list(1)
      .filter((m) => m.startsAt < app.clock.now().getTime());
    expect(served).toHaveLength(12);
    const tally = (key: 'facilitatorId' | 'noteTakerId') => {
      const counts = new Map<number | null, number>();
      for (const m of served) counts.set(m[key], (counts.get(m[key]) ?? 0) + 1);
      return [...counts.values()];
    };
    expect(tally('facilitatorId')).toEqual([3, 3, 3, 3]);
    expect(tally('noteTakerId')).toEqual([3, 3, 3, 3]);
    for (const m of served) expect(m.facilitatorId).not.toBe(m.noteTakerId);
  });
});

describe('holidays, cancellations and moves', () => {
  it('leaves the duty rotation alone when a holiday skips a meeting whose duties were already named', async () => {
    // The reminder a day before names carla and ana for Wednesday 2 September; then the day becomes a holiday.
    await app.advance(SCHOOL_YEAR_START + 6 * 3_600_000);
    expect(reminders()[0]?.text).toMatch(/Facilitator: @carla\nNote-taker: @ana/);
    say('carla', 'holiday 2026-09-02 2026-09-02 Staff day');
    // Carla and ana did not serve: the next meeting is still their turn.
    expect(say('ana', 'next')).toMatch(/Wednesday, September 9[\s\S]*Facilitator: @carla\nNote-taker: @ana/);
  });

  it('skips meetings in a holiday and tells the team once', async () => {
    expect(say('carla', 'holiday 2026-09-07 2026-09-20 Autumn break')).toContain(
      t('en', 'holiday.done', { community: 'Math', from: '2026-09-07', to: '2026-09-20', count: 2 }),
    );
    say('carla', 'remind 24h,1h');
    await app.advance(SCHOOL_YEAR_START + 30 * DAY);
    const notices = sent.filter((s) => s.text.includes('does not meet'));
    expect(notices).toHaveLength(1);
    expect(notices[0]?.text).toContain('Autumn break');
    const days = reminders().map((s) => s.at.slice(0, 10));
    expect(days).not.toContain('2026-09-08');
    expect(days).not.toContain('2026-09-15');
    expect(days).toContain('2026-09-22');
    expect(say('ana', 'holidays')).toContain('2026-09-07 – 2026-09-20 Autumn break');
  });

  it('skips a holiday of the whole school in every community, each of which hears once', async () => {
    run(app, 'carla', 'create Science', { channel: 'science' });
    run(app, 'carla', 'schedule weekly mon 14:00', { channel: 'science' });
    expect(say('ana', 'holiday all 2026-09-07 2026-09-20 Autumn break')).toContain(t('en', 'error.notCoordinator'));
    expect(say('carla', 'holiday all 2026-09-07 2026-09-20 Autumn break')).toBe(
      'A holiday for the whole school from 2026-09-07 to 2026-09-20: every community skips it (2 communities today).',
    );
    await app.advance(SCHOOL_YEAR_START + 30 * DAY);
    for (const channel of ['#math', '#science']) {
      const posted = sent.filter((s) => s.to === channel);
      expect(posted.filter((s) => s.text.includes('does not meet'))).toHaveLength(1);
      const days = posted.filter((s) => s.text.includes('meets')).map((s) => s.at.slice(0, 10));
      expect(days.filter((d) => d >= '2026-09-07' && d < '2026-09-20')).toEqual([]);
      expect(days.some((d) => d >= '2026-09-20')).toBe(true);
    }
    expect(say('ana', 'holidays')).toContain('2026-09-07 – 2026-09-20 Autumn break');
  });

  it('cancels one meeting and reminds for the next', async () => {
    expect(say('carla', 'cancel 2026-09-02')).toContain(
      t('en', 'cancel.done', { community: 'Math', date: 'Wednesday, September 2, 2026' }),
    );
    await app.advance(SCHOOL_YEAR_START + 9 * DAY);
    expect(reminders().map((s) => s.at.slice(0, 10))).toEqual(['2026-09-08', '2026-09-09']);
    expect(say('ana', 'cancel 2026-09-16')).toContain(t('en', 'error.notLead', { community: 'Math' }));
    expect(say('carla', 'cancel 2026-09-17')).toContain(
      t('en', 'error.noOccurrence', { community: 'Math', date: 'Thursday, September 17, 2026' }),
    );
  });

  it('moves one meeting to another day and time, local to the community', async () => {
    say('carla', 'move 2026-09-02 2026-09-03 09:00');
    expect(say('ana', 'next')).toContain(when('2026-09-03T07:00:00Z'));
    await app.advance(SCHOOL_YEAR_START + 3 * DAY);
    expect(reminders().map((s) => s.at)).toEqual(['2026-09-02T07:00:00.000Z', '2026-09-03T06:00:00.000Z']);
  });

  it('stops reminding when the schedule is turned off', async () => {
    expect(say('carla', 'schedule off')).toContain(t('en', 'schedule.off', { community: 'Math' }));
    await app.advance(SCHOOL_YEAR_START + 14 * DAY);
    expect(reminders()).toEqual([]);
    expect(say('ana', 'next')).toContain(t('en', 'error.noSchedule', { community: 'Math', command: '/plc schedule weekly tue 15:30' }));
  });
});

describe('agenda and notes', () => {
  it('offers a form for an agenda item typed without text, which submits `agenda add -- {text}`', () => {
    const handled = run(app, 'ana', 'agenda add', { channel: 'math' });
    const block = handled.deliveries[0]?.view.blocks[0];
    expect(block).toMatchObject({ type: 'form', form: { id: 'agenda-add', command: 'agenda add -- {text}' } });
    expect(block?.type === 'form' && block.form.fields.map((f) => [f.name, f.kind])).toEqual([['text', 'multiline']]);
  });

  it('refuses the form submitted blank as missing text, instead of offering the form again', () => {
    const blank = run(app, 'ana', 'agenda add -- ', { channel: 'math' });
    expect(blank.refused).toBe(true);
    expect(answerText(blank)).toContain(t('en', 'error.textRequired'));
    expect(say('ana', 'agenda add -- Exit tickets')).toContain('Exit tickets');
  });

  it('keeps items for the next meeting, and lets only their author or a lead remove them', async () => {
    expect(say('ana', 'agenda add Exit tickets')).toContain('Added #2 to the agenda: Exit tickets');
    say('ben', 'agenda add Grading rubric');
    expect(say('ben', 'agenda remove #2')).toContain(t('en', 'error.notYourAgendaItem', { ref: '#2' }));
    expect(say('carla', 'agenda remove #3')).toContain(t('en', 'agenda.removed', { ref: '#3' }));
    expect(say('dora', 'agenda')).toMatch(/#2 Exit tickets · ana/);
    await app.advance(SCHOOL_YEAR_START + 2 * DAY);
    // The item went to the meeting that started; the next agenda is empty again.
    expect(say('dora', 'agenda')).toContain(t('en', 'agenda.empty', { command: '/plc agenda add' }));
  });

  it('posts notes to the channel, keeps them, and nudges the note-taker once when none came', async () => {
    await app.advance(Date.parse('2026-09-02T18:00:00Z'));
    const nudges = () => sent.filter((s) => s.to === '@ana');
    expect(nudges()).toHaveLength(1);
    expect(nudges()[0]?.text).toContain('Please post them with /plc in Math notes #1 <text>');
    expect(say('ben', 'notes We agreed on exit tickets')).toContain(t('en', 'error.notNoteTaker', { ref: '#1' }));
    expect(say('ana', 'notes We agreed on exit tickets')).toContain(t('en', 'notes.saved', { ref: '#1' }));
    expect(repos(app.store).meetings.get(1)?.notes).toBe('We agreed on exit tickets');
    await app.advance(Date.parse('2026-09-10T18:00:00Z'));
    // Meeting #… on 9 September has notes from nobody: its note-taker gets a nudge, ana none again.
    expect(nudges()).toHaveLength(1);
    expect(sent.filter((s) => s.text.includes('Please post them')).length).toBe(2);
  });
});

describe('help and home', () => {
  it('lists every cadence command in help, with its usage line', () => {
    const help = say('ana', 'help');
    for (const entry of ['schedule', 'remind', 'holiday', 'holidays', 'cancel', 'move', 'next', 'agenda', 'rsvp', 'notes', 'calendar']) {
      expect(help).toContain(`/plc ${t('en', `cmd.${entry}.usage` as never)}`);
    }
  });

  it('shows the next meeting on the home view', () => {
    expect(say('ana', 'home')).toContain(t('en', 'home.nextMeeting', { community: 'Math', when: when('2026-09-02T13:30:00Z') }));
  });

  it('answers in the teacher’s language, with the local weekday', () => {
    say('ben', 'lang de');
    expect(say('ben', 'next')).toContain(formatWhen(Date.parse('2026-09-02T13:30:00Z'), 'Europe/Copenhagen', 'de', SCHOOL_YEAR_START));
    expect(say('ben', 'rsvp no')).toContain(
      t('de', 'rsvp.no', { when: formatWhen(Date.parse('2026-09-02T13:30:00Z'), 'Europe/Copenhagen', 'de', SCHOOL_YEAR_START) }),
    );
  });
});
