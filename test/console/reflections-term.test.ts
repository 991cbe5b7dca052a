import { PassThrough } from 'node:stream';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../adapters/console/console.js';
import { type Printed, parseTranscript } from '../conversation/console-driver.js';
import { type TestApp, testApp } from '../support/app.js';

/**
 * A whole autumn term in the console, moved on with `:clock`: Friday prompts at 15:00 in each teacher's own zone
 * (Copenhagen and Chicago, through both daylight-saving changes), the school's autumn break, one nudge per
 * unanswered prompt, and a streak that rests over the break.
 */
let app: TestApp;
let out = '';
let adapter: ConsoleAdapter;
const printed: Printed[] = [];

async function type(...lines: string[]): Promise<Printed[]> {
  out = '';
  for (const line of lines) await adapter.line(line);
  const blocks = parseTranscript(out);
  printed.push(...blocks);
  return blocks;
}

const TERM_START = Date.parse('2026-09-01T06:00:00Z');
/** The Fridays of the term, with the autumn break's (16 October) among them. */
const fridays = Array.from(
  { length: 16 },
  (_, i) => DateTime.fromISO('2026-09-04', { zone: 'UTC' }).plus({ weeks: i }).toISODate() as string,
);
const SKIPPED_BY_ANA = '2026-09-25';
const streakAnswers: string[] = [];

beforeAll(async () => {
  app = testApp({ start: TERM_START });
  const output = new PassThrough();
  output.on('data', (c: Buffer) => {
    out += c.toString('utf8');
  });
  adapter = new ConsoleAdapter({ app, clock: app.clock, input: new PassThrough(), output });
  await type(':as carla', ':tz Europe/Copenhagen', ':in #math', '/plc create Math', '/plc settings tz Europe/Copenhagen');
  await type(':as ana', ':tz Europe/Copenhagen', '/plc join Math');
  await type(':as ben', ':tz America/Chicago', '/plc join Math');
  await type(':as carla', '/plc holiday all 2026-10-12 2026-10-16 Autumn break', '/plc prompts weekly fri 15:00');
  for (const friday of fridays) {
    // To the Friday evening in Chicago, when both have had the day's prompt; ana answers in her own chat.
    await type(`:clock ${friday}T23:30:00Z`);
    if (friday === SKIPPED_BY_ANA || friday === '2026-10-16') continue;
    const answer = await type(':as ana', ':in #dm-ana', `/plc reflect team What I saw on ${friday}`);
    streakAnswers.push(answer.map((b) => b.text).join('\n'));
  }
  await type(':clock +2d');
}, 120_000);
afterAll(async () => {
  await app.dispose();
});

const promptsTo = (who: string) => printed.filter((b) => b.recipient === who && b.text.includes('A question for your reflection'));
const nudgesTo = (who: string) => printed.filter((b) => b.recipient === who && b.text.includes('is still open'));

describe('a term of reflection prompts in the console', () => {
  it('prompts ana every Friday at 15:00 Copenhagen time, summer and winter, except in the autumn break', () => {
    const expected = fridays.filter((f) => f !== '2026-10-16').map((f) => `${f}T15:00:00${f < '2026-10-25' ? '+02:00' : '+01:00'}`);
    expect(promptsTo('@ana').map((b) => b.time)).toEqual(expected);
  });

  it('prompts ben every Friday at 15:00 Chicago time, across the American change a week later', () => {
    const expected = fridays.filter((f) => f !== '2026-10-16').map((f) => `${f}T15:00:00${f < '2026-11-01' ? '-05:00' : '-06:00'}`);
    expect(promptsTo('@ben').map((b) => b.time)).toEqual(expected);
  });

  it('names the community and prints the command that answers, beside the button', () => {
    const first = promptsTo('@ana')[0];
    expect(first?.text).toContain('A question for your reflection in Math');
    expect(first?.text).toContain('[Write my reflection] /plc in Math reflect');
  });

  it('nudges once for each prompt left unanswered, a day later at the same local time', () => {
    expect(nudgesTo('@ana').map((b) => b.time)).toEqual(['2026-09-26T15:00:00+02:00']);
    expect(nudgesTo('@ben')).toHaveLength(15);
    expect(new Set(nudgesTo('@ben').map((b) => b.time.slice(11)))).toEqual(new Set(['15:00:00-05:00', '15:00:00-06:00']));
  });

  it('keeps ana’s streak through the break, and starts it again after the week she skipped', () => {
    expect(streakAnswers[0]).toContain('1 week in a row');
    expect(streakAnswers[2]).toContain('3 weeks in a row');
    // 2 October, after the week she skipped.
    expect(streakAnswers[3]).toContain('1 week in a row');
    // After the skipped week: 2 October, 9 October, the break rests it, then 23 October on.
    expect(streakAnswers.at(-1)).toContain('11 weeks in a row');
    expect(printed.filter((b) => b.recipient.startsWith('#'))).toEqual([]);
  });
});
