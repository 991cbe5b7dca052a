import type { webApi } from '@slack/bolt';
import type { Logger } from '../../src/log.js';
import type { Address, Messenger, SentMessage, WorkspaceAddress } from '../../src/ports.js';
import type { FileAttachment, View } from '../../src/views/view.js';
import { fromWebApiError, SlackAdapterError, SlackErrorCode } from './errors.js';
import type { ChannelPacer } from './pacing.js';
import { renderMessage } from './render.js';

type WebClient = webApi.WebClient;

export interface SlackMessengerDeps {
  /** The Web API client holding the bot token of a team. */
  clientFor(teamId: string): Promise<WebClient>;
  /** Whether a person has been deactivated in Slack (they receive nothing). */
  isDeactivated(teamId: string, userId: string): boolean;
  pacer: ChannelPacer;
  log: Logger;
}

/** A file to send: an export, with its name and bytes. */
export interface SlackFile {
  filename: string;
  title?: string;
  content: Buffer | string;
  /** A short message posted with the file. */
  comment?: string;
}

/** The core's Messenger on Slack: `chat.postMessage` to channels, threads and DMs, `chat.update` to edit. */
export class SlackMessenger implements Messenger {
  constructor(private readonly deps: SlackMessengerDeps) {}

  async send(w: WorkspaceAddress, to: Address, v: View): Promise<SentMessage | null> {
    if (to.kind === 'user' && this.deps.isDeactivated(w.externalId, to.user)) return null;
    const client = await this.deps.clientFor(w.externalId);
    // Posting to a user id lands in the bot's DM with them; Slack answers with the DM's channel id.
    const channel = to.kind === 'channel' ? to.channel : to.user;
    const thread = to.kind === 'channel' ? to.thread : undefined;
    const message = renderMessage(v);
    try {
      const res = await this.deps.pacer.run(channel, () =>
        client.chat.postMessage({ channel, ...message, ...(thread ? { thread_ts: thread } : {}), unfurl_links: false }),
      );
      const sent = { conversation: res.channel ?? channel, message: res.ts ?? '' };
      // The message names each file; the bytes follow into the same conversation (a DM, for an export).
      for (const file of filesOf(v)) await this.upload(w, to, file);
      return sent;
    } catch (e) {
      if (e instanceof SlackAdapterError) throw e;
      throw fromWebApiError(e, 'chat.postMessage');
    }
  }

  async update(w: WorkspaceAddress, sent: SentMessage, v: View): Promise<void> {
    const client = await this.deps.clientFor(w.externalId);
    try {
      await this.deps.pacer.run(sent.conversation, () =>
        client.chat.update({ channel: sent.conversation, ts: sent.message, ...renderMessage(v) }),
      );
    } catch (e) {
      throw fromWebApiError(e, 'chat.update');
    }
  }

  /** Shows a message only `user` sees, in `channel` (answers to button presses and modals, join offers). */
  async ephemeral(teamId: string, channel: string, user: string, v: View): Promise<void> {
    const client = await this.deps.clientFor(teamId);
    try {
      await client.chat.postEphemeral({ channel, user, ...renderMessage(v) });
    } catch (e) {
      throw fromWebApiError(e, 'chat.postEphemeral');
    }
  }

  /**
   * Sends a file with the Web API's `files.uploadV2`: `files.getUploadURLExternal`, the bytes posted to the URL
   * it returns, then `files.completeUploadExternal` to share it in the channel, or in the DM that
   * `conversations.open` gives for a person.
   */
  async upload(w: WorkspaceAddress, to: Address, file: SlackFile): Promise<string> {
    if (to.kind === 'user' && this.deps.isDeactivated(w.externalId, to.user))
      throw new SlackAdapterError(SlackErrorCode.Upload, 'deactivated');
    const client = await this.deps.clientFor(w.externalId);
    const bytes = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content;
    try {
      const channel = to.kind === 'channel' ? to.channel : ((await client.conversations.open({ users: to.user })).channel?.id ?? to.user);
      const thread = to.kind === 'channel' && to.thread ? to.thread : undefined;
      const base = { file: bytes, filename: file.filename, title: file.title ?? file.filename };
      const comment = file.comment ? { initial_comment: file.comment } : {};
      const done = await client.filesUploadV2(
        thread ? { ...base, ...comment, channel_id: channel, thread_ts: thread } : { ...base, ...comment, channel_id: channel },
      );
      const id = uploadedId(done);
      if (!id) throw new SlackAdapterError(SlackErrorCode.Upload, 'Slack named no uploaded file');
      return id;
    } catch (e) {
      if (e instanceof SlackAdapterError) throw e;
      const err = fromWebApiError(e, 'file upload');
      throw new SlackAdapterError(SlackErrorCode.Upload, err.message);
    }
  }
}

/** The files a view carries, as the upload wants them. */
function filesOf(v: View): SlackFile[] {
  return v.blocks.flatMap((b) => (b.type === 'file' ? [toSlackFile(b.file)] : []));
}

function toSlackFile(f: FileAttachment): SlackFile {
  return { filename: f.name, title: f.name, content: Buffer.from(f.content, f.encoding === 'base64' ? 'base64' : 'utf8') };
}

/** The id of the file `files.uploadV2` shared: its answer lists each completion's files. */
function uploadedId(done: unknown): string | null {
  const completions = (done as { files?: { files?: { id?: string }[] }[] }).files ?? [];
  return completions.flatMap((c) => c.files ?? []).find((f) => typeof f.id === 'string')?.id ?? null;
}
