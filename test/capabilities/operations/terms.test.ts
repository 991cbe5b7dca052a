import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app.js';
import { operations } from '../../../src/capabilities/operations/index.js';
import { loadConfig } from '../../../src/config.js';
import { ManualClock } from '../../../src/ports.js';
import { prepared } from '../../../src/store/db.js';
import { Store } from '../../../src/store/store.js';
import { termsOf } from '../../../src/terms.js';
import { type TestApp, testApp } from '../../support/app.js';
import { answerText, run } from '../../support/bot.js';
import { DAY, recordSends, type Sent } from '../meetings/recorder.js';

/** 2026-08-03T06:00:00Z, a Monday morning in the summer holidays. */
const START = Date.parse('2026-08-03T06:00:00Z');

let app: TestApp;
let sent: Sent[];
const say = (user: string, text: string, channel: string | null = 'math') => answerText(run(app, user, text, { channel }));
const workspaceId = () => (app.store.workspaces.find('console', 'school-a') as { id: number }).id;
const termRows = () => termsOf(app.store, workspaceId()).map((t) => `${t.startsOn} ${t.newYear ? 'new-year ' : ''}${t.name ?? '-'}`);
const asks = () => sent.filter((s) => s.text.includes('A new school year for'));

beforeEach(() => {
  app = testApp({ start: START });
  sent = recordSends(app);
  say('carla', 'create Math');
  say('carla', 'settings tz Europe/Copenhagen');
  for (const p of ['ana', 'ben', 'lena']) say(p, 'join');
  say('carla', 'role @lena lead');
  // Lena's platform says she is in Chicago.
  prepared(app.store.db, "UPDATE users SET tz = 'America/Chicago' WHERE external_id = 'lena'").run();
});
afterEach(async () => {
  await app.dispose();
});

describe('term start', () => {
  it('is for coordinators: a member is told so and nothing is marked', () => {
    expect(say('ana', 'term start 2026-08-17 new-year')).toBe('Only a workspace coordinator can do that.');
    expect(say('lena', 'term start 2026-08-17')).toBe('Only a workspace coordinator can do that.');
    expect(termRows()).toEqual([]);
  });

  it('refuses what is no date, a date years away and a missing date, and marks nothing', () => {
    expect(say('carla', 'term start 2026-13-01')).toContain('“2026-13-01” is not a date.');
    expect(say('carla', 'term start next-monday')).toContain('is not a date');
    expect(say('carla', 'term start 2040-09-01')).toContain('2040-09-01');
    expect(say('carla', 'term start')).not.toContain('begins');
    expect(termRows()).toEqual([]);
  });

  it('reads options before the name, and takes everything after -- as the name', () => {
    say('carla', 'term start 2026-08-17 new-year Autumn term');
    say('carla', 'term start ٢٠٢٧-٠١-٠٤ -- new-year resolutions');
    say('carla', 'term start 2027-04-12');
    expect(termRows()).toEqual(['2026-08-17 new-year Autumn term', '2027-01-04 new-year resolutions', '2027-04-12 -']);
  });

  it('writes the mark to the audit trail with values only', () => {
    say('carla', 'term start 2026-08-17 new-year Autumn term');
    say('carla', 'term start 2026-08-17 new-year Autumn term');
    const rows = prepared(app.store.db, "SELECT action, detail FROM audit_log WHERE action = 'term.started' ORDER BY id").all() as {
      action: string;
      detail: string;
    }[];
    expect(rows.map((r) => JSON.parse(r.detail))).toEqual([
      { startsOn: '2026-08-17', newYear: true, replaced: false },
      { startsOn: '2026-08-17', newYear: true, replaced: true },
    ]);
    expect(rows.every((r) => !r.detail.includes('Autumn'))).toBe(true);
  });
});

describe('terms', () => {
  it('lists the terms ten at a time for anyone, the running one marked; term alone is the same list', () => {
    expect(say('ana', 'terms')).toContain(
      'No terms are marked yet. A coordinator marks one with /plc term start YYYY-MM-DD [new-year] [name].',
    );
    for (let month = 1; month <= 12; month++) say('carla', `term start 2026-${String(month).padStart(2, '0')}-01 Term ${month}`);
    const first = say('ana', 'terms');
    expect(first).toContain('== Terms of the school year ==');
    expect(first).toContain('Tuesday, September 1, 2026: Term 9');
    expect(first).toContain('Saturday, August 1, 2026: Term 8 (running now)');
    expect(first).not.toContain('Term 11');
    expect(first).toContain('1–10 of 12');
    expect(first).toContain('[More] /plc terms page 2');
    const second = say('ana', 'terms page 2');
    expect(second).toContain('Term 12');
    expect(second).not.toContain('Term 1:');
    expect(say('ana', 'term')).toBe(first.replace('/plc terms page 2', '/plc term page 2'));
  });
});

