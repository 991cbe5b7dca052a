import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../../adapters/console/console.js';
import { type Printed, parseTranscript } from '../../conversation/console-driver.js';
import { type TestApp, testApp } from '../../support/app.js';

/**
 * Archive stops the schedules and keeps the history, in the console with `:clock`: Math meets on Tuesdays, asks
 * for reflections on Fridays, pairs on Mondays and asks for check-ins on Wednesdays. Archived for four weeks,
 * it sends nothing; its history stays readable; restored, each schedule resumes once, from then on.
 */
let app: TestApp;
let adapter: ConsoleAdapter;
let out = '';
const printed: Printed[] = [];

async function type(...lines: string[]): Promise<Printed[]> {
  out = '';
  for (const line of lines) await adapter.line(line);
  const blocks = parseTranscript(out);
  printed.push(...blocks);
  return blocks;
}

const START = Date.parse('2027-01-04T06:00:00Z');
const ARCHIVED = Date.parse('2027-01-11T06:00:00Z');
const RESTORED = Date.parse('2027-02-08T06:00:00Z');
const END = Date.parse('2027-02-22T06:00:00Z');
const text = (blocks: Printed[]) => blocks.map((b) => b.text).join('\n');
let history: Record<string, string> = {};
let refused = '';
let archiveAnswer = '';

beforeAll(async () => {
  app = testApp({ start: START });
  const output = new PassThrough();
  output.on('data', (c: Buffer) => {
    out += c.toString('utf8');
  });
  adapter = new ConsoleAdapter({ app, clock: app.clock, input: new PassThrough(), output });
  await type(
    ':as carla',
    ':in #math',
    '/plc create Math',
    '/plc schedule weekly tue 15:00',
    '/plc prompts weekly fri 15:00',
    '/plc pair schedule weekly mon 09:00',
    '/plc checkins weekly wed 10:00',
    '/plc norms add We start on time',
    '/plc share https://example.org/fractions Fractions wall',
  );
  await type(':as ana', '/plc join', ':as ben', '/plc join', '/plc goal add team Every pupil explains one strategy');
  await type(':as ana', '/plc reflect team Exit tickets showed who needs help');
  await type(':clock 2027-01-11T06:00:00Z', '/plc agenda add Look at the exit tickets', ':as carla');
  archiveAnswer = text(await type('/plc archive'));
  await type(':clock 2027-02-08T06:00:00Z', ':as ben', ':in #dm-ben');
  history = {
    reflections: text(await type('/plc in Math reflections team')),
    agenda: text(await type('/plc in Math agenda')),
    resources: text(await type('/plc in Math resources')),
    goals: text(await type('/plc goals')),
    search: text(await type('/plc in Math search exit')),
  };
  refused = text(await type('/plc in Math agenda add One more', '/plc in Math rsvp yes'));
  await type(':as carla', '/plc in Math restore', ':clock 2027-02-22T06:00:00Z');
}, 120_000);
afterAll(async () => {
  await app.dispose();
});

/** What the bot sent by itself (not an answer to a command), between two instants. */
const scheduled = (from: number, to: number) =>
  printed.filter((b) => b.to !== 'asker' && Date.parse(b.time) >= from && Date.parse(b.time) < to);
const reminders = (blocks: Printed[]) => blocks.filter((b) => b.to === '#math' && b.text.includes('Math: meeting'));
const prompts = (blocks: Printed[], who: string) =>
  blocks.filter((b) => b.to === who && b.text.includes('A question for your reflection in Math'));
const rounds = (blocks: Printed[], who: string) => blocks.filter((b) => b.to === who && b.text.includes('Peer observation in Math'));

describe('archive stops the schedules and keeps the history', () => {
  it('runs every schedule before the archive', () => {
    const before = scheduled(START, ARCHIVED);
    expect(reminders(before).length).toBeGreaterThan(0);
    expect(prompts(before, '@carla')).toHaveLength(1);
    expect(rounds(before, '@ana')).toHaveLength(1);
    expect(before.some((b) => b.text.includes('Time to check in on your goals in Math'))).toBe(true);
    expect(before.some((b) => b.to === '#math' && b.text.includes('New in the library of Math'))).toBe(true);
  });

  it('archives in one step, tells the channel, and says how to read and restore it', () => {
    expect(archiveAnswer).toContain('Math is archived.');
    expect(archiveAnswer).toContain('/plc in Math restore');
    expect(printed.filter((b) => b.to === '#math' && b.text.includes('Math has been archived'))).toHaveLength(1);
  });

  it('sends nothing at all while the community is archived', () => {
    const during = scheduled(ARCHIVED, RESTORED).filter((b) => !b.text.includes('Math has been archived'));
    expect(during).toEqual([]);
  });

  it('keeps the history readable to its members, and refuses changes', () => {
    expect(history.reflections).toContain('Exit tickets showed who needs help');
    expect(history.agenda).toContain('Look at the exit tickets');
    expect(history.resources).toContain('Fractions wall');
    expect(history.goals).toContain('Every pupil explains one strategy');
    expect(history.search).toContain('Exit tickets');
    expect(refused.match(/Math is archived: its history can still be read/g)).toHaveLength(2);
  });

  it('resumes each schedule once after the restore, from then on', () => {
    const after = scheduled(RESTORED, END);
    // Meetings on 9 and 16 February, each with its reminders (a day and an hour before), each once.
    const times = reminders(after).map((b) => b.time);
    expect(times).toEqual([
      '2027-02-08T15:00:00+00:00',
      '2027-02-09T14:00:00+00:00',
      '2027-02-15T15:00:00+00:00',
      '2027-02-16T14:00:00+00:00',
    ]);
    expect(prompts(after, '@ana').map((b) => b.time)).toEqual(['2027-02-12T15:00:00+00:00', '2027-02-19T15:00:00+00:00']);
    expect(rounds(after, '@ben').map((b) => b.time)).toEqual(['2027-02-08T09:00:00+00:00', '2027-02-15T09:00:00+00:00']);
    expect(after.filter((b) => b.to === '@carla' || b.to === '@ben').some((b) => b.text.includes('check in on your goals'))).toBe(true);
  });

  it('never sends anything twice, and leaves no overdue work in the queue', () => {
    const seen = printed.filter((b) => b.to !== 'asker').map((b) => `${b.time} ${b.to} ${b.text}`);
    expect(new Set(seen).size).toBe(seen.length);
    expect(app.store.jobs.nextDueAt() ?? Number.POSITIVE_INFINITY).toBeGreaterThan(END);
  });
});
