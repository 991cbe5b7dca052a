import { localInstant, type Occurrence, occurrencesBetween } from '../../grammar/recurrence.js';
import type { Community } from '../../store/communities.js';
import type { Store } from '../../store/store.js';
import { isAwayAt, type User } from '../../store/users.js';
import { weekFacilitator } from '../meetings/index.js';
import { takesPart } from './access.js';
import type { CheckinSchedule, Goal } from './store/goals.js';
import { repos } from './store/index.js';

const HOUR = 3_600_000;
/** The earliest and latest zones on Earth (UTC+14, UTC−12): a local time falls between these offsets of its UTC reading. */
const EARLIEST = 14 * HOUR;
const LATEST = 12 * HOUR;
/** An ask later than this after its time helps nobody: the next one comes with the cadence. */
export const ASK_STALE_MS = 12 * HOUR;
const YEAR = 400 * 24 * HOUR;

/** The pending asks to one person share a topic, so forgetting them (or handing them on) finds them all. */
export const askTopic = (workspaceId: number, userId: number): string => `goals.ask:${workspaceId}:${userId}`;
/** The planning jobs of one schedule share a topic, so a new cadence or `checkins off` replaces them. */
export const planTopic = (schedule: Pick<CheckinSchedule, 'scope'>): string => `goals.plan:${schedule.scope}`;

export type PlanPayload = { workspaceId: number; communityId: number | null; setAt: number; date: string };
export type AskPayload = PlanPayload & { userId: number; goalIds: number[] };

/** The occurrence of a schedule's rule (read in UTC: a floating local time) after `after`. */
function nextOccurrence(schedule: CheckinSchedule, after: number): Occurrence | null {
  return occurrencesBetween(schedule.rrule, after, after + YEAR)[0] ?? null;
}

/** When a person's ask falls: the cadence's local time on its date, in their own zone (else the community's). */
export function askInstant(schedule: CheckinSchedule, date: string, user: User, community: Community | null): number {
  return localInstant(date, schedule.cadence.time, user.tz ?? community?.tz ?? 'UTC');
}

/** Queues the planning of one date's asks, when the first zone on Earth reaches its time. */
function queuePlan(store: Store, schedule: CheckinSchedule, occ: Occurrence, now: number): void {
  const payload: PlanPayload = {
    workspaceId: schedule.workspaceId,
    communityId: schedule.communityId,
    setAt: schedule.setAt,
    date: occ.date,
  };
  store.jobs.queue(
    {
      kind: 'goals.plan',
      key: `goals.plan:${schedule.scope}:${schedule.setAt}:${occ.date}`,
      topic: planTopic(schedule),
      dueAt: Math.max(now, occ.startsAt - EARLIEST),
      payload,
    },
    now,
  );
}

/** Plans a schedule from scratch: its first date that some zone has not yet reached. */
export function planSchedule(store: Store, schedule: CheckinSchedule, now: number): string | null {
  store.jobs.unqueueTopic(planTopic(schedule), now);
  const first = nextOccurrence(schedule, now - LATEST);
  if (first) queuePlan(store, schedule, first, now);
  return first?.date ?? null;
}

/** Plans the date after `date`. */
export function planNext(store: Store, schedule: CheckinSchedule, date: string, now: number): void {
  const next = nextOccurrence(schedule, localInstant(date, schedule.cadence.time, 'UTC') + 1);
  if (next) queuePlan(store, schedule, next, now);
}

/**
 * Who answers for a team's goals at `at`: that week's meeting facilitator, if they still take part and are not
 * away; else the first lead who is not away; else nobody.
 */
export function teamSteward(store: Store, community: Community, at: number, except: number | null = null): User | null {
  const ok = (id: number | null) => {
    if (id === null || id === except || !takesPart(store, community.id, id)) return null;
    const user = store.users.get(community.workspaceId, id);
    return user && !isAwayAt(user, at, community.tz) ? user : null;
  };
  const facilitator = ok(weekFacilitator(store, community, at));
  if (facilitator) return facilitator;
  for (const id of store.communities.leadIds(community.id)) {
    const lead = ok(id);
    if (lead) return lead;
  }
  return null;
}

/**
 * Whom a schedule asks about which open goals on `date`: in a community, each owner about the individual goals
 * set there (while they take part) and the team's steward about its team goals; for the school, every
 * coordinator about the school goals. Nobody who is away at their time is asked.
 */
export function askList(store: Store, schedule: CheckinSchedule, community: Community | null, date: string): Map<number, Goal[]> {
  const out = new Map<number, Goal[]>();
  const add = (user: User, goal: Goal) => {
    if (isAwayAt(user, askInstant(schedule, date, user, community), community?.tz)) return;
    out.set(user.id, [...(out.get(user.id) ?? []), goal]);
  };
  const { goals } = repos(store);
  const ws = schedule.workspaceId;
  if (community === null) {
    const school = goals.open(ws, 'school', null);
    if (school.length) for (const c of store.users.coordinators(ws)) for (const g of school) add(c, g);
    return out;
  }
  for (const g of goals.open(ws, 'me', community.id)) {
    const owner = g.ownerId === null ? null : store.users.get(ws, g.ownerId);
    if (owner && takesPart(store, community.id, owner.id)) add(owner, g);
  }
  const team = goals.open(ws, 'team', community.id);
  const steward = team.length ? teamSteward(store, community, localInstant(date, schedule.cadence.time, community.tz)) : null;
  if (steward) for (const g of team) add(steward, g);
  return out;
}
