import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../../adapters/console/console.js';
import { t } from '../../../src/i18n/translate.js';
import { parseTranscript } from '../../conversation/console-driver.js';
import { type TestApp, testApp } from '../../support/app.js';

let app: TestApp;
let adapter: ConsoleAdapter;
let printed = '';
beforeEach(() => {
  app = testApp();
  const output = new PassThrough();
  output.on('data', (chunk: Buffer) => {
    printed += chunk.toString('utf8');
  });
  adapter = new ConsoleAdapter({ app, clock: app.clock, input: new PassThrough(), output });
});
afterEach(async () => {
  await app.dispose();
});

async function type(lines: string[]): Promise<void> {
  for (const line of lines) await adapter.line(line);
}

it('runs a whole autumn term of rounds in the console with :clock, skipping the autumn break', async () => {
  await type([':as carla', ':in #math', '/plc create Math', '/plc settings tz Europe/Berlin']);
  for (const p of ['ana', 'ben', 'dora', 'eli', 'finn']) await type([`:as ${p}`, ':in #math', '/plc join']);
  await type([
    ':as carla',
    ':in #math',
    '/plc pair schedule biweekly mon 08:00',
    '/plc holiday 2026-10-19 2026-10-23 Autumn break',
    '/plc role @finn guest',
  ]);
  printed = '';
  // Sixteen weeks, in steps a person would take: a week at a time, answering what the bot asks.
  for (let week = 0; week < 16; week++) {
    await type([':clock +7d']);
    const asked = parseTranscript(printed).filter((s) => s.text.includes('Did your visit to') && s.to === '@ana');
    if (asked.length) await type([':as ana', ':in #math', '/plc observe happened yes']);
  }
  const seen = parseTranscript(printed);
  const rounds = seen.filter((s) => s.to === '@ana' && s.text.includes('Peer observation in Math'));
  // Every other Monday from 7 September at 08:00 Berlin time, summer time and then winter time, but not 19 October.
  // A DM prints in its reader's zone: ana's is the default, UTC.
  expect(rounds.map((s) => s.time)).toEqual([
    '2026-09-07T06:00:00+00:00',
    '2026-09-21T06:00:00+00:00',
    '2026-10-05T06:00:00+00:00',
    '2026-11-02T07:00:00+00:00',
    '2026-11-16T07:00:00+00:00',
    '2026-11-30T07:00:00+00:00',
    '2026-12-14T07:00:00+00:00',
  ]);
  // Five active members: carla, ana, ben, dora and eli; finn is a guest and hears nothing.
  expect(seen.filter((s) => s.to === '@finn')).toEqual([]);
  const firstRound = seen.filter((s) => s.time === '2026-09-07T06:00:00+00:00' && s.text.includes('Peer observation in Math'));
  expect(firstRound.map((s) => s.to).sort()).toEqual(['@ana', '@ben', '@carla', '@dora', '@eli']);
  // The rounds' windows close as the next begins, and each observer is asked then.
  expect(seen.some((s) => s.to === '@ben' && s.text.includes('Did your visit to'))).toBe(true);
  expect(seen.filter((s) => s.to === 'asker' && s.text.includes(t('en', 'pairing.happened.said.yes'))).length).toBeGreaterThan(3);
  // At the end of the term a lead can still ask why the latest round looks as it does.
  printed = '';
  await type([':as carla', ':in #math', '/plc pair why']);
  expect(parseTranscript(printed).find((s) => s.to === 'asker')?.text).toContain('== Why round #');
});
