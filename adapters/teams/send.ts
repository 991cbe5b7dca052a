import { type CloudAdapter, type ConversationReference, TurnContext } from 'botbuilder';
import type { Locale } from '../../src/i18n/locales.js';
import type { Logger } from '../../src/log.js';
import { type Address, type Clock, type Messenger, RecipientGoneError, type SentMessage, type WorkspaceAddress } from '../../src/ports.js';
import type { View } from '../../src/views/view.js';
import type { KnownConversation, StoredReference, TeamsConversations } from './conversations.js';
import { isGone, statusOf, TeamsError, TeamsErrorCode } from './errors.js';
import { baseConversationId, threadConversationId } from './ids.js';
import { renderActivity } from './render.js';

/** What offers a person a file (the consent card flow of files.ts). */
export interface FileOffers {
  offer(w: WorkspaceAddress, user: string, file: { name: string; content: Buffer; locale: Locale }): Promise<void>;
}

/** The channel id every Teams conversation reference carries. */
export const TEAMS_CHANNEL = 'msteams';

export interface TeamsMessengerDeps {
  adapter: CloudAdapter;
  /** The bot's app id, or '' when authentication is off. */
  botAppId: string;
  known: TeamsConversations;
  clock: Clock;
  log: Logger;
}

/**
 * The core's messenger on Teams: proactive posts, thread replies, DMs (opening a 1:1 chat when the bot has
 * none) and in-place card updates, through the adapter's continueConversationAsync / createConversationAsync.
 */
export class TeamsMessenger implements Messenger {
  #files: FileOffers | null = null;

  constructor(private readonly deps: TeamsMessengerDeps) {}

  /** Hands the messenger the file consent flow (which itself posts through the messenger). */
  offersFilesWith(files: FileOffers): void {
    this.#files = files;
  }

