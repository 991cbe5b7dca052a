import type { Figures } from '../../capability.js';
import type { Translator } from '../../i18n/translate.js';
import type { Community } from '../../store/communities.js';
import type { Workspace } from '../../store/workspaces.js';
import { termAt } from '../../terms.js';
import { context, list } from '../../views/build.js';
import type { Block, FileAttachment, Image } from '../../views/view.js';
import type { ChartInput, ChartMeasure } from './chart.js';
import { MIN_MEMBERS_FOR_SHARES, share } from './domain/trend.js';
import { localWeeks, quantile } from './domain/weeks.js';
import { figuresOfAll } from './figures.js';
import { numberFormat } from './lines.js';
import { summaryRepo } from './store/index.js';
import type { SummaryDeps, SummaryEnv } from './summary.js';

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

/** The capabilities whose figures the chart draws (figure keys start with the capability's name). */
const CHART_SOURCES = new Set(['meetings', 'reflections']);
/** Below this many communities with a share, the middle half would be one or two communities' own figures. */
export const BAND_MIN_COMMUNITIES = 5;

/** Sums one figure over communities; undefined when no capability offers it. */
function total(all: readonly Figures[], key: string): number | undefined {
  let sum: number | undefined;
  for (const f of all) if (f[key] !== undefined) sum = (sum ?? 0) + (f[key] as number);
  return sum;
}

/** One week's share over the communities taken together, and the middle half of the communities' own shares. */
function measureOf(all: readonly Figures[], part: string, whole: string): ChartMeasure {
  const value = share(total(all, part), total(all, whole));
  const shares = all
    .map((f) => share(f[part], f[whole]))
    .filter((v): v is number => v !== null)
    .sort((a, b) => a - b);
  const band: [number, number] | null =
    value !== null && shares.length >= BAND_MIN_COMMUNITIES ? [quantile(shares, 0.25), quantile(shares, 0.75)] : null;
  return { value, band };
}

/**
 * The chart's figures: the district's attendance and share of members who reflected, week by week in the reader's
 * weeks over the running term (else the last twelve weeks), all communities taken together; each week also has the
 * middle half of the communities' own shares. Communities under three members are left out, as in the text.
 */
export function chartInput(deps: SummaryDeps, env: SummaryEnv, workspace: Workspace, communities: readonly Community[]): ChartInput {
  const term = termAt(env.store, workspace.id, env.zone, env.now);
  const weeks = localWeeks(env.now, env.zone, env.i18n.locale, term?.startsAt ?? null);
  const sources = () => deps.sources().filter((c) => CHART_SOURCES.has(c.name));
  const attendance: ChartMeasure[] = [];
  const reflected: ChartMeasure[] = [];
  let counted = 0;
  for (const figures of figuresOfAll(sources, communities, weeks, env)) {
    const all = [...figures.values()].filter((f) => (f['summaries.members'] ?? 0) >= MIN_MEMBERS_FOR_SHARES);
    counted = all.length;
    attendance.push(measureOf(all, 'meetings.attendanceYes', 'meetings.attendanceExpected'));
    reflected.push(measureOf(all, 'reflections.reflectors', 'summaries.members'));
  }
  return { weeks: weeks.map((w) => w.label), communities: counted, attendance, reflected };
}

/** The same numbers as the chart, in words (screen readers, and platforms without the picture). */
function chartNumbers(input: ChartInput, i18n: Translator): Block[] {
  const percent = numberFormat(i18n.locale, true);
  const dash = i18n.t('status.noValue');
  const comma = i18n.locale === 'ar' ? '، ' : ', ';
  const values = (ms: ChartMeasure[]) => ms.map((m) => (m.value === null ? dash : percent.format(m.value))).join(comma);
  const bands = (ms: ChartMeasure[]) =>
    ms.map((m) => (m.band === null ? dash : `${percent.format(m.band[0])}–${percent.format(m.band[1])}`)).join(comma);
  const lines: string[] = [];
  for (const [measure, ms] of [
    [i18n.t('chart.attendance'), input.attendance],
    [i18n.t('chart.reflected'), input.reflected],
  ] as const) {
    lines.push(i18n.t('chart.together', { measure, values: values(ms) }));
    if (ms.some((m) => m.band !== null)) lines.push(i18n.t('chart.middle', { measure, values: bands(ms) }));
  }
  const { weeks } = input;
  return [
    context(
      i18n.t('chart.weeks', {
        from: weeks[0] ?? '',
        to: weeks[weeks.length - 1] ?? '',
        count: weeks.length,
        communities: input.communities,
      }),
    ),
    list(lines),
  ];
}

/**
 * The chart block of a district: at an unguessable link that expires in seven days when the HTTP server is
 * reachable from outside, else as a file beside the message, with its numbers in words. Nothing to draw, it says so.
 */
export function chartBlocks(deps: SummaryDeps, env: SummaryEnv, workspace: Workspace, communities: readonly Community[]): Block[] {
  const { i18n } = env;
  const input = chartInput(deps, env, workspace, communities);
  if ([...input.attendance, ...input.reflected].every((m) => m.value === null)) return [context(i18n.t('chart.nothing'))];
  const numbers = chartNumbers(input, i18n);
  if (!chartModule) {
    void chartReady();
    return [context(i18n.t('chart.later')), ...numbers];
  }
  const { png } = chartModule.renderChart(input, i18n);
  const alt = i18n.t('chart.alt', {
    weeks: input.weeks.length,
    from: input.weeks[0] ?? '',
    to: input.weeks[input.weeks.length - 1] ?? '',
    communities: input.communities,
    band: [...input.attendance, ...input.reflected].some((m) => m.band !== null) ? 'yes' : 'no',
  });
  const publicUrl = deps.publicUrl();
  // Without a link (Slack in Socket Mode, the console) the picture goes as a file beside the message.
  const file: FileAttachment = { name: 'summary-chart.png', mime: 'image/png', content: png.toString('base64'), encoding: 'base64' };
  if (!publicUrl) return [{ type: 'image', image: { alt, url: null } }, { type: 'file', file }, ...numbers];
  const token = summaryRepo(env.store).saveChart(workspace.id, png, env.now);
  const image: Image = { alt, url: `${publicUrl.replace(/\/+$/, '')}/charts/${token}.png` };
  return [{ type: 'image', image }, ...numbers];
}
