import type { Delivery } from './grammar/command.js';
import type { Logger } from './log.js';
import type { Metrics } from './metrics.js';
import { type Address, type Messenger, RecipientGoneError, type WorkspaceAddress } from './ports.js';
import { isAwayAt } from './store/users.js';
import type { Workspace } from './store/workspaces.js';
import type { View } from './views/view.js';

/**
/**
 * Where a delivery goes on the platform at `now`, or null when it has nowhere to go: a community with no channel
 * or whose channel the app was removed from, or a person deactivated on their platform or paused (they receive
 * nothing, whichever capability wrote to them).
 */
export function addressOf(d: Exclude<Delivery, { to: 'asker' }>, now: number): Address | null {
  if (d.to === 'user') return isAwayAt(d.user, now) && !d.asked ? null : { kind: 'user', user: d.user.externalId };
  if (!d.community.channel || d.community.removedFromChannelAt !== null) return null;
  return d.thread ? { kind: 'channel', channel: d.community.channel, thread: d.thread } : { kind: 'channel', channel: d.community.channel };
}

export function workspaceAddress(w: Workspace): WorkspaceAddress {
  return { platform: w.platform, externalId: w.externalId };
}

/**
 * Sends a command's deliveries: answers to the asker through `reply`, the rest through the messenger,
 * in order. A failed send is logged and does not stop the others.
 */
export async function deliver(
  deliveries: Delivery[],
  workspace: Workspace,
  messenger: Messenger,
  reply: (view: View) => Promise<void>,
  log: Logger,
  /** The instant the command was handled at (whether a person is paused is read then). */
  now: number,
): Promise<void> {
  for (const d of deliveries) {
    try {
      if (d.to === 'asker') {
        await reply(d.view);
        continue;
      }
      const address = addressOf(d, now);
      if (!address) {
        log.info(
          d.to === 'channel' ? { community: d.community.id } : { user: d.user.id },
          d.to === 'channel'
            ? 'community has no channel the app is in; message not posted'
            : 'person is deactivated or paused; message not sent',
        );
        continue;
      }
      await messenger.send(workspaceAddress(workspace), address, d.view);
    } catch (err) {
      // Someone who removed the app (or left the chat) cannot be reached: expected, said at warn as the scheduler says it.
      if (err instanceof RecipientGoneError) log.warn({ err }, 'delivery dropped: recipient unreachable');
      else log.error({ err }, 'delivery failed');
    }
  }
}

/** Sends through the messenger of the workspace's platform. */
export class MessengerRouter implements Messenger {
  readonly #byPlatform = new Map<string, Messenger>();

  /** `metrics` counts what each platform took and refused. */
  constructor(private readonly metrics?: Pick<Metrics, 'sent' | 'failed'>) {}

  register(platform: WorkspaceAddress['platform'], messenger: Messenger): void {
    this.#byPlatform.set(platform, messenger);
  }

  #for(w: WorkspaceAddress): Messenger {
    const m = this.#byPlatform.get(w.platform);
    if (!m) throw new Error(`no messenger for platform ${w.platform}`);
    return m;
  }

  send(w: WorkspaceAddress, to: Address, view: View) {
    return this.#counted(w, this.#for(w).send(w, to, view));
  }

  update(w: WorkspaceAddress, sent: Parameters<Messenger['update']>[1], view: View) {
    return this.#counted(w, this.#for(w).update(w, sent, view));
  }

  async #counted<T>(w: WorkspaceAddress, work: Promise<T>): Promise<T> {
    try {
      const done = await work;
      this.metrics?.sent(w.platform);
      return done;
    } catch (e) {
      this.metrics?.failed(w.platform);
      throw e;
    }
  }
}
