import type { webApi } from '@slack/bolt';
import type { App } from '../../src/app.js';
import type { Handled } from '../../src/bot.js';
import { deliver } from '../../src/delivery.js';
import { fieldFor } from '../../src/views/forms.js';
import type { Form, View } from '../../src/views/view.js';
import { cachedMentions, checkMentions } from './mentions.js';
import { escapeMrkdwn } from './mrkdwn.js';
import type { ProfileCache } from './profiles.js';
import { fillTemplate, mentionedIn, type SlackRequest, toInbound } from './receive.js';
import { formOf, renderModal, withoutForms } from './render.js';
import type { SlackMessenger } from './send.js';

type WebClient = webApi.WebClient;

/** How an answer for the asker reaches them: `respond` (response_url), an ephemeral post or a DM. */
export type Reply = (v: View) => Promise<void>;

/** What a modal carries through Slack so its submission can be run where the form was asked for. */
export interface FormMeta {
  /** The form's command template. */
  command: string;
  channelId: string | null;
  channelName: string | null;
  /** The field that shows an error the core does not attribute to a field. */
  lastField: string;
}

/** What a modal submission leads to: errors shown on its fields, or the answers to send once it closes. */
export type Submitted = { errors: Record<string, string> } | { handled: Handled };

export interface RunnerDeps {
  app: App;
  messenger: SlackMessenger;
  profiles: ProfileCache;
}

/** Runs commands as the Slack person who typed, pressed or submitted them, and sends the answers. */
export class SlackRunner {
  constructor(private readonly deps: RunnerDeps) {}

  /** Runs a command and delivers its answers; a form in an answer opens as a modal when Slack gave a trigger. */
  async run(req: SlackRequest, client: WebClient, reply: Reply, triggerId?: string): Promise<void> {
    const handled = await this.handle(req, client);
    await this.send(handled, reply, { client, req, triggerId });
  }

  /** Runs a modal's command with the submitted values. */
  async submit(meta: FormMeta, values: Record<string, string>, req: Omit<SlackRequest, 'text'>, client: WebClient): Promise<Submitted> {
    // Modal inputs arrive literally, unlike slash command text; escape them so the receiver's unescaping keeps them as typed.
    const escaped = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, escapeMrkdwn(v)]));
    const text = fillTemplate(meta.command, escaped);
    const handled = await this.handle({ ...req, text, channelId: meta.channelId, channelName: meta.channelName }, client);
    const errors = fieldErrors(handled, meta);
    return errors ? { errors } : { handled };
  }

  /** Delivers a command's answers: asker answers through `reply`, the rest through the messenger. */
  async send(handled: Handled, reply: Reply, opts: { client?: WebClient; req?: SlackRequest; triggerId?: string } = {}): Promise<void> {
    let modalOpened = false;
    await deliver(
      handled.deliveries,
      handled.workspace,
      this.deps.messenger,
      async (v) => {
        const form = formOf(v);
        if (form && opts.client && opts.req && opts.triggerId && !modalOpened) {
          modalOpened = true;
          await opts.client.views.open({ trigger_id: opts.triggerId, view: renderModal(form, v.locale, encodeMeta(form, opts.req)) });
          const rest = withoutForms(v);
          if (rest) await reply(rest);
          return;
        }
        await reply(v);
      },
      this.deps.app.log,
      handled.now,
    );
  }

  async handle(req: SlackRequest, client: WebClient): Promise<Handled> {
    const { profiles } = this.deps;
    const [profile, mentions] = await Promise.all([
      profiles.get(client, req.teamId, req.userId),
      checkMentions(profiles, client, req.teamId, mentionedIn(req.text)),
    ]);
    return this.deps.app.bot.handleSoon(toInbound(req, profile, mentions));
  }

  /**
   * Runs a command at once when the person's profile (and those of anyone it mentions) is already cached (the
   * usual case), so its first answer can ride on the ack itself; undefined when a profile must be fetched first.
   * Commands that arrive together share a commit (`Bot.handleSoon`).
   */
  async handleNow(req: SlackRequest): Promise<{ handled: Handled; first: View | null } | undefined> {
    const profile = this.deps.profiles.peek(req.teamId, req.userId);
    if (profile === undefined) return undefined;
    const mentions = cachedMentions(this.deps.profiles, req.teamId, mentionedIn(req.text));
    if (!mentions) return undefined;
    const handled = await this.deps.app.bot.handleSoon(toInbound(req, profile, mentions));
    // The first answer for the asker goes with the ack, unless it is a form (that opens as a modal).
    const index = handled.deliveries.findIndex((d) => d.to === 'asker' && !formOf(d.view));
    const firstAsker = handled.deliveries.findIndex((d) => d.to === 'asker');
    if (index < 0 || index !== firstAsker) return { handled, first: null };
    const first = (handled.deliveries[index] as { view: View }).view;
    return { handled: { ...handled, deliveries: handled.deliveries.filter((_, i) => i !== index) }, first };
  }
}

/**
 * Field errors for a submitted modal: a form sent back with errors, or the core's refusal on the field it names
 * (else the last field, which holds the free text). Only the reason is shown: a usage line speaks of a command
 * the person never typed.
 */
function fieldErrors(handled: Handled, meta: FormMeta): Record<string, string> | null {
  const errors: Record<string, string> = {};
  for (const d of handled.deliveries) {
    if (d.to !== 'asker') continue;
    for (const f of formOf(d.view)?.fields ?? []) if (f.error) errors[f.name] = f.error.slice(0, 2000);
  }
  if (Object.keys(errors).length) return errors;
  if (!handled.refused) return null;
  const field = fieldFor(meta.command, handled.refusal?.field ?? null) ?? meta.lastField;
  return { [field]: (handled.refusal?.message ?? '').slice(0, 2000) };
}

function encodeMeta(form: Form, req: SlackRequest): string {
  const meta: FormMeta = {
    command: form.command,
    channelId: req.channelId ?? null,
    channelName: req.channelName ?? null,
    lastField: form.fields[form.fields.length - 1]?.name ?? '',
  };
  return JSON.stringify(meta);
}

/** Reads a modal's private metadata back; null when it is not ours (not text, not JSON, or not of our shape). */
export function decodeMeta(raw: unknown): FormMeta | null {
  if (typeof raw !== 'string') return null;
  let meta: Partial<Record<keyof FormMeta, unknown>> | null;
  try {
    meta = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!meta || typeof meta.command !== 'string' || typeof meta.lastField !== 'string') return null;
  const orNull = (v: unknown) => (typeof v === 'string' ? v : null);
  return { command: meta.command, lastField: meta.lastField, channelId: orNull(meta.channelId), channelName: orNull(meta.channelName) };
}
