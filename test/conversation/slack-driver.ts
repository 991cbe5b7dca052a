import type { SlackCall } from '../doubles/slack-api.js';
import {
  ackCall,
  type BlockButton,
  blocksText,
  buttonPress,
  interactivityBody,
  postSigned,
  type SlackHarness,
  slashCommandBody,
  startSlackHarness,
  viewSubmission,
} from '../slack/support.js';
import { type Driver, type DriverOptions, missingButton, type Seen } from './driver.js';

/**
 * Every payload the bot sent to Slack while the conversation suite ran (the acks it answered with, response_url
 * posts, messages, ephemerals, updates, modals and Home views), for the Block Kit checks after the suite.
 */
export const sentToSlack: { method: string; body: Record<string, unknown> }[] = [];

/** Logical names to Slack ids: `ana` is `UANA`, `#math` is `CMATH`, and ana's DM with the bot `DANA`. */
const userId = (name: string) => `U${name.toUpperCase().replace(/[^A-Z0-9]/g, '')}`;
const channelId = (name: string) => `C${name.toUpperCase().replace(/[^A-Z0-9]/g, '')}`;

/** A channel as Slack names it in payloads: its id and name (`directmessage` for a DM). */
interface Place {
  id: string;
  name: string;
}

/** What Slack showed, kept so a press or submit can send back what Slack would. */
type Shown =
  | { kind: 'message'; place: Place; ts: string | null; text: string; blocks: unknown[]; buttons: BlockButton[] }
  | { kind: 'modal'; place: Place; modal: Record<string, unknown> };

/** The buttons of Block Kit blocks, as rendered, each with its block's id. */
function buttonsOf(blocks: unknown): BlockButton[] {
  if (!Array.isArray(blocks)) return [];
  return (blocks as { type: string; block_id?: string; elements?: Record<string, unknown>[] }[])
    .filter((b) => b.type === 'actions')
    .flatMap((b) =>
      (b.elements ?? []).filter((e) => e.type === 'button').map((e) => ({ ...(e as object), block_id: b.block_id }) as BlockButton),
    );
}