describe('a new school year', () => {
  it('asks each lead once, at nine in their own zone, however often the year is marked', async () => {
    say('carla', 'term start 2026-08-17 new-year Autumn term');
    say('carla', 'term start 2026-08-17 new-year Autumn term');
    await app.advance(Date.parse('2026-08-17T08:00:00Z'));
    expect(asks().map((s) => `${s.to} ${s.at}`)).toEqual(['@carla 2026-08-17T07:00:00.000Z']);
    say('carla', 'term start 2026-08-17 new-year Autumn term');
    await app.advance(Date.parse('2026-08-20T00:00:00Z'));
    expect(asks().map((s) => `${s.to} ${s.at}`)).toEqual(['@carla 2026-08-17T07:00:00.000Z', '@lena 2026-08-17T14:00:00.000Z']);
  });

  it('asks once across a restart: the asks wait in the database, and a new process sends each one once', async () => {
    say('carla', 'term start 2026-08-17 new-year');
    await app.advance(Date.parse('2026-08-17T08:00:00Z'));
    expect(asks().map((s) => s.to)).toEqual(['@carla']);
    // The process stops with lena's ask still waiting; another starts on the same file.
    await app.close();
    const config = loadConfig({ DATABASE_PATH: app.dbPath, LOG_LEVEL: 'silent', NODE_ENV: 'test', QUIET_HOURS: 'off' });
    const clock = new ManualClock(Date.parse('2026-08-17T08:00:00Z'));
    const again = createApp(config, { clock, store: Store.open(app.dbPath), log: pino({ level: 'silent' }) });
    const after = recordSends(Object.assign(again, { clock, dbPath: app.dbPath, dispose: async () => {} }));
    try {
      answerText(
        again.bot.handle({
          workspace: { platform: 'console', externalId: 'school-a' },
          user: { externalId: 'carla', displayName: 'carla', platformLocale: null },
          place: { channel: null, channelName: null },
          text: 'term start 2026-08-17 new-year',
        }),
      );
      await again.advance(Date.parse('2026-08-20T00:00:00Z'));
      expect(after.filter((s) => s.text.includes('A new school year for')).map((s) => `${s.to} ${s.at}`)).toEqual([
        '@lena 2026-08-17T14:00:00.000Z',
      ]);
    } finally {
      await again.close();
    }
  });

  it('asks no more leads once one has confirmed, and keeps the first confirmation', async () => {
    say('carla', 'term start 2026-08-17 new-year');
    expect(say('carla', 'term confirm')).toBe(
      'No school year has begun yet, so there is nothing to confirm. A coordinator begins one with /plc term start YYYY-MM-DD new-year.',
    );
    await app.advance(Date.parse('2026-08-17T08:00:00Z'));
    expect(say('ana', 'term confirm')).toBe('Only a lead of Math or a coordinator can do that.');
    expect(say('carla', 'term confirm')).toBe('Thank you: Math is confirmed for the school year that began on Monday, August 17, 2026.');
    expect(say('lena', 'term confirm')).toBe(
      'Math was already confirmed for this school year, on Monday, August 17, 2026. Nothing more to do.',
    );
    await app.advance(Date.parse('2026-08-20T00:00:00Z'));
    expect(asks().map((s) => s.to)).toEqual(['@carla']);
    const audit = prepared(app.store.db, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'term.confirmed'").get() as { n: number };
    expect(audit.n).toBe(1);
  });

  it('writes to each lead in their language, and not for an archived community', async () => {
    say('carla', 'create Science', 'science');
    run(app, 'carla', 'lang de', { channel: null });
    prepared(app.store.db, "UPDATE communities SET archived_at = ? WHERE name = 'Science'").run(START);
    say('carla', 'term start 2026-08-17 new-year');
    await app.advance(Date.parse('2026-08-18T00:00:00Z'));
    const carla = asks().filter((s) => s.to === '@carla');
    expect(carla).toHaveLength(0);
    const german = sent.filter((s) => s.to === '@carla');
    expect(german.map((s) => s.text.split('\n')[0])).toEqual(['== Ein neues Schuljahr für Math ==']);
    expect(german[0]?.text).toContain('4 Mitglieder');
    expect(german[0]?.text).toContain('[Alles stimmt] /plc in Math term confirm');
  });

  it('asks nobody when the date is marked again without new-year before it comes', async () => {
    say('carla', 'term start 2026-08-17 new-year');
    say('carla', 'term start 2026-08-17');
    await app.advance(Date.parse('2026-08-20T00:00:00Z'));
    expect(asks()).toEqual([]);
  });

  it('forgets who confirmed: the confirmation stays, credited to nobody, and the export lists it first', async () => {
    say('carla', 'term start 2026-08-03 new-year');
    say('lena', 'term confirm');
    const workspace = app.store.workspaces.find('console', 'school-a');
    const lena = workspace && app.store.users.findByExternal(workspace.id, 'lena');
    if (!workspace || !lena) throw new Error('no lena');
    const env = { store: app.store, now: START + DAY, log: app.log };
    expect(operations.personalData.export({ workspace, user: lena }, env)).toEqual({
      yearConfirmations: [{ community: 'Math', schoolYear: '2026-08-03', at: new Date(START).toISOString() }],
    });
    app.store.transaction(() => operations.personalData.forget({ workspace, user: lena }, env));
    const rows = prepared(app.store.db, 'SELECT confirmed_by AS by FROM year_confirmations').all();
    expect(rows).toEqual([{ by: null }]);
  });
});
