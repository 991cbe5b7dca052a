import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../adapters/console/console.js';
import { type Printed, parseTranscript } from '../conversation/console-driver.js';
import { type TestApp, testApp } from '../support/app.js';

/**
 * A summer term and the turn of the school year in the console, moved on with `:clock`. Carla (the coordinator)
 * marks the summer term and, twice, the autumn term that begins the new school year. Math (Copenhagen) meets on
 * Mondays and has a norm; dan is away most of the summer. Science's second lead, erik, lives in Chicago; its three
 * teachers observed each other last year. At the new year each lead is asked once, the norms are reviewed, the
 * duties start even, last year's observation trio counts as new, and ana's reflection streak starts afresh.
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
const said = (blocks: Printed[]) => blocks.map((b) => b.text).join('\n');

const answers: Record<string, string> = {};
const ref = (text: string) => (/#(\d+)/.exec(text) as RegExpExecArray)[0];

beforeAll(async () => {
  app = testApp({ start: Date.parse('2026-05-04T06:00:00Z') });
  const output = new PassThrough();
  output.on('data', (c: Buffer) => {
    out += c.toString('utf8');
  });
  adapter = new ConsoleAdapter({ app, clock: app.clock, input: new PassThrough(), output });
  await type(':as carla', ':tz Europe/Copenhagen', ':in #math', '/plc create Math', '/plc settings tz Europe/Copenhagen');
  for (const p of ['ana', 'ben', 'dan']) await type(`:as ${p}`, ':tz Europe/Copenhagen', '/plc join Math');
  await type(':as carla', '/plc schedule weekly mon 15:00', '/plc norms add We start on time');
  await type(':in #science', '/plc create Science', '/plc settings tz Europe/Copenhagen');
  await type(':as erik', ':tz America/Chicago', '/plc join Science');
  await type(':as fay', ':tz Europe/Copenhagen', '/plc join Science');
  await type(':as carla', '/plc role @erik lead');
  answers.summer = said(await type(':in #general', '/plc term start 2026-05-04 Summer term'));
  answers.autumn = said(await type('/plc term start 2026-08-17 new-year Autumn term'));
  answers.again = said(await type('/plc term start 2026-08-17 new-year Autumn term'));
  answers.lastYearRound = said(await type(':as erik', ':in #science', '/plc pair now'));
  await type(':as dan', ':in #dm-dan', '/plc pause until 2026-08-03');
  await type(':clock 2026-08-03T17:00:00Z');
  answers.streakAug3 = said(await type(':as ana', ':in #dm-ana', '/plc reflect Exit tickets helped'));
  await type(':clock 2026-08-10T17:00:00Z');
  answers.streakAug10 = said(await type('/plc reflect Group work went well'));
  answers.termsBefore = said(await type('/plc terms'));
  await type(':clock 2026-08-17T17:00:00Z');
  answers.streakAug17 = said(await type('/plc reflect First day back'));
  answers.newYearRound = said(await type(':as erik', ':in #science', '/plc pair now'));
  answers.why = said(await type(`/plc pair why ${ref(answers.newYearRound)}`));
  answers.lastWhy = said(await type(`/plc pair why ${ref(answers.lastYearRound)}`));
  answers.confirm = said(await type(':as carla', ':in #dm-carla', '/plc in Math term confirm'));
  answers.confirmAgain = said(await type('/plc in Math term confirm'));
  await type(':clock 2026-08-20T08:00:00Z');
  answers.late = said(await type('/plc term start 2026-08-17 new-year Autumn term'));
  await type(':clock 2026-09-08T18:00:00Z');
}, 180_000);
afterAll(async () => {
  await app.dispose();
});

const asks = () => printed.filter((b) => b.text.includes('A new school year for'));
const facilitators = (from: string, to: string) =>
  printed
    .filter(
      (b) => b.recipient === '#math' && b.time.slice(0, 10) >= from && b.time.slice(0, 10) <= to && b.text.includes('== Math: meeting'),
    )
    .filter((b, i, all) => all.findIndex((o) => o.text.split('\n')[0] === b.text.split('\n')[0]) === i)
    .map((b) => (/Facilitator: @(\w+)/.exec(b.text) as RegExpExecArray)[1]);

describe('the turn of a school year in the console', () => {
  it('answers term start with what was marked, and says so when a date is marked again', () => {
    expect(answers.summer).toContain('“Summer term” begins on Monday, May 4, 2026.');
    expect(answers.autumn).toContain('“Autumn term” begins on Monday, August 17, 2026.');
    expect(answers.autumn).toContain('It also begins a new school year.');
    expect(answers.again).toContain('That date was already marked');
    expect(answers.termsBefore).toContain('Monday, May 4, 2026: Summer term (running now)');
    expect(answers.termsBefore).toContain('Monday, August 17, 2026: Autumn term (begins a school year)');
  });

  it('asks each lead of each community once, at nine in their own zone on the first day, with the command beside every button', () => {
    expect(
      asks()
        .map((b) => `${b.time} ${b.recipient} ${b.text.split('\n')[0]}`)
        .sort(),
    ).toEqual([
      '2026-08-17T09:00:00+02:00 @carla == A new school year for Math ==',
      '2026-08-17T09:00:00+02:00 @carla == A new school year for Science ==',
      '2026-08-17T09:00:00-05:00 @erik == A new school year for Science ==',
    ]);
    const math = asks().find((b) => b.text.includes('for Math')) as Printed;
    expect(math.text).toContain('4 members: see who is in with /plc in Math members');
    expect(math.text).toContain('Meetings every Monday at 15:00; change them with /plc in Math schedule <cadence>');
    expect(math.text).toContain('1 norm: read it with /plc in Math norms');
    expect(math.text).toContain('[Everything is right] /plc in Math term confirm');
    const science = asks().find((b) => b.recipient === '@erik') as Printed;
    expect(science.text).toContain('No meetings are scheduled yet');
    expect(science.text).toContain('No norms yet; add them with /plc in Science norms add <text>');
  });

  it('records a confirmation once', () => {
    expect(answers.confirm).toContain('Thank you: Math is confirmed for the school year that began on Monday, August 17, 2026.');
    expect(answers.confirmAgain).toContain('Math was already confirmed for this school year');
    expect(answers.late).toContain('That date was already marked');
  });

  it('asks Math to review its norms on the first morning of the term, not on the morning they were written, nor twelve weeks on', () => {
    const reviews = printed.filter((b) => b.text.includes('look at its norm'));
    expect(reviews.map((b) => `${b.time} ${b.recipient}`)).toEqual(['2026-08-17T09:00:00+02:00 #math']);
    expect(reviews[0]?.text).toContain('A new term begins');
  });

  it('balances duties within the summer term, and starts the new term even: four meetings, four facilitators', () => {
    // Back from his pause, dan catches up on the summer's turns...
    expect(facilitators('2026-08-03', '2026-08-10')).toEqual(['dan', 'dan']);
    // ...but the new term owes him nothing: everyone facilitates once before anyone twice.
    const autumn = facilitators('2026-08-16', '2026-09-07');
    expect(autumn).toHaveLength(4);
    expect(new Set(autumn)).toEqual(new Set(['ana', 'ben', 'carla', 'dan']));
  });

  it('pairs last year’s trio again in the first round of the new year, without counting it as a repeat', () => {
    expect(answers.lastWhy).toContain('had not met');
    expect(answers.why).toContain('had not met');
    expect(answers.why).not.toContain('had met');
  });

  it('counts ana’s streak within the school year: two weeks in the summer, one again in the new year', () => {
    expect(answers.streakAug3).toContain('1 week in a row');
    expect(answers.streakAug10).toContain('2 weeks in a row');
    expect(answers.streakAug17).toContain('1 week in a row');
  });
});
