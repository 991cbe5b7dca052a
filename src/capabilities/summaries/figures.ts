import { type Capability, type CoreEnv, type Figures, membersJoinedBy, type Period } from '../../capability.js';
import type { Translator } from '../../i18n/translate.js';
import type { Community } from '../../store/communities.js';
import type { Text } from '../../views/view.js';

/** Where summaries read the other capabilities: the list it was assembled with, through their hooks only. */
export type Sources = () => readonly Capability[];

/**
 * Every figure of a community in a period: each capability's own (`meetings.held`, `reflections.count`), the
 * members (`summaries.members`) and the active members (`summaries.active`: members whom at least one capability
 * saw do something in the period, as its `participants` hook says; left out when no capability offers that hook).
 * A key nobody offers is absent, never 0.
 */
export function figuresOf(sources: Sources, community: Community, period: Period, env: CoreEnv): Figures {
  const out: Figures = { 'summaries.members': env.store.communities.membersJoinedBy([community.id])(community.id, period.to) };
  for (const capability of sources()) if (capability.figures) Object.assign(out, capability.figures(community, period, env));
  const active = activeMembersOf(sources, [community], [period], env)?.[0]?.get(community.id);
  if (active !== undefined) out['summaries.active'] = active;
  return out;
}

/**
 * Each community's active members in each period: members whom at least one capability saw do something, by its
 * `participants` hooks (each capability asked once for them all); null when no capability offers that hook.
 * Only ever a count.
 */
export function activeMembersOf(
  sources: Sources,
  communities: readonly Community[],
  periods: readonly Period[],
  env: CoreEnv,
): Map<number, number>[] | null {
  const index = new Map(communities.map((c, k) => [c.id, k]));
  // Each period's active members, a Set a community (in the order of `communities`).
  let active: Set<number>[][] | null = null;
  for (const capability of sources()) {
    if (!capability.participantsOfMany && !capability.participants) continue;
    active ??= periods.map(() => communities.map(() => new Set<number>()));
    const seen: Map<number, Iterable<number>>[] = capability.participantsOfMany
      ? capability.participantsOfMany(communities, periods, env)
      : periods.map((p) => new Map(communities.map((c) => [c.id, capability.participants?.(c, p, env) ?? []])));
    for (let i = 0; i < periods.length; i++) {
      const into = active[i] as Set<number>[];
      seen[i]?.forEach((people, id) => {
        const k = index.get(id);
        if (k !== undefined) for (const person of people) into[k]?.add(person);
      });
    }
  }
  if (!active) return null;
  const members = env.store.communities.membersOf(communities.map((c) => c.id));
  return periods.map((p, i) => {
    const counts = new Int32Array(communities.length);
    const seen = active[i] as Set<number>[];
    for (let m = 0; m < members.length; m++) {
      const member = members[m] as { communityId: number; id: number; joinedAt: number };
      const k = index.get(member.communityId);
      if (k !== undefined && member.joinedAt <= p.to && seen[k]?.has(member.id)) counts[k] = (counts[k] as number) + 1;
    }
    return new Map(communities.map((c, k) => [c.id, counts[k] as number]));
  });
}

/**
 * The figures of many communities in each of some periods (one map by community id a period, in their order),
 * without active members (a district's view shows no head counts): capabilities with `figuresOfMany` answer for
 * all communities and periods at once, the others one by one.
 */
export function figuresOfAll(
  sources: Sources,
  all: readonly Community[],
  periods: readonly Period[],
  env: CoreEnv,
): Map<number, Figures>[] {
  // Members who had joined by each period's end, from one query for them all (the meetings count with it too).
  const joinedBy = membersJoinedBy(
    env,
    all.map((c) => c.id),
  );
  const index = new Map(all.map((c, k) => [c.id, k]));
  // Each capability's figures are gathered (a list a period and community, in the order of `all`), then spread into
  // one object: an object that gains more than a dozen properties one by one turns into a hash table, which every
  // later read pays for.
  const parts: Figures[][][] = periods.map(() => all.map(() => []));
  for (const capability of sources()) {
    if (capability.figuresOfMany) {
      const many = capability.figuresOfMany(all, periods, env);
      for (let i = 0; i < periods.length; i++) {
        const into = parts[i] as Figures[][];
        many[i]?.forEach((f, id) => {
          const k = index.get(id);
          if (k !== undefined) into[k]?.push(f);
        });
      }
    } else if (capability.figures) {
      for (let i = 0; i < periods.length; i++) {
        const into = parts[i] as Figures[][];
        for (let k = 0; k < all.length; k++) into[k]?.push(capability.figures(all[k] as Community, periods[i] as Period, env));
      }
    }
  }
  return periods.map((p, i) => {
    const byCommunity = new Map<number, Figures>();
    for (let k = 0; k < all.length; k++) {
      const id = (all[k] as Community).id;
      const own = (parts[i] as Figures[][])[k] as Figures[];
      // One literal for the capabilities there are (spreading undefined adds nothing), then any beyond six.
      let f: Figures = { 'summaries.members': joinedBy(id, p.to), ...own[0], ...own[1], ...own[2], ...own[3], ...own[4], ...own[5] };
      for (let extra = 6; extra < own.length; extra++) f = { ...f, ...own[extra] };
      byCommunity.set(id, f);
    }
    return byCommunity;
  });
}

/** What every capability says needs attention in the community in the period, in the reader's language. */
export function attentionOf(sources: Sources, community: Community, period: Period, env: CoreEnv & { i18n: Translator }): Text[] {
  return sources().flatMap((c) => c.attention?.(community, period, env) ?? []);
}

/** What the community's coordinators may read, from every capability that offers it. */
export function coordinatorExportOf(sources: Sources, community: Community, env: CoreEnv): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const capability of sources()) {
    for (const [name, entries] of Object.entries(capability.coordinatorExport?.(community, env) ?? {})) {
      out[`${capability.name}.${name}`] = entries;
    }
  }
  return out;
}
