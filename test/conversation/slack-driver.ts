import type { SlackCall } from '../doubles/slack-api.js';
import {
  ackCall,
  blocksText,
  buttonPress,
  interactivityBody,
  postSigned,
  type SlackHarness,
  slashCommandBody,
  startSlackHarness,
} from '../slack/support.js';
import type { Driver, Seen } from './driver.js';

/** Logical names to Slack ids: `ana` is `UANA`, `#math` is `CMATH`, and ana's DM with the bot `DANA`. */
const userId = (name: string) => `U${name.toUpperCase().replace(/[^A-Z0-9]/g, '')}`;
const channelId = (name: string) => `C${name.toUpperCase().replace(/[^A-Z0-9]/g, '')}`;

/** Drives the Slack adapter through its real entry point: signed requests to Bolt, answers read from the Web API double. */
export async function slackDriver(): Promise<Driver> {
  const h = await startSlackHarness();
  const names = new Map<string, string>();
  const channels = new Map<string, string>();
  let mark = 0;
  let responses = 0;
  let clicks = 0;

  const person = (name: string, locale?: string) => {
    const id = userId(name);
    names.set(id, name);
    const known = h.api.users.get(id);
    if (!known || (locale && known.locale !== locale)) {
      h.api.users.set(id, { name, locale: locale ?? known?.locale ?? 'en-US', tz: 'UTC' });
      h.adapter.profiles.forget('T0SCHOOL', id);
    }
    return id;
  };
  const place = (channel: string | null, user: string) => {
    if (channel === null) return { id: `D${user.slice(1)}`, name: 'directmessage' };
    const id = channelId(channel);
    channels.set(id, channel);
    return { id, name: channel };
  };
  // Mentions typed `@ben` reach Slack's escaped form `<@UBEN|ben>`, as should_escape: true sends them.
  const toSlack = (command: string) =>
    command.replace(/(^|\s)@([\w.-]+)/g, (_, before: string, name: string) => `${before}<@${person(name)}|${name}>`);

  const collect = async (ackBody = ''): Promise<Seen[]> => {
    await h.adapter.idle();
    const calls = [...ackCall(ackBody), ...h.api.calls.slice(mark)];
    mark = h.api.calls.length;
    return calls.flatMap((c) => seen(c));
  };
  const seen = (c: SlackCall): Seen[] => {
    const b = c.body;
    const text = (blocks: unknown) => readable(blocksText(blocks));
    switch (c.method) {
      case 'ack':
      case 'chat.postEphemeral':
        return [{ to: 'asker', text: text(b.blocks), edited: false, id: null }];
      case 'respond':
        // A response_url post may replace the message it answers instead of adding one.
        return [{ to: 'asker', text: text(b.blocks), edited: b.replace_original === true, id: null }];
      case 'chat.postMessage':
      case 'chat.update': {
        const edited = c.method === 'chat.update';
        const ch = String(c.answer?.channel ?? b.channel);
        // A post's ts is in Slack's answer; an update names the ts of the message it changes.
        const ts = String((edited ? b.ts : c.answer?.ts) ?? '');
        const to = ch.startsWith('U') || ch.startsWith('D') ? `@${names.get(`U${ch.slice(1)}`) ?? ch}` : `#${channels.get(ch) ?? ch}`;
        return [{ to, text: text(b.blocks), edited, id: ts || null }];
      }
      case 'views.open': {
        const modal = b.view as { title: { text: string }; blocks: { label: { text: string } }[] };
        const lines = [`[${modal.title.text}]`, ...modal.blocks.map((x) => `  ${x.label.text}`)];
        return [{ to: 'asker', text: lines.join('\n'), edited: false, id: null }];
      }
      default:
        return [];
    }
  };
  // What a person reads: entities unescaped, mentions by name, code and bold marks dropped.
  const readable = (mrkdwn: string) =>
    mrkdwn
      .replace(/<@([A-Z0-9]+)>/g, (_, id: string) => `@${names.get(id) ?? id}`)
      .replace(/`/g, '')
      .replace(/(^|\n)\*([^*\n]+)\*\n/g, '$1$2: ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');

  const driver: Driver = {
    name: 'slack',
    async send(user, command, opts = {}) {
      await collect();
      const uid = person(user, opts.locale);
      const where = place(opts.channel === undefined ? 'general' : opts.channel, uid);
      const body = slashCommandBody({
        user: uid,
        userName: user,
        channel: where.id,
        channelName: where.name,
        text: toSlack(command),
        responseUrl: h.api.responseUrl(++responses),
      });
      const res = await postSigned(h.baseUrl, body, 'application/x-www-form-urlencoded');
      if (res.status !== 200) throw new Error(`slash command answered ${res.status}`);
      return collect(res.body);
    },
    async press(user, command, opts = {}) {
      await collect();
      const uid = person(user);
      const where = place(opts.channel === undefined ? 'general' : opts.channel, uid);
      // Each press is a new click a few seconds after the last, so none is taken for a double click.
      clicks += 5;
      const payload = buttonPress({
        user: uid,
        channel: where.id,
        channelName: where.name,
        value: command,
        actionTs: `1788000000.${String(clicks).padStart(6, '0')}`,
        messageTs: `1788000000.${String(clicks).padStart(6, '0')}`,
        responseUrl: h.api.responseUrl(++responses),
      });
      const res = await postSigned(h.baseUrl, interactivityBody(payload), 'application/x-www-form-urlencoded');
      if (res.status !== 200) throw new Error(`button press answered ${res.status}`);
      return collect();
    },
    async advance(ms) {
      await collect();
      await h.app.advance(h.app.clock.now().getTime() + ms);
      return collect();
    },
    async close() {
      await h.close();
    },
  };
  return driver;
}

export type { SlackHarness };
