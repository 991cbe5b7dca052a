import type { Handled, Inbound } from '../../../src/bot.js';
import type { TestApp } from '../../support/app.js';
import { answerText } from '../../support/bot.js';

/**
 * Runs a command as `user`, whose platform reports a time zone and language, in `channel` (null: a DM), on a
 * console workspace; `@name` becomes a mention the platform vouched for.
 */
export function runAs(
  app: TestApp,
  user: string,
  text: string,
  opts: { channel?: string | null; tz?: string; locale?: string; workspace?: string; seenByOthers?: boolean } = {},
): Handled {
  const channel = opts.channel === undefined ? 'math' : opts.channel;
  const named: string[] = [];
  const inbound: Inbound = {
    workspace: { platform: 'console', externalId: opts.workspace ?? 'school-a' },
    user: { externalId: user, displayName: user, platformLocale: opts.locale ?? null, tz: opts.tz ?? null },
    place: { channel, channelName: channel, ...(opts.seenByOthers ? { seenByOthers: true } : {}) },
    text: text.replace(/(^|\s)@([\w.-]+)/g, (_, before: string, name: string) => {
      named.push(name);
      return `${before}<@${name}|${name}>`;
    }),
  };
  inbound.mentions = named.map((name) => ({ externalId: name, profile: { externalId: name, displayName: name } }));
  return app.bot.handle(inbound);
}

/** What the asker is answered, as plain text. */
export const sayAs = (app: TestApp, user: string, text: string, opts: Parameters<typeof runAs>[3] = {}): string =>
  answerText(runAs(app, user, text, opts));

/** Math, led by carla, with ana and ben as members and gus as a guest, in #math. */
export function mathTeam(app: TestApp, zones: Record<string, string> = {}): void {
  const say = (user: string, text: string) => runAs(app, user, text, { tz: zones[user] });
  say('carla', 'create Math');
  for (const p of ['ana', 'ben']) say(p, 'join');
  say('gus', 'join');
  say('carla', 'role @gus guest');
}
