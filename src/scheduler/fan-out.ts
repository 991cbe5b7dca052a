import { addressOf, workspaceAddress } from '../delivery.js';
import type { Address, WorkspaceAddress } from '../ports.js';
import { deliverableAt, OPEN_ALWAYS, type QuietRule, quietRuleOf } from '../quiet-hours.js';
import type { Job } from '../store/jobs.js';
import { isAwayAt, type User } from '../store/users.js';
import type { View } from '../views/view.js';
import type { Edit, JobEnv, Outbox, Post, Track } from './handlers.js';

/** The core's job kind for one recipient's message out of an outbox that had several. */
export const DELIVER_KIND = 'scheduler.deliver';

/** One message to hand to the messenger. */
export interface Send {
  to: Address;
  view: View;
  track?: Track | undefined;
  /** The person a DM is for, so the first one to reach them opens with the introduction (src/first-contact.ts). */
  person?: Pick<User, 'id' | 'introducedAt'> | undefined;
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
  const rule = quietRuleFor(env, outbox.workspace.id);
  const posts = outbox.deliveries.flatMap((d) => {
    const to = addressOf(d, env.now);
    return to ? [{ d, to, at: d.to === 'user' ? deliverableAt(d.user, env.now, rule, env.quiet ?? OPEN_ALWAYS) : env.now }] : [];
  });
  if (posts.length <= 1 && posts.every((p) => p.at === env.now))
    return {
      workspace,
      edits,
      sends: posts.map(({ d, to }) => ({ to, view: d.view, track: d.track, person: d.to === 'user' ? d.user : undefined })),
    };
  const seen = new Map<string, number>();
  for (const { d, to, at } of posts) {
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
        // Outside the person's allowed hours it waits for the next allowed moment, and then goes once.
        dueAt: at,
        staleAt: at === env.now ? job.staleAt : null,
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
  if (!away && user) {
    // A retry, or a rule changed while it waited, may land it in quiet hours: it waits again, under a key of its own.
    const at = deliverableAt(user, env.now, quietRuleFor(env, user.workspaceId), env.quiet ?? OPEN_ALWAYS);
    if (at > env.now) {
      env.store.jobs.queue({ kind: DELIVER_KIND, key: `${job.key}@${at}`, dueAt: at, payload: job.payload }, env.now);
      return { workspace: p.workspace, edits: [], sends: [] };
    }
  }
  return { workspace: p.workspace, edits: [], sends: away ? [] : [{ to: p.to, view: p.view, track: p.track, person: user ?? undefined }] };
}

/** The workspace's quiet hours under the install's defaults; none when the install keeps none and it set none. */
function quietRuleFor(env: JobEnv, workspaceId: number): QuietRule | null {
  return quietRuleOf(env.store, workspaceId, env.quiet ?? OPEN_ALWAYS);
}

/**
 * Queues a person's message for when quiet hours allow it (a DM a command caused for someone else, say), under
 * `key`, so it is sent once. Returns false when it may go now.
 */
export function deferIfQuiet(env: JobEnv, workspace: WorkspaceAddress, d: Extract<Post, { to: 'user' }>, key: string): boolean {
  const at = deliverableAt(d.user, env.now, quietRuleFor(env, d.user.workspaceId), env.quiet ?? OPEN_ALWAYS);
  if (at <= env.now) return false;
  const to = addressOf(d, env.now);
  if (!to) return true;
  const payload: DeliverPayload = { workspace, to, view: d.view, user: { workspaceId: d.user.workspaceId, id: d.user.id } };
  env.store.jobs.queue({ kind: DELIVER_KIND, key, dueAt: at, payload }, env.now);
  return true;
}

function recipientKey(to: Address): string {
  if (to.kind === 'user') return `user:${to.user}`;
  return to.thread ? `channel:${to.channel}/${to.thread}` : `channel:${to.channel}`;
}
