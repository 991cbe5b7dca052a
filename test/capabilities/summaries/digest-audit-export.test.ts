import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditSince } from '../../../src/audit.js';
import { prepared } from '../../../src/store/db.js';
import { run } from '../../support/bot.js';
import { recordMessages } from '../meetings/recorder.js';
import { summaryApp } from './fakes.js';
import { NOTES_MARKER, type SummaryApp, say, seedSchool, userId } from './school.js';

let app: SummaryApp;
let rec: ReturnType<typeof recordMessages>;
beforeEach(async () => {
  app = summaryApp();
  rec = recordMessages(app);
  await seedSchool(app);
});
afterEach(async () => app.dispose());

const dm = (name: string) => rec.sent.filter((s) => s.to === `@${name}` && /digest|Übersicht/.test(s.text));
const at = async (iso: string) => {
  await app.advance(Date.parse(iso));
  app.clock.set(Date.parse(iso));
};

describe('digest', () => {
  it('arrives in the coordinator’s direct messages on schedule, in their language and time zone, once per occurrence', async () => {
    prepared(app.store.db, "UPDATE users SET tz = 'Europe/Berlin' WHERE external_id = 'Carla'").run();
    say(app, 'Carla', 'lang de', null);
    const answer = say(app, 'Carla', 'digest weekly mon 07:30', null);
    expect(answer).toContain('jeden Montag um 07:30 (Europe/Berlin)');
    expect(answer).toContain('Montag, 5. Oktober um 07:30');
    // 07:30 in Berlin is 05:30 UTC in October.
    await at('2026-10-05T05:29:00Z');
    expect(dm('Carla')).toHaveLength(0);
    await at('2026-10-05T05:31:00Z');
    expect(dm('Carla')).toHaveLength(1);
    const digest = dm('Carla')[0];
    expect(digest?.at).toBe('2026-10-05T05:30:00.000Z');
    expect(digest?.text).toContain('Deine Übersicht vom');
    expect(digest?.text).toContain('Alle 3 Gemeinschaften');
    expect(digest?.text).toContain('Liniendiagramm der Teilnahme');
    // Setting the same digest again does not send twice.
    say(app, 'Carla', 'digest weekly mon 07:30', null);
    await at('2026-10-12T06:00:00Z');
    expect(dm('Carla').map((d) => d.at)).toEqual(['2026-10-05T05:30:00.000Z', '2026-10-12T05:30:00.000Z']);
  });

  it('stops with digest off, and for someone who is no longer a coordinator', async () => {
    say(app, 'Carla', 'coordinator add @Lena', null);
    say(app, 'Lena', 'digest weekly mon 07:30', null);
    say(app, 'Carla', 'digest weekly mon 07:30', null);
    expect(say(app, 'Carla', 'digest off', null)).toContain('You will get no more digests.');
    expect(say(app, 'Carla', 'digest off', null)).toContain('You have no digest.');
    say(app, 'Carla', 'coordinator remove @Lena', null);
    await at('2026-10-20T06:00:00Z');
    expect(dm('Carla')).toHaveLength(0);
    expect(dm('Lena')).toHaveLength(0);
  });

  it('refuses a cadence it cannot read, and changes nothing', () => {
    expect(say(app, 'Carla', 'digest daily 07:30', null)).toContain('weekly');
    expect(app.store.jobs.anyKeyMatching('summaries.digest:*')).toBe(false);
  });

  it('is audited', () => {
    say(app, 'Carla', 'digest biweekly fri 16:00', null);
    say(app, 'Carla', 'digest off', null);
    const actions = auditSince(app.store, 1, 0).map((r) => r.action);
    expect(actions).toContain('digest.set');
    expect(actions).toContain('digest.off');
  });
});

