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
  let active: Map<number, Set<number>>[] | null = null;
  for (const capability of sources()) {
    if (!capability.participantsOfMany && !capability.participants) continue;
    active ??= periods.map(() => new Map(communities.map((c) => [c.id, new Set<number>()])));
    const seen: Map<number, Iterable<number>>[] = capability.participantsOfMany
      ? capability.participantsOfMany(communities, periods, env)
      : periods.map((p) => new Map(communities.map((c) => [c.id, capability.participants?.(c, p, env) ?? []])));
    for (const [i, byCommunity] of seen.entries()) {
      for (const [id, people] of byCommunity) {
        const into = active[i]?.get(id);
        if (into) for (const person of people) into.add(person);
      }
    }
  }
  if (!active) return null;
  const members = env.store.communities.membersOf(communities.map((c) => c.id));
  return periods.map((p, i) => {
    const out = new Map<number, number>(communities.map((c) => [c.id, 0]));
    const seen = active?.[i];
    for (const m of members) {
      if (m.joinedAt <= p.to && seen?.get(m.communityId)?.has(m.id)) out.set(m.communityId, (out.get(m.communityId) ?? 0) + 1);
    }
    return out;
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
  // Each capability's figures are gathered, then spread into one object a community and period: an object that
  // gains more than a dozen properties one by one turns into a hash table, which every later read pays for.
  const parts = periods.map(() => new Map<number, Figures[]>(all.map((c) => [c.id, []])));
  for (const capability of sources()) {
    if (capability.figuresOfMany) {
      for (const [i, figures] of capability.figuresOfMany(all, periods, env).entries()) {
        for (const [id, f] of figures) parts[i]?.get(id)?.push(f);
      }
    } else if (capability.figures) {
      for (const [i, p] of periods.entries()) {
        for (const c of all) parts[i]?.get(c.id)?.push(capability.figures(c, p, env));
      }
    }
  }
  const out = periods.map((p, i) => {
    const byCommunity = new Map<number, Figures>();
    for (const c of all) {
      const own = parts[i]?.get(c.id) ?? [];
      // One literal for the capabilities there are (spreading undefined adds nothing), then any beyond six.
      let f: Figures = { 'summaries.members': joinedBy(c.id, p.to), ...own[0], ...own[1], ...own[2], ...own[3], ...own[4], ...own[5] };
      for (const part of own.slice(6)) f = { ...f, ...part };
      byCommunity.set(c.id, f);
    }
    return byCommunity;
  });
  return out;
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
