import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../adapters/console/console.js';
import { type TestApp, testApp } from '../support/app.js';
import {
  ANSWER_WITHIN_MS,
  databaseProblems,
  errorLog,
  fuzzParameters,
  leakIn,
  MAX_RSS_GROWTH,
  noteTyped,
  rss,
  watchProcess,
} from './checks.js';
import { commandLine, type GrammarWorld, hostile, junk, plainText } from './grammar.js';

const WORLD: GrammarWorld = {
  people: ['admin', 'ana', 'ben', 'gina', 'omar'],
  communities: ['Math', '"Grade 5 Math"', 'Science'],
  items: [],
};

/** A console command (`:as`, `:in`, `:lang`, `:tz`, `:clock`) with odd arguments; clock moves stay short, so the run stays fast. */
const meta = fc.oneof(
  fc.constantFrom(...WORLD.people, 'a b', '', 'x'.repeat(70), 'ana\u202e', '@ana', 'ＡＮＡ', '..').map((n) => `:as ${n}`),
  fc.constantFrom('#math', 'math', '#', '#a b', `#${'x'.repeat(90)}`, '#مدرسة', '##math', '#math\u0000').map((c) => `:in ${c}`),
  fc.constantFrom('de', 'ar-SA', 'xx', '', 'english', 'de_DE', '١').map((l) => `:lang ${l}`),
  fc.constantFrom('Europe/Berlin', 'Asia/Riyadh', 'Mars/Olympus', '', '+05:30', 'Etc/GMT+14', 'utc').map((z) => `:tz ${z}`),
  fc
    .constantFrom(
      '',
      '+1h',
      '+45m',
      '+2d',
      '+0m',
      '+-1d',
      '+1e2m',
      '+0x10h',
      '+٣d',
      '+99999999d',
      '+3651d',
      '+1.5h',
      '2026-09-01T09:00:00Z',
      '2026-09-03T10:00:00+02:00',
      '2100-01-01T00:00:00Z',
      '9999-12-31T23:59:59Z',
      '+275760-09-13T00:00:00Z',
      '2026-09-05',
      'tomorrow',
    )
    .map((arg) => `:clock ${arg}`.trimEnd()),
  fc.constantFrom(':help', ':frob', ':', '::as ana', ': as ana'),
);

/** One typed line (or, with newlines in it, several, as the console's reader splits them). */
const line = fc.oneof(
  {
    arbitrary: fc
      .tuple(fc.constantFrom('/plc ', '/plc ', 'plc ', '/PLC ', '/plc', '/plc  '), commandLine(WORLD))
      .map(([p, c]) => p + plainText(c)),
    weight: 12,
  },
  { arbitrary: meta, weight: 3 },
  { arbitrary: fc.oneof(junk(80), hostile), weight: 2 },
);

describe('fuzzing the console: typed lines through the console adapter', () => {
  let app: TestApp;
  let adapter: ConsoleAdapter;
  let out = '';
  let watch: ReturnType<typeof watchProcess>;
  const errors = errorLog();
  const typed = new Set<string>();
  let rssBefore = 0;

  beforeAll(async () => {
    app = testApp({ log: errors.log });
    const output = new PassThrough();
    output.on('data', (c: Buffer) => {
      out += c.toString('utf8');
    });
    adapter = new ConsoleAdapter({ app, clock: app.clock, input: new PassThrough(), output });
    watch = watchProcess();
    for (const setup of [
      '/plc create Math',
      '/plc schedule weekly tue 15:30',
      '/plc remind 24h,1h',
      ':as ana',
      '/plc join Math',
      '/plc agenda add Exit tickets',
      ':as admin',
      '/plc role @gina guest',
    ])
      await adapter.line(setup);
    errors.take();
    rssBefore = rss();
  });

  afterAll(async () => {
    watch?.dispose();
    await app?.dispose();
  });

  /** Types one line; returns why it went wrong, or null. */
  async function type(text: string): Promise<string | null> {
    noteTyped(typed, text);
    out = '';
    const started = performance.now();
    for (const part of text.split(/\r\n|\n|\r/)) await adapter.line(part);
    const ms = performance.now() - started;
    if (ms > ANSWER_WITHIN_MS) return `answered after ${Math.round(ms)} ms`;
    const why = leakIn(out, typed);
    if (why) return why;
    const problems = [...watch.take(), ...errors.take()];
    return problems.length ? problems.join('\n') : null;
  }

  it('answers every typed line at once, and prints no crash', async () => {
    await fc.assert(
      fc.asyncProperty(line, async (text) => {
        const why = await type(text);
        if (why) throw new Error(why);
      }),
      fuzzParameters(2000),
    );
  }, 180_000);

  it('leaves the database whole and the memory bounded', () => {
    expect(databaseProblems(app)).toEqual([]);
    expect(rss() - rssBefore).toBeLessThan(MAX_RSS_GROWTH);
  });
});
