import type { Capability, CoreEnv, Figures, Period } from '../../capability.js';
import type { Translator } from '../../i18n/translate.js';
import type { Community } from '../../store/communities.js';
import { prepared } from '../../store/db.js';
import type { Text } from '../../views/view.js';

/** Where summaries read the other capabilities: the list it was assembled with, through their hooks only. */
export type Sources = () => readonly Capability[];

/**
 * The members of a community at the end of a period: those who had joined by then and still belong, guests
 * left out (they take no part in reflections, pairing or goals). People who have left are not counted back.
 */
function memberIds(env: CoreEnv, community: Community, to: number): number[] {
  return (
    prepared(
      env.store.db,
      "SELECT user_id AS id FROM memberships WHERE community_id = ? AND role != 'guest' AND joined_at <= ?",
    ).all(community.id, to) as { id: number }[]
  ).map((r) => r.id);
}

/**
 * Every figure of a community in a period: each capability's own (`meetings.held`, `reflections.count`), the
 * members (`summaries.members`) and the active members (`summaries.active`: members whom at least one capability
 * saw do something in the period, as its `participants` hook says; left out when no capability offers that hook).
 * A key nobody offers is absent, never 0.
 */
export function figuresOf(sources: Sources, community: Community, period: Period, env: CoreEnv): Figures {
  const out: Figures = {};
  const members = memberIds(env, community, period.to);
  out['summaries.members'] = members.length;
  let active: Set<number> | null = null;
  for (const capability of sources()) {
    if (capability.figures) Object.assign(out, capability.figures(community, period, env));
    if (capability.participants) {
      active ??= new Set();
      for (const id of capability.participants(community, period, env)) active.add(id);
    }
  }
  if (active) {
    let count = 0;
    for (const id of members) if (active.has(id)) count++;
    out['summaries.active'] = count;
  }
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
