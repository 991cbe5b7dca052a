import type { Handled, Inbound, MentionedPerson } from '../../src/bot.js';
import { renderPlain } from '../../src/views/plain.js';
import type { TestApp } from './app.js';

/**
 * Runs a command straight through the core as `user`, in `channel` (null: a DM), on a console workspace.
 * `@name` becomes a mention the platform vouches for, as the console's are; `mentions` replaces that list.
 */
export function run(
  app: TestApp,
  user: string,
  text: string,
  opts: { channel?: string | null; workspace?: string; locale?: string; mentions?: MentionedPerson[] } = {},
): Handled {
  const channel = opts.channel === undefined ? 'general' : opts.channel;
  const named: string[] = [];
  const inbound: Inbound = {
    workspace: { platform: 'console', externalId: opts.workspace ?? 'school-a' },
    user: { externalId: user, displayName: user, platformLocale: opts.locale ?? null },
    place: { channel, channelName: channel },
    text: text.replace(/(^|\s)@([\w.-]+)/g, (_, before: string, name: string) => {
      named.push(name);
      return `${before}<@${name}|${name}>`;
    }),
  };
  inbound.mentions = opts.mentions ?? named.map((name) => ({ externalId: name, profile: { externalId: name, displayName: name } }));
  return app.bot.handle(inbound);
}

/** What the asker sees in answer, as plain text. */
export function answerText(h: Handled): string {
  return h.deliveries
    .filter((d) => d.to === 'asker')
    .map((d) => renderPlain(d.view))
    .join('\n');
}