  /**
   * Posts a view to a channel (or one of its threads), or DMs a person. A view with a file (an export) names it;
   * to a person, the file follows as a consent card in the personal chat: Teams takes files only there.
   */
  async send(w: WorkspaceAddress, to: Address, view: View): Promise<SentMessage | null> {
    const sent = await this.#post(w, to, view);
    const files = view.blocks.flatMap((b) => (b.type === 'file' ? [b.file] : []));
    if (files.length === 0) return sent;
    if (to.kind !== 'user' || !this.#files) {
      this.deps.log.warn({ files: files.length }, 'teams sends files only in a personal chat; the message names them');
      return sent;
    }
    for (const f of files)
      await this.#files.offer(w, to.user, {
        name: f.name,
        content: Buffer.from(f.content, f.encoding === 'base64' ? 'base64' : 'utf8'),
        locale: view.locale,
      });
    return sent;
  }

  async #post(w: WorkspaceAddress, to: Address, view: View): Promise<SentMessage | null> {
    const activity = renderActivity(view);
    if (to.kind === 'channel') {
      const conversation = to.thread ? threadConversationId(to.channel, to.thread) : baseConversationId(to.channel);
      const id = await this.post(this.reachable(w.externalId, baseConversationId(to.channel)), conversation, activity);
      return id ? { conversation, message: id } : null;
    }
    const personal = this.deps.known.personalOf(w.externalId, to.user);
    if (personal) {
      const id = await this.post(this.reachable(w.externalId, personal.id, personal), personal.id, activity);
      return id ? { conversation: personal.id, message: id } : null;
    }
    return this.openAndSend(w.externalId, to.user, activity);
  }

  /** Replaces a card the bot posted earlier with the view's new state. */
  async update(w: WorkspaceAddress, sent: SentMessage, view: View): Promise<void> {
    const known = this.reachable(w.externalId, baseConversationId(sent.conversation));
    await this.within(
      known,
      sent.conversation,
      async (ctx) => {
        await ctx.updateActivity({ ...renderActivity(view), id: sent.message });
      },
      'message',
    );
  }

  /** Sends any activity (a file consent card) into a known conversation; resolves with the posted id. */
  async post(known: KnownConversation, conversation: string, activity: object): Promise<string | null> {
    let id: string | null = null;
    await this.within(known, conversation, async (ctx) => {
      id = (await ctx.sendActivity(activity))?.id ?? null;
    });
    return id;
  }

  /** The tenant's stored conversation, or why it cannot be used: unknown (no reference) or gone (bot removed). */
  reachable(tenantId: string, conversationId: string, found?: KnownConversation): KnownConversation {
    const known = found ?? this.deps.known.find(tenantId, conversationId);
    if (!known) throw new TeamsError(TeamsErrorCode.NoReference, `no conversation reference for ${conversationId}`);
    if (known.goneAt !== null) throw new RecipientGoneError(`conversation ${conversationId} is gone`);
    return known;
  }

  /**
   * Runs `logic` in a proactive turn of the conversation; a 403/404 marks it gone and raises RecipientGoneError.
   * When the turn is about one `message` (an update), a 404 means that message was deleted, not the conversation.
   */
  private async within(
    known: KnownConversation,
    conversation: string,
    logic: (ctx: TurnContext) => Promise<void>,
    about: 'conversation' | 'message' = 'conversation',
  ): Promise<void> {
    const reference: StoredReference = { ...known.reference, conversation: { ...known.reference.conversation, id: conversation } };
    let failed: unknown = null;
    try {
      await this.deps.adapter.continueConversationAsync(this.deps.botAppId, reference as Partial<ConversationReference>, (ctx) =>
        captured(ctx, logic).catch((err) => {
          failed = err;
        }),
      );
    } catch (err) {
      failed = err;
    }
    if (failed && about === 'message' && statusOf(failed) === 404) throw new RecipientGoneError(`message in ${conversation} is gone`);
    if (failed) throw this.failure(failed, known);
  }

  /** Opens a 1:1 chat with someone the bot has not talked to yet, in their tenant, and sends the first message. */
  private async openAndSend(tenantId: string, user: string, activity: object): Promise<SentMessage | null> {
    const { known, adapter, botAppId } = this.deps;
    const any = known.anyIn(tenantId);
    if (!any) throw new TeamsError(TeamsErrorCode.NoReference, `the bot knows no conversation in tenant ${tenantId}`);
    const member = known.teamsIdOf(tenantId, user) ?? user;
    let sent: SentMessage | null = null;
    let failed: unknown = null;
    try {
      await adapter.createConversationAsync(
        botAppId,
        TEAMS_CHANNEL,
        any.reference.serviceUrl,
        // The default audience: botbuilder uses the connector's own scope when none is given.
        undefined as unknown as string,
        {
          isGroup: false,
          bot: { id: any.reference.bot.id, name: any.reference.bot.name ?? '' },
          members: [{ id: member, name: '' }],
          tenantId,
          channelData: { tenant: { id: tenantId } },
        },
        (ctx) =>
          captured(ctx, async () => {
            const ref = TurnContext.getConversationReference(ctx.activity) as StoredReference;
            ref.conversation = { ...ref.conversation, tenantId, conversationType: 'personal' };
            known.remember('personal', user, ref, this.deps.clock.now().getTime());
            const id = (await ctx.sendActivity(activity))?.id;
            if (id) sent = { conversation: ref.conversation.id, message: id };
          }).catch((err) => {
            failed = err;
          }),
      );
      if (failed) throw failed;
    } catch (err) {
      const status = statusOf(err);
      if (isGone(err) && status !== undefined) {
        // Remember that this person cannot be reached, so the bot does not try again until it hears from them.
        const placeholder = `unreachable:${tenantId}:${user}`;
        const now = this.deps.clock.now().getTime();
        known.remember(
          'personal',
          user,
          { ...any.reference, conversation: { id: placeholder, tenantId, conversationType: 'personal' } },
          now,
        );
        known.markGone(tenantId, placeholder, status, now);
        throw new RecipientGoneError(`cannot open a chat with ${user} (${status})`);
      }
      throw this.failure(err, null);
    }
    return sent;
  }

  private failure(err: unknown, conversation: KnownConversation | null): Error {
    if (err instanceof RecipientGoneError || err instanceof TeamsError) return err;
    const status = statusOf(err);
    if (conversation && isGone(err) && status !== undefined) {
      this.deps.known.markGone(conversation.tenantId, conversation.id, status, this.deps.clock.now().getTime());
      this.deps.log.warn({ conversation: conversation.id, status }, 'teams conversation is gone; not sending there again');
      return new RecipientGoneError(`conversation ${conversation.id} is gone (${status})`);
    }
    return new TeamsError(TeamsErrorCode.Connector, err instanceof Error ? err.message : String(err), status);
  }
}

/**
 * Runs proactive logic so that its sends are new posts: botbuilder would set `replyToId` to the made-up id of
 * its continuation activity. Errors are returned to the caller rather than to the app's turn error handler.
 */
async function captured(ctx: TurnContext, logic: (ctx: TurnContext) => Promise<void>): Promise<void> {
  ctx.onSendActivities(async (_ctx, activities, next) => {
    for (const a of activities) a.replyToId = undefined;
    return next();
  });
  await logic(ctx);
}
