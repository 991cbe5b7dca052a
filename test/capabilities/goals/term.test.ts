import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../../adapters/console/console.js';
import { t } from '../../../src/i18n/translate.js';
import { parseTranscript } from '../../conversation/console-driver.js';
import { type TestApp, testApp } from '../../support/app.js';

let app: TestApp;
let adapter: ConsoleAdapter;
let buffer = '';

beforeEach(() => {
  app = testApp();
  const output = new PassThrough();
  output.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
  });
  adapter = new ConsoleAdapter({ app, clock: app.clock, input: new PassThrough(), output });
});
afterEach(async () => {
  await app.dispose();
});

/** Types lines at the console and returns the messages printed meanwhile. */
async function typed(...lines: string[]) {
  buffer = '';
  for (const line of lines) await adapter.line(line);
  return parseTranscript(buffer);
}

describe('a term of check-ins at the console', () => {
  it('asks every Friday at 14:00 Berlin time across the clock change, skips the autumn break, and flags a goal to its owner once she stops answering', async () => {
    await typed(':as carla', '/plc create Math', ':as ana', ':tz Europe/Berlin', '/plc join', ':as ben', '/plc join');
    await typed(':as ana', '/plc goal add Exit tickets in every lesson', ':as ben', '/plc goal add team Every student writes weekly');
    await typed(':as carla', '/plc holiday 2026-10-26 2026-10-30 Autumn break', '/plc checkins weekly fri 14:00');
    // Sixteen weeks: 1 September to 22 December. Ana answers every ask; nobody checks in on the team goal.
    const asks: string[] = [];
    for (let week = 0; week < 16; week++) {
      const seen = await typed(':clock +7d');
      for (const ask of seen.filter((s) => s.to === '@ana' && s.text.includes(t('en', 'goals.ask.title', { community: 'Math' })))) {
        asks.push(ask.time);
        await typed(':as ana', '/plc checkin #1 on-track 50% most lessons');
      }
    }
    expect(asks[0]).toBe('2026-09-04T14:00:00+02:00');
    expect(asks).toContain('2026-10-23T14:00:00+02:00');
    expect(asks).not.toContain('2026-10-30T14:00:00+01:00');
    expect(asks).toContain('2026-11-06T14:00:00+01:00');
    expect(asks).toHaveLength(15);
    expect(asks.every((at) => at.slice(11, 16) === '14:00')).toBe(true);
    // The team goal went to the lead each week (Math has no meetings), and was never answered: ana's home stays
    // quiet about it (it is the team's), and her own goal is not overdue.
    const home = await typed(':as ana', '/plc home');
    expect(home.map((s) => s.text).join('\n')).not.toContain('waiting for a check-in');
    const carlaHome = await typed(':as carla', '/plc goals');
    expect(carlaHome.map((s) => s.text).join('\n')).toContain('#2 (team) Every student writes weekly\n  Math · no check-in yet');
    // Two weeks of a weekly cadence without her check-in: her home says so, and nobody else's.
    await typed(':clock +14d');
    const later = (await typed(':as ana', '/plc home')).map((s) => s.text).join('\n');
    expect(later).toContain(t('en', 'goals.home.overdue', { count: 1 }));
    expect(later).toContain('#1 Exit tickets in every lesson (last check-in Dec 22, 2026)');
    expect((await typed(':as ben', '/plc home')).map((s) => s.text).join('\n')).not.toContain('Exit tickets');
  });
});
