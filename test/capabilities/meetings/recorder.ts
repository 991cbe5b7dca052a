import type { Address, Messenger, SentMessage, WorkspaceAddress } from '../../../src/ports.js';
import { renderPlain } from '../../../src/views/plain.js';
import type { View } from '../../../src/views/view.js';
import type { TestApp } from '../../support/app.js';

/** One message the scheduler sent, as its recipient reads it, and when. */
export interface Sent {
  to: string;
  text: string;
  at: string;
  view: View;
  /** What the messenger answered for it: the ids an update targets. */
  sent: SentMessage;
}

/** One in-place update of an earlier post, as its readers see it after, and when. */
export interface Updated {
  target: SentMessage;
  text: string;
  at: string;
  view: View;
}

/** A console-platform messenger that keeps every post and update; `failUpdates` makes updates throw. */
export interface Recording {
  sent: Sent[];
  updates: Updated[];
  failUpdates: Error | null;
}

/** Registers a messenger for the console platform that records posts and updates. */
export function recordMessages(app: TestApp): Recording {
  const rec: Recording = { sent: [], updates: [], failUpdates: null };
  const messenger: Messenger = {
    async send(_w: WorkspaceAddress, to: Address, view: View): Promise<SentMessage> {
      const recipient = to.kind === 'channel' ? `#${to.channel}` : `@${to.user}`;
      const sent = { conversation: recipient, message: `m${rec.sent.length + 1}` };
      rec.sent.push({ to: recipient, text: renderPlain(view), at: app.clock.now().toISOString(), view, sent });
      return sent;
    },
    async update(_w: WorkspaceAddress, target: SentMessage, view: View): Promise<void> {
      if (rec.failUpdates) throw rec.failUpdates;
      rec.updates.push({ target, text: renderPlain(view), at: app.clock.now().toISOString(), view });
    },
  };
  app.messenger.register('console', messenger);
  return rec;
}

/** Registers a messenger for the console platform that keeps every scheduled message. */
export function recordSends(app: TestApp): Sent[] {
  return recordMessages(app).sent;
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
