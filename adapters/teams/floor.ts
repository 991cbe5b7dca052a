import { Application, TeamsAdapter } from '@microsoft/teams-ai';
import type { HttpServer } from '../http/server.js';
import { bridge } from './http.js';

/**
 * A bare teams-ai app whose handler only replies, served the same way as the real adapter: the floor the
 * Teams benchmark compares against. It lives here because every teams-ai import stays in this folder.
 */
export function serveBareTeamsApp(
  http: HttpServer,
  path = '/api/messages',
  /** What the floor does with each message before it replies (the write mix's floor stores it). */
  onMessage?: (user: string, text: string) => void,
): void {
  const adapter = new TeamsAdapter({});
  const teams = new Application({ adapter, removeRecipientMention: false, startTypingTimer: false });
  teams.message(/.*/, async (ctx) => {
    onMessage?.(ctx.activity.from?.id ?? '', ctx.activity.text ?? '');
    await ctx.sendActivity(onMessage ? 'Saved' : 'What I can do');
  });
  http.route('POST', path, async (req, res) => {
    const bridged = await bridge(req, res);
    if (bridged) await adapter.process(bridged.request, bridged.response, (ctx) => teams.run(ctx).then(() => undefined));
  });
}
