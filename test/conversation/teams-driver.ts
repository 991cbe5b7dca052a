import { PICKER_INPUT } from '../../adapters/teams/render.js';
import type { ConnectorCall } from '../doubles/bot-connector.js';
import { activityText, cardAction, message, type Person, posted, teamsHarness, type Where } from '../teams/harness.js';
import { type Driver, type DriverOptions, FILE_ACCEPT, FILE_DECLINE, missingButton, type Seen } from './driver.js';

// biome-ignore lint/suspicious/noExplicitAny: cards are read as the plain JSON Teams receives.
type Json = any;

/** Every activity the bot sent while the conversation suite ran, and every card it answered an invoke with. */
export const sentToTeams: { what: string; activity: Json }[] = [];

/** A card the bot showed: the conversation it is in (a channel's with its thread), its activity id and its content. */
interface Shown {
  conversation: string;
  id: string;
  card: Json;
}

/** Every element of a card, containers opened. */
function elements(card: Json): Json[] {
  const out: Json[] = [];
  const walk = (el: Json) => {
    out.push(el);
    for (const child of el?.items ?? []) walk(child);
  };
  for (const el of card?.body ?? []) walk(el);
  return out;
}

/** The card's Action.Execute actions: its buttons, and its form's submit (the one whose data names the form). */
function actionsOf(card: Json): { buttons: Json[]; submit: Json | null } {
  const all = elements(card)
    .filter((el) => el?.type === 'ActionSet')
    .flatMap((set) => set.actions as Json[]);
  return { buttons: all.filter((a) => !a.data?.form), submit: all.find((a) => a.data?.form) ?? null };
}

/** The choices of a card's picker (more choices than fit in a row): each value is the command it runs. */
function pickerOf(card: Json): Json[] {
  return elements(card).find((el) => el?.type === 'Input.ChoiceSet' && el.id === PICKER_INPUT)?.choices ?? [];
}

/** The card's inputs and the title shown above them. */
function formOf(card: Json): { title: string; inputs: Json[] } | null {
  const all = elements(card);
  const first = all.findIndex((el) => typeof el?.type === 'string' && el.type.startsWith('Input.'));
  if (first < 0) return null;
  const title = all
    .slice(0, first)
    .reverse()
    .find((el) => el.type === 'TextBlock');
  return { title: String(title?.text ?? ''), inputs: all.filter((el) => typeof el?.type === 'string' && el.type.startsWith('Input.')) };
}

