import type { Handled, Inbound } from '../../src/bot.js';
import { renderPlain } from '../../src/views/plain.js';
import type { TestApp } from './app.js';

/** Runs a command straight through the core as `user`, in `channel` (null: a DM), on a console workspace. */
export function run(
  app: TestApp,
  user: string,
  text: string,
  opts: { channel?: string | null; workspace?: string; locale?: string } = {},
): Handled {
  const channel = opts.channel === undefined ? 'general' : opts.channel;
  const inbound: Inbound = {
    workspace: { platform: 'console', externalId: opts.workspace ?? 'school-a' },
    user: { externalId: user, displayName: user, platformLocale: opts.locale ?? null },
    place: { channel, channelName: channel },
    text: text.replace(/(^|\s)@([\w.-]+)/g, '$1<@$2|$2>'),
  };
  return app.bot.handle(inbound);
}

/** What the asker sees in answer, as plain text. */
export function answerText(h: Handled): string {
  return h.deliveries
    .filter((d) => d.to === 'asker')
    .map((d) => renderPlain(d.view))
    .join('\n');
}
