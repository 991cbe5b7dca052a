import type { Delivery } from '../../grammar/command.js';
import { occurrencesBetween } from '../../grammar/recurrence.js';
import { localeFor } from '../../i18n/locales.js';
import { translator } from '../../i18n/translate.js';
import { localDate } from '../../local-date.js';
import type { Community } from '../../store/communities.js';
import type { Store } from '../../store/store.js';
import { isAwayAt, type User } from '../../store/users.js';
import { schoolYearStart } from '../../terms.js';
import { PairHistory } from './domain/history.js';
import { planRound, type RoundPlan } from './domain/plan.js';
import { pairing, type Round, type Visit } from './store/index.js';
import { leftOutView, roundDm } from './views.js';

const DAY = 86_400_000;
/** A round with no schedule (`pair now` alone) gives its visits this long. */
export const UNSCHEDULED_WINDOW_MS = 21 * DAY;
/** With no focus this long before the window ends, the observed teacher is reminded once. */
export const FOCUS_REMINDER_MS = 3 * DAY;
/** "Not yet" is asked again once, this much later. */
export const ASK_AGAIN_MS = 7 * DAY;
const HORIZON_MS = 400 * DAY;

/** Every pairing job of a community shares this topic, so a new schedule replans them together. */
export const roundTopic = (communityId: number): string => `pairing:${communityId}`;

/** Whether a local date falls in one of the community's holidays (its own or the school's). */
function isHoliday(store: Store, community: Community, date: string): boolean {
  return store.holidays.forCommunity(community.workspaceId, community.id).some((h) => h.startsOn <= date && date <= h.endsOn);
}

/** The next scheduled round after `after` that no holiday skips, or null with no schedule. */
export function nextRoundAt(store: Store, community: Community, after: number): number | null {
  const schedule = pairing(store).schedule(community.id);
  if (!schedule?.rrule) return null;
  const next = occurrencesBetween(schedule.rrule, after + 1, after + HORIZON_MS).find(
    (o) => !isHoliday(store, community, localDate(o.startsAt, schedule.tz)),
  );
  return next?.startsAt ?? null;
}

/**
 * Queues the community's next round (by key, so replanning never runs one twice); clears it with no schedule.
 * The round under way lasts until that next round: a new schedule or a holiday moves its window's end, and
 * with it the focus reminders and the "did it happen?" questions.
 */
export function planNextRound(store: Store, community: Community, now: number): number | null {
  const topic = roundTopic(community.id);
  store.jobs.unqueueTopic(topic, now);
  if (community.archivedAt) return null;
  const at = nextRoundAt(store, community, now);
  const current = pairing(store).currentRound(community.id, now);
  if (current) {
    const endsAt = at ?? Math.max(current.startedAt + UNSCHEDULED_WINDOW_MS, now + 1);
    if (endsAt !== current.endsAt) {
      const repo = pairing(store);
      repo.setRoundEnd(current.id, endsAt);
      store.jobs.unqueueTopic(`pairing.round:${current.id}`, now);
      const round = { ...current, endsAt };
      for (const visit of repo.visits(current.id)) if (visit.cancelledAt === null) queueVisitJobs(store, round, visit, now);
    }
  }
  if (at === null) return null;
  store.jobs.queue(
    {
      kind: 'pairing.round',
      key: `pairing.round:${community.id}:${at}`,
      topic,
      dueAt: at,
      payload: { workspaceId: community.workspaceId, communityId: community.id, startsAt: at },
    },
    now,
  );
  return at;
}

/** Whether a member can be paired at `at`: not a guest, not deactivated on their platform, not paused. */
export function canPair(user: User, role: string | null, community: Community, at: number): boolean {
  return role !== null && role !== 'guest' && !isAwayAt(user, at, community.tz);
}

/** The people a round in the community pairs at `now`, by id. */
export function pairable(store: Store, community: Community, now: number): User[] {
  return store.communities
    .members(community.id)
    .map((m) => ({ m, user: store.users.get(community.workspaceId, m.userId) }))
    .filter((x): x is { m: (typeof x)['m']; user: User } => x.user !== null && canPair(x.user, x.m.role, community, now))
    .map((x) => x.user);
}

/**
 * Who met whom in the community's rounds of the school year running at `at` (before round `beforeSeq`): at the
 * start of a new school year, pairs that met the year before count as never met.
 */
export function yearHistory(store: Store, community: Community, at: number, beforeSeq?: number): PairHistory {
  return pairing(store).history(community.id, beforeSeq, schoolYearStart(store, community.workspaceId, community.tz, at));
}

/** Whether either of two people avoids the other, read from one community's avoid lists. */
export function avoidsIn(store: Store, communityId: number): (a: number, b: number) => boolean {
  const pairs = pairing(store).avoidPairs(communityId);
  return (a, b) => pairs.has(PairHistory.key(a, b));
}