describe('export community', () => {
  it('sends one community’s figures, meeting notes, agenda and what others share with coordinators as a CSV file', () => {
    const handled = run(app, 'Carla', 'in Math export community csv', { channel: null });
    const file = handled.deliveries[0]?.view.blocks.find((b) => b.type === 'file');
    expect(file).toMatchObject({ file: { mime: 'text/csv', name: expect.stringMatching(/^Math-2026-10-01\.csv$/) } });
    const csv = (file as { file: { content: string } }).file.content;
    expect(csv.startsWith('\ufeffsection,entry,field,value\n')).toBe(true);
    expect(csv).toContain('figures,,meetings.held,3\n');
    expect(csv).toContain('figures,,meetings.planned,5\n');
    expect(csv).toContain('figures,,reflections.count,3\n');
    expect(csv).toContain(`meetings.notes,1,notes,${NOTES_MARKER} exit tickets worked`);
    expect(csv).toContain('goals.team,1,text,Exit tickets in every class');
    expect(csv).toContain('knowledge.norms,1,text,We start on time');
  });

  it('quotes what needs quoting, and writes JSON on request', () => {
    say(app, 'Carla', 'settings tz Europe/Copenhagen');
    say(app, 'Anneliese', 'agenda add Rubric, "draft 2"\nsecond line');
    const fileOf = (command: string) =>
      run(app, 'Carla', command, { channel: null }).deliveries[0]?.view.blocks.find((b) => b.type === 'file') as
        | { file: { content: string; mime: string } }
        | undefined;
    const csv = fileOf('in Math export community')?.file.content;
    expect(csv).toContain('meetings.agenda,1,text,"Rubric, ""draft 2""\nsecond line"');
    const json = run(app, 'Carla', 'in Math export community json', { channel: null }).deliveries[0]?.view.blocks.find(
      (b) => b.type === 'file',
    ) as {
      file: { content: string; mime: string };
    };
    expect(json.file.mime).toBe('application/json');
    const data = JSON.parse(json.file.content) as Record<string, unknown>;
    expect(data.community).toBe('Math');
    expect((data.figures as Record<string, number>)['meetings.held']).toBe(3);
    // Twelve of Math's own local weeks, Monday to Monday, the last one up to the export.
    const weeks = data.weeks as { week: string; from: string; to: string }[];
    expect(weeks.length).toBe(12);
    expect(data.zone).toBe('Europe/Copenhagen');
    for (const w of weeks) {
      const start = DateTime.fromISO(w.from, { zone: 'Europe/Copenhagen' });
      expect([start.weekday, start.hour, start.minute, start.toISODate()]).toEqual([1, 0, 0, w.week]);
    }
    expect(weeks[11]?.to).toBe(data.exportedAt);
    expect(weeks.slice(1).map((w) => w.from)).toEqual(weeks.slice(0, -1).map((w) => w.to));
    expect(Object.keys(data)).toEqual(expect.arrayContaining(['meetings.notes', 'meetings.agenda', 'reflections.shared', 'goals.team']));
  });

  it('typed in a channel, goes to the coordinator’s direct messages; it is audited', () => {
    const handled = run(app, 'Carla', 'export community json', { channel: 'math' });
    expect(handled.deliveries.map((d) => d.to)).toEqual(['user', 'asker']);
    const row = auditSince(app.store, 1, 0).find((r) => r.action === 'export.community');
    expect(row).toMatchObject({ actorId: userId(app, 'Carla'), communityId: 1, detail: { format: 'json' } });
  });

  it('refuses a format it does not write', () => {
    expect(say(app, 'Carla', 'export community xlsx')).toContain('xlsx');
  });
});

describe('audit', () => {
  it('lists who changed roles, schedules and settings, newest first, with localized actions', () => {
    say(app, 'Carla', 'settings tz Europe/Berlin');
    say(app, 'Carla', 'remind 2h');
    say(app, 'Carla', 'move 2026-10-07 2026-10-08 16:00');
    const audit = say(app, 'Carla', 'audit since 60d', null);
    const lines = audit.split('\n').filter((l) => l.startsWith('• '));
    expect(lines[0]).toContain('Carla · moved a meeting · Math · date: 2026-10-07, to: 2026-10-08, time: 16:00');
    expect(audit).toContain('Carla · changed the meeting reminders · Math · minutes: 120');
    expect(audit).toContain('Carla · changed a setting · Math · setting: tz, from: UTC, to: Europe/Berlin');
    expect(audit).toContain('Carla · cancelled a meeting · Math · date: 2026-09-16');
    expect(audit).toContain('Carla · added a holiday · Math · from: 2026-09-23, to: 2026-09-23');
    expect(audit).toContain('Carla · changed a role · about Lena · Math · from: member, to: lead');
    expect(audit).toContain('Carla · set the meeting schedule · Math · cadence: weekly wed 15:30');
    expect(say(app, 'Carla', 'audit since 60d page 2', null)).toContain('Carla · created a community · Math');
    say(app, 'Carla', 'lang nl', null);
    expect(say(app, 'Carla', 'audit since 60d', null)).toContain('heeft een bijeenkomst afgelast');
  });

  it('records schedule off, holiday all and coordinators', () => {
    say(app, 'Carla', 'schedule off');
    say(app, 'Carla', 'holiday all 2026-12-21 2027-01-01 Winter break', null);
    say(app, 'Carla', 'coordinator add @Lena', null);
    say(app, 'Carla', 'coordinator remove @Lena', null);
    const actions = auditSince(app.store, 1, 0).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['schedule.off', 'holiday.added', 'coordinator.added', 'coordinator.removed']));
    expect(JSON.stringify(auditSince(app.store, 1, 0))).not.toContain('Winter break');
  });

  it('names a person who later used forget-me “a former member”, keeping the event', () => {
    say(app, 'Lena', 'cancel 2026-10-14');
    const lena = userId(app, 'Lena');
    // What forget-me leaves of a person (the data-rights capability does it): no row of theirs.
    app.store.transaction(() => {
      for (const c of app.store.communities.ofUser(1, lena)) app.store.communities.removeMember(c.community.id, lena);
      prepared(app.store.db, 'DELETE FROM users WHERE id = ?').run(lena);
    });
    const audit = say(app, 'Carla', 'audit', null);
    expect(audit).toContain('a former member · cancelled a meeting · Math · date: 2026-10-14');
    expect(audit).toContain('Carla · changed a role · about a former member · Math');
    expect(audit).not.toContain('Lena');
  });

  it('pages ten at a time with a More button', () => {
    for (let i = 0; i < 12; i++) say(app, 'Carla', `remind ${i + 1}h`);
    const first = say(app, 'Carla', 'audit', null);
    expect(first).toContain('1–10 of');
    expect(first).toContain('/plc audit page 2');
    expect(say(app, 'Carla', 'audit page 2', null)).toContain('11–');
    expect(say(app, 'Carla', 'audit since 7d', null)).toContain('/plc audit since 7d page 2');
  });
});
