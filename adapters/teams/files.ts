import { randomUUID } from 'node:crypto';
import type { FileConsentCardResponse, TurnContext } from 'botbuilder';
import { isLocale, type Locale } from '../../src/i18n/locales.js';
import type { Logger } from '../../src/log.js';
import type { Clock, WorkspaceAddress } from '../../src/ports.js';
import { type Db, prepared } from '../../src/store/db.js';
import type { TeamsConversations } from './conversations.js';
import { TeamsError, TeamsErrorCode } from './errors.js';
import { tenantOf } from './ids.js';
import { teamsT as t } from './messages.js';
import type { TeamsMessenger } from './send.js';

/** A file waiting for the person to accept it, as stored in `teams_file_consents`. */
interface Pending {
  name: string;
  content: Buffer;
  locale: Locale;
  expiresAt: number;
}

interface Row {
  file_name: string;
  content: Buffer;
  locale: string;
  expires_at: number;
}

/** How long a consent card stays good: long enough to notice the card, short enough not to hoard exports. */
const PENDING_MS = 60 * 60_000;

/**
 * Files (exports) through Teams' file consent flow: a consent card in the personal chat, and on
 * accept the bytes go to the OneDrive upload URL Teams gives us, followed by a file info card.
 * The waiting files live in SQLite, so an accept that arrives after a restart still finds its file.
 */
export class TeamsFiles {
  constructor(private readonly deps: { db: Db; messenger: TeamsMessenger; known: TeamsConversations; clock: Clock; log: Logger }) {}

  /** Asks a person, in their personal chat with the bot, to accept a file. */
  async offer(w: WorkspaceAddress, user: string, file: { name: string; content: Buffer | string; locale: Locale }): Promise<void> {
    const personal = this.deps.known.personalOf(w.externalId, user);
    if (!personal) throw new TeamsError(TeamsErrorCode.NoReference, t(file.locale, 'teams.file.personalOnly'));
    const content = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content;
    const now = this.deps.clock.now().getTime();
    const token = randomUUID();
    const { db } = this.deps;
    db.transaction(() => {
      // Expired files nobody answered would otherwise stay forever: each new one sweeps them out.
      prepared(db, 'DELETE FROM teams_file_consents WHERE expires_at < ?').run(now);
      prepared(
        db,
        `INSERT INTO teams_file_consents
           (consent_id, tenant_id, conversation_id, file_name, content, size, locale, created_at, expires_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(token, w.externalId, personal.id, file.name, content, content.length, file.locale, now, now + PENDING_MS);
    })();
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
    await this.deps.messenger.post(this.deps.messenger.reachable(personal.tenantId, personal.id, personal), personal.id, {
      type: 'message',
      attachments: [card],
    });
  }

  /** The person accepted: upload the bytes, then show the file in the chat. */
  async accepted(ctx: TurnContext, response: FileConsentCardResponse): Promise<void> {
    const file = this.#take(ctx, response);
    if (!file) return this.#say(ctx, 'en', 'teams.file.expired');
    if (file.expiresAt < this.deps.clock.now().getTime()) return this.#say(ctx, file.locale, 'teams.file.expired');
    const info = response.uploadInfo;
    if (!info?.uploadUrl) return this.#say(ctx, file.locale, 'teams.file.expired');
    const size = file.content.length;
    const put = await fetch(info.uploadUrl, {
      method: 'PUT',
      // fetch sets Content-Length from the bytes itself; set by hand, undici at times refused it ("invalid
      // content-length header") and the upload failed before it left.
      headers: { 'Content-Range': `bytes 0-${size - 1}/${size}` },
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
    const file = this.#take(ctx, response);
    if (file && file.expiresAt >= this.deps.clock.now().getTime()) await this.#say(ctx, file.locale, 'teams.file.declined', file.name);
  }

  /**
   * Removes and returns the file a consent answer is about, expired or not (the caller refuses an expired one).
   * Deleting as it reads means a double-clicked Accept uploads once. Only the chat the card was posted in,
   * in its tenant, can answer it.
   */
  #take(ctx: TurnContext, response: FileConsentCardResponse): Pending | null {
    const token = (response.context as { token?: unknown } | undefined)?.token;
    const tenant = tenantOf(ctx.activity);
    const conversation = ctx.activity.conversation?.id;
    if (typeof token !== 'string' || !tenant || !conversation) return null;
    const row = prepared(
      this.deps.db,
      `DELETE FROM teams_file_consents WHERE consent_id = ? AND tenant_id = ? AND conversation_id = ?
         RETURNING file_name, content, locale, expires_at`,
    ).get(token, tenant, conversation) as Row | undefined;
    if (!row) return null;
    return {
      name: row.file_name,
      content: row.content,
      locale: isLocale(row.locale) ? row.locale : 'en',
      expiresAt: row.expires_at,
    };
  }

  async #say(ctx: TurnContext, locale: Locale, key: 'teams.file.expired' | 'teams.file.declined', name = ''): Promise<void> {
    await ctx.sendActivity({ type: 'message', text: t(locale, key, { name }) });
  }
}
