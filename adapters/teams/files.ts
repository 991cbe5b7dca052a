import { randomUUID } from 'node:crypto';
import type { FileConsentCardResponse, TurnContext } from 'botbuilder';
import type { Locale } from '../../src/i18n/locales.js';
import { t } from '../../src/i18n/translate.js';
import type { Logger } from '../../src/log.js';
import type { Clock, WorkspaceAddress } from '../../src/ports.js';
import type { TeamsConversations } from './conversations.js';
import { TeamsError, TeamsErrorCode } from './errors.js';
import type { TeamsMessenger } from './send.js';

/** A file waiting for the person to accept it, kept in memory: after a restart they ask again. */
interface Pending {
  name: string;
  content: Buffer;
  locale: Locale;
  until: number;
}

/** How long a consent card stays good, and how many files may wait at once (memory is bounded). */
const PENDING_MS = 60 * 60_000;
const MAX_PENDING = 500;

/**
 * Files (exports) through Teams' file consent flow: a consent card in the personal chat, and on
 * accept the bytes go to the OneDrive upload URL Teams gives us, followed by a file info card.
 */
export class TeamsFiles {
  readonly #pending = new Map<string, Pending>();

  constructor(private readonly deps: { messenger: TeamsMessenger; known: TeamsConversations; clock: Clock; log: Logger }) {}

  /** Asks a person, in their personal chat with the bot, to accept a file. */
  async offer(w: WorkspaceAddress, user: string, file: { name: string; content: Buffer | string; locale: Locale }): Promise<void> {
    const personal = this.deps.known.personalOf(w.externalId, user);
    if (!personal) throw new TeamsError(TeamsErrorCode.NoReference, t(file.locale, 'teams.file.personalOnly'));
    const content = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content;
    const now = this.deps.clock.now().getTime();
    this.#prune(now);
    const token = randomUUID();
    this.#pending.set(token, { name: file.name, content, locale: file.locale, until: now + PENDING_MS });
    const card = {
      contentType: 'application/vnd.microsoft.teams.card.file.consent',
      name: file.name,
      content: {
        description: t(file.locale, 'teams.file.description', { name: file.name, size: content.length }),
        sizeInBytes: content.length,
        acceptContext: { token },
        declineContext: { token },
      },
    };
    await this.deps.messenger.post(this.deps.messenger.reachable(personal.id, personal), personal.id, {
      type: 'message',
      attachments: [card],
    });
  }

  /** The person accepted: upload the bytes, then show the file in the chat. */
  async accepted(ctx: TurnContext, response: FileConsentCardResponse): Promise<void> {
    const file = this.#take(response);
    if (!file) return this.#say(ctx, 'en', 'teams.file.expired');
    const info = response.uploadInfo;
    if (!info?.uploadUrl) return this.#say(ctx, file.locale, 'teams.file.expired');
    const size = file.content.length;
    const put = await fetch(info.uploadUrl, {
      method: 'PUT',
      headers: { 'Content-Length': String(size), 'Content-Range': `bytes 0-${size - 1}/${size}` },
      body: file.content,
    });
    if (!put.ok) throw new TeamsError(TeamsErrorCode.Connector, `file upload failed with ${put.status}`, put.status);
    await ctx.sendActivity({
      type: 'message',
      text: t(file.locale, 'teams.file.sent', { name: info.name ?? file.name }),
      attachments: [
        {
          contentType: 'application/vnd.microsoft.teams.card.file.info',
          contentUrl: info.contentUrl,
          name: info.name ?? file.name,
          content: { uniqueId: info.uniqueId, fileType: info.fileType },
        },
      ],
    });
  }

  /** The person declined: forget the file and say so. */
  async declined(ctx: TurnContext, response: FileConsentCardResponse): Promise<void> {
    const file = this.#take(response);
    if (file) await this.#say(ctx, file.locale, 'teams.file.declined', file.name);
  }

  #take(response: FileConsentCardResponse): Pending | null {
    const token = (response.context as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string') return null;
    const file = this.#pending.get(token);
    this.#pending.delete(token);
    return file && file.until >= this.deps.clock.now().getTime() ? file : null;
  }

  async #say(ctx: TurnContext, locale: Locale, key: 'teams.file.expired' | 'teams.file.declined', name = ''): Promise<void> {
    await ctx.sendActivity({ type: 'message', text: t(locale, key, { name }) });
  }

  #prune(now: number): void {
    for (const [token, p] of this.#pending) if (p.until < now) this.#pending.delete(token);
    while (this.#pending.size >= MAX_PENDING) this.#pending.delete(this.#pending.keys().next().value as string);
  }
}
