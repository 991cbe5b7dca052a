import { Application, TeamsAdapter } from '@microsoft/teams-ai';
import type { HttpServer } from '../http/server.js';
import { bridge } from './http.js';

/**
 * A bare teams-ai app whose handler only replies, served the same way as the real adapter: the floor the
 * Teams benchmark compares against. It lives here because every teams-ai import stays in this folder.
 */
export function serveBareTeamsApp(http: HttpServer, path = '/api/messages'): void {
  const adapter = new TeamsAdapter({});
  const teams = new Application({ adapter, removeRecipientMention: false, startTypingTimer: false });
  teams.message(/.*/, async (ctx) => {
    await ctx.sendActivity('What I can do');
  });
  http.route('POST', path, async (req, res) => {
    const bridged = await bridge(req, res);
    if (bridged) await adapter.process(bridged.request, bridged.response, (ctx) => teams.run(ctx).then(() => undefined));
  });
}