/** Drives the Slack adapter through its real entry point: signed requests to Bolt, answers read from the Web API double. */
export async function slackDriver(options: DriverOptions & { commandThread?: boolean } = {}): Promise<Driver> {
  const h = await startSlackHarness({ introduce: options.introduce, commandThread: options.commandThread });
  const names = new Map<string, string>();
  const channels = new Map<string, string>();
  const shown = new WeakMap<Seen, Shown>();
  let mark = 0;
  let responses = 0;
  // Slack stamps each click with its own time; presses are seconds apart, so none is taken for a double click.
  let clickedAt = 0;

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
  const place = (channel: string | null, user: string): Place => {
    if (channel === null) return { id: `D${user.slice(1)}`, name: 'directmessage' };
    const id = channelId(channel);
    channels.set(id, channel);
    return { id, name: channel };
  };
  const placeOfId = (id: string): Place =>
    id.startsWith('D') || id.startsWith('U') ? { id: `D${id.slice(1)}`, name: 'directmessage' } : { id, name: channels.get(id) ?? id };
  // Mentions typed `@ben` reach Slack's escaped form `<@UBEN|ben>`, as should_escape: true sends them.
  const toSlack = (command: string) =>
    command.replace(/(^|\s)@([\w.-]+)/g, (_, before: string, name: string) => `${before}<@${person(name)}|${name}>`);

  /** What the bot did since the last look; answers for the asker are shown where they asked (`asked`). */
  const collect = async (asked: Place | null, ackBody = ''): Promise<Seen[]> => {
    await h.adapter.idle();
    const calls = [...ackCall(ackBody), ...h.api.calls.slice(mark)];
    mark = h.api.calls.length;
    for (const c of calls) sentToSlack.push({ method: c.method, body: c.body });
    return calls.flatMap((c) => seen(c, asked));
  };
  const seen = (c: SlackCall, asked: Place | null): Seen[] => {
    const b = c.body;
    const message = (to: string, where: Place | null, ts: string | null, edited: boolean): Seen[] => {
      const blocks = Array.isArray(b.blocks) ? (b.blocks as unknown[]) : [];
      const buttons = buttonsOf(blocks);
      const s: Seen = { to, text: readable(blocksText(blocks)), edited, id: ts, buttons: buttons.map((x) => x.text.text), form: null };
      if (where) shown.set(s, { kind: 'message', place: where, ts, text: String(b.text ?? ''), blocks, buttons });
      return [s];
    };
    switch (c.method) {
      case 'ack':
        return message('asker', asked, null, false);
      case 'respond':
        // A response_url post may replace the message it answers instead of adding one.
        return message('asker', asked, null, b.replace_original === true);
      case 'chat.postEphemeral':
        return message('asker', placeOfId(String(b.channel)), null, false);
      case 'chat.postMessage':
      case 'chat.update': {
        const edited = c.method === 'chat.update';
        const ch = String(c.answer?.channel ?? b.channel);
        // A post's ts is in Slack's answer; an update names the ts of the message it changes.
        const ts = String((edited ? b.ts : c.answer?.ts) ?? '');
        const to = ch.startsWith('U') || ch.startsWith('D') ? `@${names.get(`U${ch.slice(1)}`) ?? ch}` : `#${channels.get(ch) ?? ch}`;
        return message(to, placeOfId(ch), ts || null, edited);
      }
      case 'files.completeUploadExternal': {
        // The upload flow shared its files into a conversation (an export into the person's DM).
        if (c.answer?.ok !== true) return [];
        const ch = String(b.channel_id ?? '');
        const to = ch.startsWith('D') ? `@${names.get(`U${ch.slice(1)}`) ?? ch}` : `#${channels.get(ch) ?? ch}`;
        const files = (Array.isArray(b.files) ? (b.files as { id: string }[]) : []).map((f) => {
          const held = h.api.files.get(f.id);
          return { name: held?.filename ?? f.id, content: held?.bytes?.toString('utf8') ?? null };
        });
        return [{ to, text: '', edited: false, id: null, buttons: [], form: null, files }];
      }
      case 'views.open': {
        const modal = b.view as { title: { text: string }; blocks: { label: { text: string } }[] };
        const labels = modal.blocks.map((x) => x.label.text);
        const s: Seen = {
          to: 'asker',
          text: [`[${modal.title.text}]`, ...labels.map((l) => `  ${l}`)].join('\n'),
          edited: false,
          id: null,
          buttons: [],
          form: { title: modal.title.text, fields: labels },
        };
        if (asked) shown.set(s, { kind: 'modal', place: asked, modal: b.view as Record<string, unknown> });
        return [s];
      }
      default:
        return [];
    }
  };
  // What a person reads: entities unescaped, mentions by name, code and bold marks dropped.
  const readable = (mrkdwn: string) =>
    mrkdwn
      .replace(/<@([A-Z0-9]+)>/g, (_, id: string) => `@${names.get(id) ?? id}`)
      .replace(/\u200b/g, '')
      .replace(/`/g, '')
      .replace(/(^|\n)\*([^*\n]+)\*\n/g, '$1$2: ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');

  const driver: Driver = {
    name: 'slack',
    async send(user, command, opts = {}) {
      await collect(null);
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
      return collect(where, res.body);
    },
    async press(user, on, label) {
      const message = shown.get(on);
      if (message?.kind !== 'message') throw new Error(`the Slack driver did not see this message: ${on.text.slice(0, 80)}`);
      const button = message.buttons.find((b) => b.text.text === label) ?? missingButton(on, label);
      await collect(null);
      clickedAt = Math.max(clickedAt + 5, Math.floor(h.app.clock.now().getTime() / 1000));
      // Slack sends the message a posted button sits on; an ephemeral answer's press carries only its container.
      const payload = buttonPress({
        user: person(user),
        channel: message.place.id,
        channelName: message.place.name,
        value: button.value,
        button,
        actionTs: `${clickedAt}.000100`,
        ...(message.ts
          ? { message: { ts: message.ts, text: message.text, blocks: message.blocks } }
          : { messageTs: `${clickedAt - 1}.000200` }),
        responseUrl: h.api.responseUrl(++responses),
      });
      const res = await postSigned(h.baseUrl, interactivityBody(payload), 'application/x-www-form-urlencoded');
      if (res.status !== 200) throw new Error(`button press answered ${res.status}`);
      return collect(message.place);
    },
    async submit(user, on, values) {
      const opened = shown.get(on);
      if (opened?.kind !== 'modal') throw new Error(`no modal was opened with this message: ${on.text.slice(0, 80)}`);
      const blocks = opened.modal.blocks as { block_id: string; label: { text: string } }[];
      const byName: Record<string, string> = {};
      for (const [label, value] of Object.entries(values)) {
        const block = blocks.find((x) => x.label.text === label);
        if (!block) throw new Error(`the modal has no field “${label}”`);
        byName[block.block_id] = value;
      }
      await collect(null);
      const payload = viewSubmission({ user: person(user), modal: opened.modal, values: byName });
      const res = await postSigned(h.baseUrl, interactivityBody(payload), 'application/x-www-form-urlencoded');
      if (res.status !== 200) throw new Error(`view submission answered ${res.status}`);
      const answer = res.body ? (JSON.parse(res.body) as { response_action?: string; errors?: Record<string, string> }) : {};
      const out = await collect(opened.place);
      // A refusal keeps the modal open, with the reason under its field.
      if (answer.response_action === 'errors') {
        const again: Seen = { ...on, text: [on.text, ...Object.values(answer.errors ?? {}).map((e) => `! ${e}`)].join('\n') };
        shown.set(again, opened);
        out.unshift(again);
      }
      return out;
    },
    async advance(ms) {
      await collect(null);
      await h.app.advance(h.app.clock.now().getTime() + ms);
      return collect(null);
    },
    async close() {
      await h.close();
    },
  };
  return driver;
}

export type { SlackHarness };
