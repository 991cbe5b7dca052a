import type { CoreEnv, Reactions } from '../../capability.js';
import type { Delivery } from '../../grammar/command.js';
import { localeFor } from '../../i18n/locales.js';
import { translator } from '../../i18n/translate.js';
import type { Community } from '../../store/communities.js';
import type { User } from '../../store/users.js';
import { text, view } from '../../views/build.js';
import { avoidsIn, canPair, planNextRound, queueVisitJobs, yearHistory } from './rounds.js';
import { pairing, type Round, type Visit } from './store/index.js';
import { refLabel, roundDm } from './views.js';

const touched = (v: Visit) => v.focusChoice !== null || v.happened !== null || v.feedbackAt !== null;

/** The groups of a round: visits that are not cancelled, by group, with their members. */
function groupsOf(visits: Visit[]): Map<number, { visits: Visit[]; members: number[] }> {
  const groups = new Map<number, { visits: Visit[]; members: number[] }>();
  for (const v of visits) {
    if (v.cancelledAt !== null || v.observerId === null) continue;
    const g = groups.get(v.grp) ?? { visits: [], members: [] };
    g.visits.push(v);
    g.members.push(v.observerId);
    groups.set(v.grp, g);
  }
  return groups;
}

function tell(env: CoreEnv, community: Community, round: Round, ids: number[]): Delivery[] {
  const cache = new Map<number, User>();
  const out: Delivery[] = [];
  for (const id of ids) {
    const user = env.store.users.get(community.workspaceId, id);
    if (!user) continue;
    cache.set(id, user);
    out.push({
      to: 'user',
      user,
      view: roundDm(env.store, translator(localeFor(user, community)), community, round, user, cache, env.now, true),
    });
  }
  return out;
}

/**
 * Someone who can no longer take part left a round under way: their visits are off. Of a trio, the other two
 * now observe each other; of a pair, the other joins another pair as its third when one can take them (nobody
 * avoiding anyone, and the pair's visits not yet begun), else hears that their visit is off.
 */
function leaveRound(env: CoreEnv, community: Community, user: User): Delivery[] {
  const repo = pairing(env.store);
  const round = repo.currentRound(community.id, env.now);
  if (!round) return [];
  const visits = repo.visits(round.id);
  const groups = groupsOf(visits);
  const mine = [...groups.entries()].find(([, g]) => g.members.includes(user.id) || g.visits.some((v) => v.observedId === user.id));
  if (!mine) return [];
  const [grp, group] = mine;
  for (const v of group.visits) if (v.observerId === user.id || v.observedId === user.id) repo.cancelVisit(v.id, env.now);
  const rest = group.members.filter((m) => m !== user.id);
  const add = (g: number, observer: number, observed: number) => {
    const met = yearHistory(env.store, community, round.startedAt, round.seq).get(observer, observed);
    queueVisitJobs(
      env.store,
      round,
      repo.addVisit({
        roundId: round.id,
        grp: g,
        observerId: observer,
        observedId: observed,
        metBefore: met?.count ?? 0,
        lastMetRef: met?.lastRef ?? null,
      }),
      env.now,
    );
  };
  if (rest.length === 2) {
    const [a, b] = rest as [number, number];
    const left = repo.visits(round.id).filter((v) => v.cancelledAt === null && v.grp === grp);
    if (!left.some((v) => v.observerId === a && v.observedId === b)) add(grp, a, b);
    if (!left.some((v) => v.observerId === b && v.observedId === a)) add(grp, b, a);
    return tell(env, community, round, rest);
  }
  const [x] = rest;
  if (x === undefined) return [];
  const avoids = avoidsIn(env.store, community.id);
  const history = yearHistory(env.store, community, round.startedAt, round.seq);
  const active = (id: number) => {
    const u = env.store.users.get(community.workspaceId, id);
    return !!u && canPair(u, env.store.communities.roleOf(community.id, id), community, env.now);
  };
  const hosts = [...groups.entries()]
    .filter(([g, h]) => g !== grp && h.members.length === 2 && h.members.every((m) => !avoids(m, x) && active(m)))
    .map(([g, h]) => ({ g, h, met: h.members.reduce((n, m) => n + (history.get(m, x)?.count ?? 0), 0) }))
    .sort((p, q) => p.met - q.met || p.g - q.g);
  for (const { g, h } of hosts) {
    // Ring a → b → x → a: b's visit to a gives way to b → x and x → a, if b has not begun it.
    const free = h.visits.find((v) => !touched(v));
    if (!free) continue;
    const a = free.observedId as number;
    const b = free.observerId as number;
    repo.cancelVisit(free.id, env.now);
    add(g, b, x);
    add(g, x, a);
    return tell(env, community, round, [x, a, b]);
  }
  const other = env.store.users.get(community.workspaceId, x);
  if (!other) return [];
  const i18n = translator(localeFor(other, community));
  return [
    {
      to: 'user',
      user: other,
      view: view(i18n.locale, [text(i18n.t('pairing.dm.off', { community: community.name, ref: refLabel(round.ref) }))]),
    },
  ];
}

export const reactions: Reactions = {
  membershipChanged(env, community, user) {
    const role = env.store.communities.roleOf(community.id, user.id);
    return role === null || role === 'guest' ? leaveRound(env, community, user) : [];
  },
  away(env, user) {
    return env.store.communities
      .ofUser(user.workspaceId, user.id)
      .flatMap(({ community }) => (canPair(user, 'member', community, env.now) ? [] : leaveRound(env, community, user)));
  },
  timeZoneChanged(env, community) {
    const repo = pairing(env.store);
    const schedule = repo.schedule(community.id);
    if (!schedule?.rrule || schedule.tz === community.tz) return [];
    // Rounds keep their local wall-clock time in the new zone, as meetings do.
    const rrule = schedule.rrule.replace(/^DTSTART;TZID=[^:\s]+:/m, `DTSTART;TZID=${community.tz}:`);
    repo.saveSchedule(community.id, community.tz, rrule, schedule.cadence, env.now);
    planNextRound(env.store, community, env.now);
    return [];
  },
  communityArchived(env, community) {
    planNextRound(env.store, community, env.now);
    return [];
  },
  // The next round from now on, by the stored cadence; rounds the archive spanned are not made up.
  communityRestored(env, community) {
    planNextRound(env.store, community, env.now);
    return [];
  },
  holidayAdded(env, workspace, community) {
    for (const c of community ? [community] : env.store.communities.list(workspace.id)) planNextRound(env.store, c, env.now);
    return [];
  },
};
