import { DateTime } from 'luxon';
import type { CoreEnv, Figures } from '../../capability.js';
import type { Translator } from '../../i18n/translate.js';
import type { Community } from '../../store/communities.js';
import type { Workspace } from '../../store/workspaces.js';
import { context, heading, list, text } from '../../views/build.js';
import { type Page, pageOf } from '../../views/paging.js';
import type { Block, FileAttachment, Image, Span } from '../../views/view.js';
import type { ChartInput } from './chart.js';
import { MIN_MEMBERS_FOR_SHARES, periodsBefore, share } from './domain/trend.js';
import { activeMembersOf, attentionOf, figuresOfAll, type Sources } from './figures.js';
import { figureLines, numberFormat } from './lines.js';
import { summaryRepo } from './store/index.js';

/**
 * The chart's libraries (vega, vega-lite, resvg) take a second or more to load and vega cannot be required
 * synchronously, so they load in the background when summaries are first assembled, not on the start-up path.
 */
let chartModule: typeof import('./chart.js') | null = null;
let chartLoading: Promise<void> | null = null;
export function chartReady(): Promise<void> {
  chartLoading ??= import('./chart.js').then((m) => {
    chartModule = m;
  });
  return chartLoading;
}

/** How many periods each figure's sparkline shows, the asked one last. */
export const TREND_PERIODS = 6;
/**
 * The chart covers the last twelve weeks. There is no school term yet; when a term start exists (the operations
 * issue's `term start`), the chart should start at the latest term start instead, up to a school year back.
 */
export const CHART_WEEKS = 12;
const WEEK_DAYS = 7;

/** What every summary is computed with: where figures come from, and where charts are served. */
export interface SummaryDeps {
  sources: Sources;
  /** The shared HTTP server's outside address (PUBLIC_URL); without one the chart travels as a file. */
  publicUrl(): string | undefined;
}

/** A summary being written: the store, the instant, the reader's language. */
export interface SummaryEnv extends CoreEnv {
  i18n: Translator;
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
  for (const [i, p] of periodsBefore(env.now, days, TREND_PERIODS).entries()) {
    const all = known[i] ?? figuresOfAll(deps.sources, communities, p, env);
    const active = activeMembersOf(deps.sources, communities, p, env);
    for (const c of communities) {
      const f = all.get(c.id) as Figures;
      const count = active?.get(c.id);
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
  const out: Figures = {};
  for (const f of all) for (const [k, v] of Object.entries(f)) out[k] = (out[k] ?? 0) + v;
  return out;
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
 * communities with their own, then the chart of that page's communities, week by week.
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
  const byPeriod = periods.map((p) => figuresOfAll(deps.sources, all, p, env));
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
  if (options.chart) blocks.push(...chartBlocks(deps, env, workspace, shown.items));
  return { blocks, page: shown };
}

/** The chart's figures: each community's attendance and share of members who reflected, week by week. */
export function chartInput(deps: SummaryDeps, env: SummaryEnv, communities: readonly Community[]): ChartInput {
  const weeks = periodsBefore(env.now, WEEK_DAYS, CHART_WEEKS);
  const labels = weeks.map((w) => DateTime.fromMillis(w.from, { zone: 'UTC' }).setLocale(env.i18n.locale).toFormat('d LLL'));
  const byWeek = weeks.map((w) => figuresOfAll(deps.sources, communities, w, env));
  const series = communities.flatMap((community) => {
    const figures = byWeek.map((all) => all.get(community.id) ?? {});
    // A community under three members shows no shares, in the chart as in the text.
    if ((figures[figures.length - 1]?.['summaries.members'] ?? 0) < MIN_MEMBERS_FOR_SHARES) return [];
    return [
      {
        community: community.name,
        attendance: figures.map((f) => share(f['meetings.attendanceYes'], f['meetings.attendanceExpected'])),
        reflected: figures.map((f) => share(f['reflections.reflectors'], f['summaries.members'])),
      },
    ];
  });
  return { weeks: labels, series };
}

/** The same numbers as the chart, in words: one line per community (screen readers, and platforms without the picture). */
function chartNumbers(input: ChartInput, i18n: Translator): Block[] {
  const percent = numberFormat(i18n.locale, true);
  const dash = i18n.t('status.noValue');
  const join = (values: (number | null)[]) =>
    values.map((v) => (v === null ? dash : percent.format(v))).join(i18n.locale === 'ar' ? '، ' : ', ');
  return [
    context(
      i18n.t('chart.weeks', { from: input.weeks[0] ?? '', to: input.weeks[input.weeks.length - 1] ?? '', count: input.weeks.length }),
    ),
    list(
      input.series.map((s) =>
        i18n.t('chart.numbers', { community: s.community, attendance: join(s.attendance), reflected: join(s.reflected) }),
      ),
    ),
  ];
}

/**
 * The chart block: at an unguessable link that expires in seven days when the HTTP server is reachable from
 * outside, else as a file beside the message. Nothing when no community has shares to draw.
 */
export function chartBlocks(deps: SummaryDeps, env: SummaryEnv, workspace: Workspace, communities: readonly Community[]): Block[] {
  const { i18n } = env;
  const input = chartInput(deps, env, communities);
  if (input.series.length === 0) return [context(i18n.t('chart.nothing'))];
  if (!chartModule) {
    void chartReady();
    return [context(i18n.t('chart.later')), ...chartNumbers(input, i18n)];
  }
  const { png } = chartModule.renderChart(input, i18n);
  const alt = i18n.t('chart.alt', {
    weeks: CHART_WEEKS,
    communities: input.series.map((s) => s.community).join(i18n.locale === 'ar' ? '، ' : ', '),
  });
  const publicUrl = deps.publicUrl();
  // Without a link (Slack in Socket Mode, the console) the picture goes as a file beside the message.
  const file: FileAttachment = { name: 'summary-chart.png', mime: 'image/png', content: png.toString('base64'), encoding: 'base64' };
  const numbers = chartNumbers(input, i18n);
  if (!publicUrl) return [{ type: 'image', image: { alt, url: null } }, { type: 'file', file }, ...numbers];
  const token = summaryRepo(env.store).saveChart(workspace.id, png, env.now);
  const image: Image = { alt, url: `${publicUrl.replace(/\/+$/, '')}/charts/${token}.png` };
  return [{ type: 'image', image }, ...numbers];
}
