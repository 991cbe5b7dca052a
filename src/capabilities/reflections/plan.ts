import { DateTime } from 'luxon';
import { occurrencesBetween, ruleFor } from '../../grammar/recurrence.js';
import { localDate } from '../../local-date.js';
import type { Community } from '../../store/communities.js';
import type { Store } from '../../store/store.js';
import type { User } from '../../store/users.js';
import { repos } from './store/index.js';
import type { PromptSchedule } from './store/prompts.js';

const DAY = 86_400_000;
/** How far ahead the next prompt is looked for: a few weeks first, then far enough for a schedule starting later. */
const NEAR_MS = 40 * DAY;
const FAR_MS = 400 * DAY;

/** The jobs of one person's next prompt, and of their nudges: a change replans the first, never the second. */
export const promptTopic = (userId: number) => `reflections.prompt:${userId}`;
export const nudgeTopic = (userId: number) => `reflections.nudge:${userId}`;

/** The payload of a prompt job: one person, one of their local dates. */
export type PromptJobPayload = {
  workspaceId: number;
  userId: number;
  date: string;
};

/** The zone a person's prompts follow: their own, else the default zone of when the schedule was set. */
export function personTz(user: Pick<User, 'tz'>, schedules: readonly PromptSchedule[]): string {
  return user.tz ?? schedules[0]?.defaultTz ?? 'UTC';
}

/** When a community's prompts fall in [fromMs, toMs), read in the person's zone (so 15:00 is their 15:00). */
export function promptTimes(s: PromptSchedule, tz: string, fromMs: number, toMs: number) {
  return occurrencesBetween(ruleFor(s.cadence, tz, s.fromDate), fromMs, toMs);
}

/** The prompts falling on one local date of the person: each community's instant that day. */
export function promptsOn(schedules: readonly (PromptSchedule & { communityName: string })[], tz: string, date: string) {
  const start = DateTime.fromISO(date, { zone: tz }).startOf('day');
  const from = start.toMillis();
  const to = start.plus({ days: 1 }).toMillis();
  return schedules.flatMap((s) =>
    promptTimes(s, tz, from, to)
      .filter((o) => o.date === date)
      .map((o) => ({ schedule: s, at: o.startsAt })),
  );
}

/**
 * Queues the person's next prompt: the earliest local date after `now` on which one of their communities asks
 * and they were not prompted yet, at the earliest time of that day (later ones that day join that message).
 * `ifNone` leaves a person who already has one planned as they are (the scheduler's seed).
 */
export function planPerson(store: Store, user: User, now: number, opts: { ifNone?: boolean } = {}): void {
  const topic = promptTopic(user.id);
  if (opts.ifNone && store.jobs.pendingInTopic(topic).length > 0) return;
  // A deactivated or paused person stays planned: the prompt's job skips them while they are away, so one who is
  // reactivated or back from a pause is asked again without anything having to notice.
  store.jobs.unqueueTopic(topic, now);
  const schedules = repos(store).prompts.schedulesOf(user.workspaceId, user.id);
  if (schedules.length === 0) return;
  const tz = personTz(user, schedules);
  const prompted = repos(store).prompts.promptDatesFrom(user.id, localDate(now, tz));
  const next = (horizon: number) => {
    let best: { date: string; at: number } | null = null;
    for (const s of schedules) {
      const hit = promptTimes(s, tz, now + 1, now + horizon).find((o) => !prompted.has(o.date));
      if (hit && (!best || hit.startsAt < best.at)) best = { date: hit.date, at: hit.startsAt };
    }
    return best;
  };
  const due = next(NEAR_MS) ?? next(FAR_MS);
  if (!due) return;
  const payload: PromptJobPayload = { workspaceId: user.workspaceId, userId: user.id, date: due.date };
  store.jobs.queue({ kind: 'reflections.prompt', key: `${topic}:${due.date}:${due.at}`, topic, dueAt: due.at, payload }, now);
}

/** Replans the prompts of everyone who takes part in a community (its schedule changed). */
export function planCommunity(store: Store, community: Community, now: number): void {
  for (const m of store.communities.members(community.id)) {
    const user = store.users.get(community.workspaceId, m.userId);
    if (user) planPerson(store, user, now);
  }
}
