import type { Address, Messenger, SentMessage, WorkspaceAddress } from '../../src/ports.js';
import { renderPlain } from '../../src/views/plain.js';
import type { View } from '../../src/views/view.js';
import type { TestApp } from '../support/app.js';

/** One message the scheduler sent, as its recipient reads it, and when. */
export interface Sent {
  to: string;
  text: string;
  at: string;
  view: View;
}

/** Registers a messenger for the console platform that keeps every scheduled message. */
export function recordSends(app: TestApp): Sent[] {
  const sent: Sent[] = [];
  const messenger: Messenger = {
    async send(_w: WorkspaceAddress, to: Address, view: View): Promise<SentMessage> {
      const recipient = to.kind === 'channel' ? `#${to.channel}` : `@${to.user}`;
      sent.push({ to: recipient, text: renderPlain(view), at: app.clock.now().toISOString(), view });
      return { conversation: recipient, message: String(sent.length) };
    },
    async update() {},
  };
  app.messenger.register('console', messenger);
  return sent;
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