/** The seed of a community's round: fixed by the community, the round's number and the instant it starts. */
export function roundSeed(communityId: number, seq: number, at: number): number {
  return (Math.imul(communityId, 2_654_435_761) ^ Math.imul(seq, 40_503) ^ Math.floor(at / 1000)) >>> 0;
}

/** The directed visits of a ring: everyone visits the next, a pair both ways. */
export function ringVisits(group: readonly number[]): [number, number][] {
  if (group.length === 2)
    return [
      [group[0] as number, group[1] as number],
      [group[1] as number, group[0] as number],
    ];
  return group.map((p, i) => [p, group[(i + 1) % group.length] as number]);
}

/** Queues the reminders of one visit: the focus reminder to the observed, the "did it happen?" to the observer. */
export function queueVisitJobs(store: Store, round: Round, visit: Visit, now: number): void {
  const topic = `pairing.round:${round.id}`;
  const base = { workspaceId: round.workspaceId, communityId: round.communityId, roundId: round.id, visitId: visit.id };
  const focusAt = round.endsAt - FOCUS_REMINDER_MS;
  if (focusAt > now && visit.observedId !== null)
    store.jobs.queue(
      {
        kind: 'pairing.focusReminder',
        key: `pairing.focusReminder:${visit.id}`,
        topic,
        dueAt: focusAt,
        staleAt: round.endsAt,
        payload: { ...base, userId: visit.observedId },
      },
      now,
    );
  if (visit.observerId !== null)
    store.jobs.queue(
      {
        kind: 'pairing.ask',
        key: `pairing.ask:${visit.id}:1`,
        topic,
        dueAt: Math.max(now, round.endsAt),
        payload: { ...base, userId: visit.observerId, ask: 1 },
      },
      now,
    );
}

/** A started round: what was stored and the messages to send. */
export interface Started {
  round: Round;
  plan: RoundPlan;
  deliveries: Delivery[];
}

/**
 * Starts a round now: closes the one under way, pairs the community's active members, stores the round and its
 * visits, queues each visit's reminders, and tells everyone privately whom they visit and who visits them.
 */
export function startRound(store: Store, community: Community, now: number): Started {
  const repo = pairing(store);
  const previous = repo.latestRound(community.id);
  if (previous && previous.closedAt === null) {
    repo.closeRound(previous.id, now);
    if (previous.endsAt > now) {
      // Ended early (`pair now`): its observers are asked now rather than at the old window's end.
      repo.setRoundEnd(previous.id, now);
      store.jobs.unqueueTopic(`pairing.round:${previous.id}`, now);
      const ended = { ...previous, endsAt: now };
      for (const visit of repo.visits(previous.id)) if (visit.cancelledAt === null) queueVisitJobs(store, ended, visit, now);
    }
  }
  const seq = (previous?.seq ?? 0) + 1;
  const seed = roundSeed(community.id, seq, now);
  const people = pairable(store, community, now);
  const history = yearHistory(store, community, now);
  const lastTrio = new Set<number>();
  if (previous) {
    const groups = new Map<number, number[]>();
    for (const v of repo.visits(previous.id)) if (v.observerId !== null) groups.set(v.grp, [...(groups.get(v.grp) ?? []), v.observerId]);
    for (const g of groups.values()) if (g.length === 3) for (const p of g) lastTrio.add(p);
  }
  const plan = planRound({
    people: people.map((u) => u.id),
    avoids: avoidsIn(store, community.id),
    history,
    seq,
    lastTrio,
    rotation: repo.rotation(community.id),
    seed,
  });
  repo.saveRotation(community.id, plan.rotation, now);
  const endsAt = nextRoundAt(store, community, now) ?? now + UNSCHEDULED_WINDOW_MS;
  const round = repo.addRound({
    workspaceId: community.workspaceId,
    communityId: community.id,
    ref: store.workspaces.nextRef(community.workspaceId),
    seq,
    seed,
    mode: plan.mode,
    step: plan.step,
    length: plan.length,
    constrained: plan.constrained,
    leftOut: plan.leftOut.length,
    startedAt: now,
    endsAt,
  });
  plan.groups.forEach((group, grp) => {
    for (const [observer, observed] of ringVisits(group)) {
      const met = history.get(observer, observed);
      const visit = repo.addVisit({
        roundId: round.id,
        grp,
        observerId: observer,
        observedId: observed,
        metBefore: met?.count ?? 0,
        lastMetRef: met?.lastRef ?? null,
      });
      queueVisitJobs(store, round, visit, now);
    }
  });
  const byId = new Map(people.map((u) => [u.id, u]));
  const deliveries: Delivery[] = [];
  for (const user of people) {
    const i18n = translator(localeFor(user, community));
    if (plan.leftOut.includes(user.id)) deliveries.push({ to: 'user', user, view: leftOutView(i18n, community, round) });
    else deliveries.push({ to: 'user', user, view: roundDm(store, i18n, community, round, user, byId, now) });
  }
  return { round, plan, deliveries };
}
