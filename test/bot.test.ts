import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { capabilities } from '../src/capabilities.js';
import { type MessageKey, t } from '../src/i18n/translate.js';
import { type TestApp, testApp } from './support/app.js';
import { answerText, run } from './support/bot.js';

let app: TestApp;
beforeEach(() => {
  app = testApp();
  run(app, 'carla', 'create Math', { channel: 'math' });
});
afterEach(async () => {
  await app.dispose();
});

describe('a command line far longer than any command', () => {
  it('is refused before it is parsed, saying how long it was, and changes nothing', () => {
    const huge = `agenda add ${'x'.repeat(10_000_000)}`;
    expect(answerText(run(app, 'carla', huge, { channel: 'math' }))).toContain('That text has 10,000,011 characters; the limit is 4,000.');
    expect(answerText(run(app, 'carla', 'agenda', { channel: 'math' }))).not.toContain('xxxx');
  });

  it('still takes free text of the full 4,000 characters', () => {
    expect(answerText(run(app, 'carla', `agenda add ${'y'.repeat(4_000)}`, { channel: 'math' }))).toMatch(/Added #\d+ to the agenda/);
  });
});

describe('help', () => {
  it('lists the commands grouped by capability, in the order of the capability list', () => {
    const help = answerText(run(app, 'carla', 'help', { channel: 'math' }));
    const headings = [...help.matchAll(/^== (.+) ==$/gm)].map((m) => m[1]);
    expect(headings.slice(0, 4)).toEqual(['What I can do', 'You and the bot', 'Communities and roles', 'Meetings']);
    // Every later capability's group follows, in list order.
    expect(headings).toEqual(['What I can do', ...capabilities().map((c) => t('en', `help.group.${c.name}` as MessageKey))]);
    expect(help.indexOf('/plc pause until')).toBeLessThan(help.indexOf('Communities and roles'));
    expect(help.indexOf('/plc schedule')).toBeGreaterThan(help.indexOf('== Meetings =='));
  });
});
