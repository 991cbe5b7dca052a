import type { ConnectorCall } from '../doubles/bot-connector.js';
import { activityText, cardAction, message, type Person, posted, teamsHarness, type Where } from '../teams/harness.js';
import type { Driver, Seen } from './driver.js';

/** Drives the Teams adapter through POST /api/messages, reading what reached the Bot Connector double. */
export async function teamsDriver(): Promise<Driver> {
  const h = await teamsHarness();
  const serviceUrl = h.connector.url;
  /** The last card the bot posted in each conversation, so a press has a card to reply to. */
  const lastCard = new Map<string, string>();

  const whereOf = (channel: string | null | undefined): Where =>
    channel === null ? { personal: true } : { channel: channel ?? 'general' };

  /** Who a message went to, in the suite's terms: the asker, `#channel` or `@person`. */
  const recipient = (c: ConnectorCall, askedId: string | null): string => {
    if (askedId && c.replyToId === askedId) return 'asker';
    const base = c.conversation.split(';messageid=')[0] as string;
    const channel = /^19:(.+)@thread\.tacv2$/.exec(base);
    if (channel) return `#${channel[1]}`;
    const dm = /^a:(?:dm-|created-29:)(.+)$/.exec(base);
    return dm ? `@${dm[1]}` : base;
  };

  const seen = (calls: ConnectorCall[], askedId: string | null): Seen[] =>
    posted(calls).map((c) => {
      if (c.id) lastCard.set(c.conversation.split(';messageid=')[0] as string, c.id);
      // A PUT on an activity is an edit of it; the double answers both with the activity's id.
      return { to: recipient(c, askedId), text: activityText(c.body), edited: c.kind === 'update', id: c.id ?? null };
    });

  const driver: Driver = {
    name: 'teams',
    async send(user, command, opts = {}) {
      const who: Person = { name: user };
      const where = whereOf(opts.channel);
      const text = 'personal' in where ? `plc ${command}` : command;
      const activity = message(serviceUrl, who, where, text, { locale: opts.locale });
      h.connector.take();
      await h.post(activity);
      return seen(h.connector.take(), activity.id);
    },
    async press(user, command, opts = {}) {
      const who: Person = { name: user };
      const where = whereOf(opts.channel);
      const conversation = 'personal' in where ? `a:dm-${user}` : `19:${(where as { channel: string }).channel}@thread.tacv2`;
      const activity = cardAction(serviceUrl, who, where, lastCard.get(conversation) ?? '0', 'plc', { verb: 'plc', command });
      h.connector.take();
      const res = await h.post(activity);
      const out = seen(h.connector.take(), activity.replyToId);
      const card = JSON.parse(res.body || '{}')?.value;
      if (card?.type === 'AdaptiveCard')
        out.unshift({
          to: 'asker',
          text: activityText({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] }),
          // The card an invoke answers with replaces the card that was pressed.
          edited: true,
          id: activity.replyToId,
        });
      return out;
    },
    async advance(ms) {
      h.connector.take();
      await h.app.advance(h.app.clock.now().getTime() + ms);
      return seen(h.connector.take(), null);
    },
    async close() {
      await h.close();
    },
  };
  return driver;
}