/** Drives the Teams adapter through POST /api/messages, reading what reached the Bot Connector double. */
export async function teamsDriver(env: Record<string, string> = {}, options: DriverOptions = {}): Promise<Driver> {
  const h = await teamsHarness(env, {}, { introduce: options.introduce });
  const serviceUrl = h.connector.url;
  const shown = new WeakMap<Seen, Shown>();

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

  /** What a person sees of one card, remembered with where it is so it can be pressed. */
  const seenCard = (to: string, card: Json, text: string, where: Shown, edited: boolean): Seen => {
    const form = formOf(card);
    const s: Seen = {
      to,
      text,
      edited,
      id: where.id,
      buttons: [
        ...actionsOf(card)
          .buttons.filter((a) => a.data?.command)
          .map((a) => String(a.title)),
        ...pickerOf(card).map((c) => String(c.title)),
      ],
      form: form && { title: form.title, fields: form.inputs.map((i) => String(i.label)) },
    };
    shown.set(s, where);
    return s;
  };

  /** A file consent card the bot posted, kept so that pressing Allow or Decline answers it as Teams would. */
  const consents = new WeakMap<Seen, { conversation: string; id: string; token: string; name: string }>();

  /** A consent card (a file offered) or a file info card (a file uploaded) as the person sees it; null for anything else. */
  const seenFile = (c: ConnectorCall, calls: ConnectorCall[], askedId: string | null): Seen | null => {
    const file = c.body.attachments?.find((a: Json) => String(a.contentType).startsWith('application/vnd.microsoft.teams.card.file.'));
    if (!file) return null;
    const base = { to: recipient(c, askedId), text: activityText(c.body), edited: false, id: c.id as string, form: null };
    if (file.contentType.endsWith('.consent')) {
      const s: Seen = { ...base, buttons: [FILE_ACCEPT, FILE_DECLINE], files: [{ name: String(file.name), content: null }] };
      consents.set(s, {
        conversation: c.conversation,
        id: c.id as string,
        token: file.content.acceptContext.token,
        name: String(file.name),
      });
      return s;
    }
    const uploaded = calls.find((u) => u.kind === 'upload');
    return {
      ...base,
      buttons: [],
      files: [{ name: String(file.name), content: typeof uploaded?.body === 'string' ? uploaded.body : null }],
    };
  };

  const seen = (calls: ConnectorCall[], askedId: string | null): Seen[] =>
    posted(calls).map((c) => {
      sentToTeams.push({ what: activityText(c.body).slice(0, 80), activity: c.body });
      const file = seenFile(c, calls, askedId);
      if (file) return file;
      const card = c.body.attachments?.find((a: Json) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
      // A PUT on an activity is an edit of it; the double answers both with the activity's id.
      const edited = c.kind === 'update';
      // A post to a channel starts a thread of its own; a press on it comes from that thread.
      const conversation =
        c.conversation.includes(';messageid=') || !c.conversation.startsWith('19:')
          ? c.conversation
          : `${c.conversation};messageid=${c.id}`;
      return seenCard(recipient(c, askedId), card, activityText(c.body), { conversation, id: c.id as string, card }, edited);
    });

  /** Sends an Action.Execute invoke from the card, as `user`; the card the invoke answers with replaces the one pressed. */
  const invoke = async (user: string, on: Shown, verb: string, data: Json): Promise<Seen[]> => {
    // Teams sends the invoke from the conversation the card is in: a channel post's thread, or the chat.
    const thread = /^19:(.+)@thread\.tacv2;messageid=(.+)$/.exec(on.conversation);
    const where: Where = thread ? { channel: thread[1] as string, thread: thread[2] as string } : { personal: true };
    const activity = cardAction(serviceUrl, { name: user }, where, on.id, verb, data);
    if (!thread) activity.conversation = { ...activity.conversation, id: on.conversation };
    h.connector.take();
    const res = await h.post(activity);
    if (res.status !== 200) throw new Error(`card action answered ${res.status}`);
    // In a channel, Teams shows only the invoke's answer to the presser alone: a reply the bot posts in the
    // thread is read by everyone, so it counts as a post to the channel, never as the asker's answer.
    const out = seen(h.connector.take(), thread ? null : activity.id);
    const answer = JSON.parse(res.body || '{}');
    if (answer?.type === 'application/vnd.microsoft.card.adaptive') {
      const card = answer.value;
      sentToTeams.push({
        what: 'invoke answer',
        activity: { type: 'invokeResponse', attachments: [{ contentType: answer.type, content: card }] },
      });
      const text = activityText({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] });
      out.unshift(seenCard('asker', card, text, { ...on, card }, true));
    }
    return out;
  };

  const shownOf = (s: Seen): Shown => {
    const found = shown.get(s);
    if (!found) throw new Error(`the Teams driver did not see this card: ${s.text.slice(0, 80)}`);
    return found;
  };

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
    async press(user, on, label) {
      const consent = consents.get(on);
      if (consent && (label === FILE_ACCEPT || label === FILE_DECLINE)) {
        // Teams answers a consent card with a fileConsent/invoke; on Allow, OneDrive's upload session is in it.
        const base = message(serviceUrl, { name: user }, { personal: true }, '');
        const accept = label === FILE_ACCEPT;
        const activity = {
          ...base,
          type: 'invoke',
          name: 'fileConsent/invoke',
          text: undefined,
          replyToId: consent.id,
          conversation: { ...base.conversation, id: consent.conversation },
          value: {
            type: 'fileUpload',
            action: accept ? 'accept' : 'decline',
            context: { token: consent.token },
            uploadInfo: accept
              ? {
                  contentUrl: `https://contoso.sharepoint.com/personal/${user}/Documents/Applications/PLC/${consent.name}`,
                  name: consent.name,
                  uploadUrl: `${serviceUrl}upload/${encodeURIComponent(consent.name)}`,
                  uniqueId: `file-${consent.id}`,
                  fileType: consent.name.split('.').pop(),
                }
              : undefined,
          },
        };
        h.connector.take();
        const res = await h.post(activity);
        if (res.status !== 200) throw new Error(`file consent answered ${res.status}`);
        return seen(h.connector.take(), activity.id);
      }
      const card = shownOf(on);
      const choice = pickerOf(card.card).find((c) => c.title === label);
      const picked = choice && actionsOf(card.card).buttons.find((a) => !a.data?.command);
      // Teams merges the chosen value into the picker's submit data under the input's id.
      if (choice && picked) return invoke(user, card, picked.verb, { ...picked.data, [PICKER_INPUT]: choice.value });
      const button = actionsOf(card.card).buttons.find((a) => a.title === label) ?? missingButton(on, label);
      return invoke(user, card, button.verb, button.data);
    },
    async submit(user, on, values) {
      const card = shownOf(on);
      const form = formOf(card.card);
      const { submit } = actionsOf(card.card);
      if (!form || !submit) throw new Error(`no form on the card to ${on.to}`);
      // Teams sends the submit action's own data with each input's value beside it, keyed by the input's id.
      const data: Json = { ...submit.data };
      for (const [label, value] of Object.entries(values)) {
        const input = form.inputs.find((i) => i.label === label);
        if (!input) throw new Error(`the form has no field “${label}”`);
        data[input.id] = value;
      }
      return invoke(user, card, submit.verb, data);
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
