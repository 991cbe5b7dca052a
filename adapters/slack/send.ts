import type { webApi } from '@slack/bolt';
import type { Logger } from '../../src/log.js';
import type { Address, Messenger, SentMessage, WorkspaceAddress } from '../../src/ports.js';
import type { View } from '../../src/views/view.js';
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
      return { conversation: res.channel ?? channel, message: res.ts ?? '' };
    } catch (e) {
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
   * Sends a file with Slack's external upload flow: `files.getUploadURLExternal`, the bytes posted to
   * the URL it returns, then `files.completeUploadExternal` to share it in the channel or DM.
   */
  async upload(w: WorkspaceAddress, to: Address, file: SlackFile): Promise<string> {
    if (to.kind === 'user' && this.deps.isDeactivated(w.externalId, to.user))
      throw new SlackAdapterError(SlackErrorCode.Upload, 'deactivated');
    const client = await this.deps.clientFor(w.externalId);
    const bytes = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content;
    try {
      const channel = to.kind === 'channel' ? to.channel : ((await client.conversations.open({ users: to.user })).channel?.id ?? to.user);
      const target = await client.files.getUploadURLExternal({ filename: file.filename, length: bytes.length });
      if (!target.upload_url || !target.file_id) throw new SlackAdapterError(SlackErrorCode.Upload, 'no upload URL');
      const put = await fetch(target.upload_url, { method: 'POST', body: bytes, headers: { 'content-type': 'application/octet-stream' } });
      if (!put.ok) throw new SlackAdapterError(SlackErrorCode.Upload, `upload answered ${put.status}`);
      await client.files.completeUploadExternal({
        files: [{ id: target.file_id, title: file.title ?? file.filename }],
        channel_id: channel,
        ...(to.kind === 'channel' && to.thread ? { thread_ts: to.thread } : {}),
        ...(file.comment ? { initial_comment: file.comment } : {}),
      });
      return target.file_id;
    } catch (e) {
      if (e instanceof SlackAdapterError) throw e;
      const err = fromWebApiError(e, 'file upload');
      throw new SlackAdapterError(SlackErrorCode.Upload, err.message);
    }
  }
}
