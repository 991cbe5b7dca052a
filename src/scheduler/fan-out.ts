import { addressOf, workspaceAddress } from '../delivery.js';
import type { Address, WorkspaceAddress } from '../ports.js';
import type { Job } from '../store/jobs.js';
import { isAwayAt } from '../store/users.js';
import type { View } from '../views/view.js';
import type { Edit, JobEnv, Outbox, Track } from './handlers.js';

/** The core's job kind for one recipient's message out of an outbox that had several. */
export const DELIVER_KIND = 'scheduler.deliver';

/** One message to hand to the messenger. */
export interface Send {
  to: Address;
  view: View;
  track?: Track | undefined;
}

/** What a job leaves to do after its transaction commits: its sends and edits, all in one workspace. */
export interface Plan {
  workspace: WorkspaceAddress;
  sends: Send[];
  edits: Edit[];
}

/** A `scheduler.deliver` job's payload: the rendered message, where it goes, and who, to check again at send time. */
type DeliverPayload = {
  workspace: WorkspaceAddress;
  to: Address;
  view: View;
  track?: Track;
  user?: { workspaceId: number; id: number };
};

/**
 * Turns a handler's outbox into what its job sends after the commit. A single recipient is sent by the job itself
 * (no extra rows on the hot path of reminders). Several are queued here, in the handler's transaction, as one job
 * each: one person's failure then retries or drops that person's message alone, and a crash repeats only the sends
 * in flight, never the ones that went out.
 */
export function planOutbox(job: Job, outbox: Outbox, env: JobEnv): Plan {
  const workspace = workspaceAddress(outbox.workspace);
  const edits = outbox.edits ?? [];
  const posts = outbox.deliveries.flatMap((d) => {
    const to = addressOf(d, env.now);
    return to ? [{ d, to }] : [];
  });
  if (posts.length <= 1) return { workspace, edits, sends: posts.map(({ d, to }) => ({ to, view: d.view, track: d.track })) };
  const seen = new Map<string, number>();
  for (const { d, to } of posts) {
    // The key names the recipient, not the position: a handler run again after a crash may list people in another
    // order or leave one out, and must not skip someone because another person held their index.
    const who = recipientKey(to);
    const nth = seen.get(who) ?? 0;
    seen.set(who, nth + 1);
    const payload: DeliverPayload = { workspace, to, view: d.view };
    if (d.track) payload.track = d.track;
    if (d.to === 'user') payload.user = { workspaceId: d.user.workspaceId, id: d.user.id };
    env.store.jobs.queue(
      {
        kind: DELIVER_KIND,
        key: `${DELIVER_KIND}:${job.key}>${who}#${nth}`,
        dueAt: env.now,
        staleAt: job.staleAt,
        payload,
      },
      env.now,
    );
  }
  // Finished with its recipients' jobs, in one commit: it can never run again and queue them twice, so their keys
  // need no guard once pruned (see prune.ts). Its edits, if any, follow as ever: a lost edit is no worse than a failed one.
  env.store.jobs.done(job.id, env.now);
  return { workspace, edits, sends: [] };
}

/** A `scheduler.deliver` job's one send, unless its person was deactivated or paused while it waited (for a retry, say). */
export function planDelivery(job: Job, env: JobEnv): Plan {
  const p = job.payload as unknown as DeliverPayload;
  const user = p.user ? env.store.users.get(p.user.workspaceId, p.user.id) : null;
  const away = p.user !== undefined && (user === null || isAwayAt(user, env.now));
  return { workspace: p.workspace, edits: [], sends: away ? [] : [{ to: p.to, view: p.view, track: p.track }] };
}

function recipientKey(to: Address): string {
  if (to.kind === 'user') return `user:${to.user}`;
  return to.thread ? `channel:${to.channel}/${to.thread}` : `channel:${to.channel}`;
}
