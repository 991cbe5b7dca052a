import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { capabilities } from '../src/capabilities.js';
import { t } from '../src/i18n/translate.js';
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
    const groups = capabilities().map((c) => t('en', `help.group.${c.name}` as never));
    expect(headings).toEqual(['What I can do', ...groups]);
    expect(groups.slice(0, 3)).toEqual(['You and the bot', 'Communities and roles', 'Meetings']);
    expect(help.indexOf('/plc pause until')).toBeLessThan(help.indexOf('Communities and roles'));
    expect(help.indexOf('/plc schedule')).toBeGreaterThan(help.indexOf('== Meetings =='));
  });
});

describe('commands that share a commit (handleSoon)', () => {
  const inbound = (text: string) => ({
    workspace: { platform: 'console' as const, externalId: 'school-a' },
    user: { externalId: 'carla', displayName: 'carla' },
    place: { channel: 'math', channelName: 'math' },
    text,
  });
  const reflections = () => answerText(run(app, 'carla', 'reflections', { channel: 'math' }));

  it('rejects a command that failed after writing, with nothing of it stored, so running it again stores it once', async () => {
    const command = app.metrics.command.bind(app.metrics);
    let failures = 1;
    // A step after the command's own write (counting it) fails once.
    app.metrics.command = (...args) => {
      if (failures-- > 0) throw new Error('metrics down');
      command(...args);
    };
    const [failed, other] = await Promise.allSettled([
      app.bot.handleSoon(inbound('reflect Exit tickets showed two groups')),
      app.bot.handleSoon(inbound('agenda add Exit tickets')),
    ]);
    expect(failed.status).toBe('rejected');
    expect(other.status).toBe('fulfilled');
    expect(reflections()).not.toContain('Exit tickets showed two groups');
    await app.bot.handleSoon(inbound('reflect Exit tickets showed two groups'));
    expect(reflections().split('Exit tickets showed two groups').length - 1).toBe(1);
    expect(answerText(run(app, 'carla', 'agenda', { channel: 'math' }))).toContain('Exit tickets');
  });
});
