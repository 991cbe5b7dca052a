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
    prepared(env.store.db, "SELECT user_id AS id FROM memberships WHERE community_id = ? AND role != 'guest' AND joined_at <= ?").all(
      community.id,
      to,
    ) as { id: number }[]
  ).map((r) => r.id);
}

/**
 * Every figure of a community in a period: each capability's own (`meetings.held`, `reflections.count`), the
 * members (`summaries.members`) and the active members (`summaries.active`: members whom at least one capability
 * saw do something in the period, as its `participants` hook says; left out when no capability offers that hook).
 * A key nobody offers is absent, never 0.
 */
export function figuresOf(sources: Sources, community: Community, period: Period, env: CoreEnv): Figures {
  const out: Figures = { 'summaries.members': memberIds(env, community, period.to).length };
  for (const capability of sources()) if (capability.figures) Object.assign(out, capability.figures(community, period, env));
  const active = activeMembers(sources, community, period, env);
  if (active !== null) out['summaries.active'] = active;
  return out;
}

/**
 * The community's active members in the period: members whom at least one capability saw do something, by its
 * `participants` hook; null when no capability offers that hook. Only ever a count.
 */
export function activeMembers(sources: Sources, community: Community, period: Period, env: CoreEnv): number | null {
  let active: Set<number> | null = null;
  for (const capability of sources()) {
    if (!capability.participants) continue;
    active ??= new Set();
    for (const id of capability.participants(community, period, env)) active.add(id);
  }
  if (!active) return null;
  let count = 0;
  for (const id of memberIds(env, community, period.to)) if (active.has(id)) count++;
  return count;
}

/**
 * The figures of many communities in one period, by community id, without active members (a district's view
 * shows no head counts): capabilities with `figuresOfMany` answer for all at once, the others one by one.
 */
export function figuresOfAll(sources: Sources, all: readonly Community[], period: Period, env: CoreEnv): Map<number, Figures> {
  const out = new Map<number, Figures>(all.map((c) => [c.id, {}]));
  const counts = prepared(
    env.store.db,
    `SELECT community_id AS id, COUNT(*) AS n FROM memberships
       WHERE community_id IN (SELECT value FROM json_each(?)) AND role != 'guest' AND joined_at <= ? GROUP BY community_id`,
  ).all(JSON.stringify(all.map((c) => c.id)), period.to) as { id: number; n: number }[];
  for (const c of all) (out.get(c.id) as Figures)['summaries.members'] = 0;
  for (const r of counts) (out.get(r.id) as Figures)['summaries.members'] = r.n;
  for (const capability of sources()) {
    if (capability.figuresOfMany) {
      for (const [id, f] of capability.figuresOfMany(all, period, env)) Object.assign(out.get(id) ?? {}, f);
    } else if (capability.figures) {
      for (const c of all) Object.assign(out.get(c.id) as Figures, capability.figures(c, period, env));
    }
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
