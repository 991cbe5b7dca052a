import type { CoreEnv, Figures } from '../../capability.js';
import type { Translator } from '../../i18n/translate.js';
import type { Community } from '../../store/communities.js';
import type { Workspace } from '../../store/workspaces.js';
import { context, heading, list, text } from '../../views/build.js';
import { type Page, pageOf } from '../../views/paging.js';
import type { Block, Span } from '../../views/view.js';
import { chartBlocks } from './chart-blocks.js';
import { MIN_MEMBERS_FOR_SHARES, periodsBefore } from './domain/trend.js';
import { activeMembersOf, attentionOf, figuresOfAll, type Sources } from './figures.js';
import { figureLines } from './lines.js';

/** How many periods each figure's sparkline shows, the asked one last. */
export const TREND_PERIODS = 6;
/** What every summary is computed with: where figures come from, and where charts are served. */
export interface SummaryDeps {
  sources: Sources;
  /** The shared HTTP server's outside address (PUBLIC_URL); without one the chart travels as a file. */
  publicUrl(): string | undefined;
}

/** A summary being written: the store, the instant, the reader's language and time zone (the chart's weeks). */
export interface SummaryEnv extends CoreEnv {
  i18n: Translator;
  zone: string;
}

/**
 * Each figure of some communities over the last TREND_PERIODS periods of `days`, oldest first, with their active
 * members: one batch of figures per period for them all (or the batches `known` already, period by period).
 */
export function seriesOf(
  deps: SummaryDeps,
  env: CoreEnv,
  communities: readonly Community[],
  days: number,
  known: readonly Map<number, Figures>[] = [],
): Map<number, Figures[]> {
  const out = new Map<number, Figures[]>(communities.map((c) => [c.id, []]));
  const periods = periodsBefore(env.now, days, TREND_PERIODS);
  const counted = known.length === periods.length ? known : figuresOfAll(deps.sources, communities, periods, env);
  const active = activeMembersOf(deps.sources, communities, periods, env);
  for (const i of periods.keys()) {
    const all = counted[i] as Map<number, Figures>;
    for (const c of communities) {
      const f = all.get(c.id) as Figures;
      const count = active?.[i]?.get(c.id);
      if (count !== undefined) f['summaries.active'] = count;
      out.get(c.id)?.push(f);
    }
  }
  return out;
}

/**
 * One community's status: its figures with their trends, and what needs attention. No person is named or counted.
 * Three blocks a community, so that a page of ten fits Slack's fifty blocks with the chart.
 */
export function communityBlocks(
  deps: SummaryDeps,
  env: SummaryEnv,
  community: Community,
  days: number,
  series: Figures[] = seriesOf(deps, env, [community], days).get(community.id) ?? [],
): Block[] {
  const { i18n } = env;
  const period = periodsBefore(env.now, days, 1)[0] as { from: number; to: number };
  const now = series[series.length - 1] ?? {};
  const lines = figureLines(series, i18n);
  if ((now['summaries.members'] ?? 0) < MIN_MEMBERS_FOR_SHARES) lines.push(i18n.t('status.small'));
  const attention = attentionOf(deps.sources, community, period, env);
  const needs: Span[] = [i18n.t('status.attention')];
  for (const line of attention) needs.push('\n• ', ...(typeof line === 'string' ? [line] : line));
  if (attention.length === 0) needs.push(' ', i18n.t('status.attentionNone'));
  return [heading(i18n.t('status.title', { community: community.name, days })), list(lines), text(needs)];
}

/** The line under a status that says how to read its trends. */
export const trendNote = (i18n: Translator, days: number): Block => context(i18n.t('status.trendNote', { count: TREND_PERIODS, days }));

/** Sums each figure over communities: the district's counts (shares are recomputed from the sums, never averaged). */
function sum(all: readonly Figures[]): Figures {
  // A Map adds up faster than an object whose keys are only learnt as the figures come in.
  const out = new Map<string, number>();
  for (const f of all) for (const k in f) out.set(k, (out.get(k) ?? 0) + (f[k] as number));
  return Object.fromEntries(out);
}

/** The communities a `status all` shows, alphabetically (never ordered by how they are doing). */
export function communitiesOf(env: CoreEnv, workspace: Workspace): Community[] {
  return env.store.communities
    .list(workspace.id)
    .filter((c) => !c.archivedAt)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Every community of the workspace: the district's figures with their trends (all communities), then one page of
 * communities with their own, then the chart of the whole district, week by week.
 */
export function allBlocks(
  deps: SummaryDeps,
  env: SummaryEnv,
  workspace: Workspace,
  days: number,
  page: number,
  options: { chart: boolean } = { chart: true },
): { blocks: Block[]; page: Page<Community> } {
  const { i18n } = env;
  const all = communitiesOf(env, workspace);
  const shown = pageOf(all, page);
  const blocks: Block[] = [heading(i18n.t('status.allTitle', { count: all.length, days }))];
  if (all.length === 0) return { blocks: [...blocks, text(i18n.t('status.none'))], page: shown };
  const periods = periodsBefore(env.now, days, TREND_PERIODS);
  const byPeriod = figuresOfAll(deps.sources, all, periods, env);
  const district = byPeriod.map((figures) => sum([...figures.values()]));
  blocks.push(text(i18n.t('status.district')));
  blocks.push(list(figureLines(district, i18n, { district: true })));
  // The page's communities were counted with the district's: their figures are copied, their active members added.
  const series = seriesOf(
    deps,
    env,
    shown.items,
    days,
    byPeriod.map((figures) => new Map(shown.items.map((c) => [c.id, { ...(figures.get(c.id) ?? {}) }]))),
  );
  for (const community of shown.items) blocks.push(...communityBlocks(deps, env, community, days, series.get(community.id)));
  blocks.push(trendNote(i18n, days));
  if (options.chart) blocks.push(...chartBlocks(deps, env, workspace, all));
  return { blocks, page: shown };
}

export { chartReady } from './chart-blocks.js';
