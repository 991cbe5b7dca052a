import type { View } from './views/view.js';

/** The only way the core learns the time; tests and the console move it. */
export interface Clock {
  now(): Date;
}

/** A clock that reads the system time; the production default. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until told to move; used by the console and tests. */
export class ManualClock implements Clock {
  #ms: number;
  constructor(start: Date | number) {
    this.#ms = typeof start === 'number' ? start : start.getTime();
  }
  now(): Date {
    return new Date(this.#ms);
  }
  /** Sets the time; it never goes back. */
  set(to: Date | number): void {
    const ms = typeof to === 'number' ? to : to.getTime();
    if (ms > this.#ms) this.#ms = ms;
  }
}

/** Which platform a workspace lives on. */
export type Platform = 'console' | 'slack' | 'teams';

/** What an adapter needs to reach a workspace on its platform. */
export interface WorkspaceAddress {
  platform: Platform;
  /** The Slack team id, the Teams tenant id, or the console's own name. */
  externalId: string;
}

/** Where a message goes, in the platform's own ids (opaque to the core). */
export type Address = { kind: 'channel'; channel: string; thread?: string } | { kind: 'user'; user: string };

/** A message the bot posted, so it can be updated or replied to in a thread later. */
export interface SentMessage {
  /** The platform's id for the conversation the message is in. */
  conversation: string;
  /** The platform's id for the message itself. */
  message: string;
}

/** Raised by a messenger when the recipient cannot be reached any more (bot removed, user gone). */
export class RecipientGoneError extends Error {
  override name = 'RecipientGoneError';
}

/** What the core needs to send messages outside a request: reminders, DMs, digests. */
export interface Messenger {
  /** Posts a view to a channel or DMs a user; resolves with a reference to what was posted. */
  send(workspace: WorkspaceAddress, to: Address, view: View): Promise<SentMessage | null>;
  /** Replaces the content of a message the bot posted earlier. */
  update(workspace: WorkspaceAddress, sent: SentMessage, view: View): Promise<void>;
}
