import type { Figures } from '../../capability.js';
import type { MessageKey, Params, Translator } from '../../i18n/translate.js';
import { MIN_MEMBERS_FOR_SHARES, share, sparkline } from './domain/trend.js';

/** One figure of a status: how to say it, and the number its trend follows. */
interface Metric {
  key: MessageKey;
  /** The message's parameters, or null when the figure is not available (a capability that is not there). */
  params(f: Figures): Params | null;
  /** The number the sparkline follows, from the same figures. */
  trend(f: Figures): number | null;
  /** About members' participation: never shown for a community under three members. */
  share?: boolean;
  /** Its number is a share from 0 to 1, written as a percentage. */
  percent?: boolean;
}

const has = (f: Figures, ...keys: string[]) => keys.every((k) => f[k] !== undefined);
const count = (key: string) => (f: Figures) => f[key] ?? null;

const attendance = (f: Figures) => share(f['meetings.attendanceYes'], f['meetings.attendanceExpected']);
const reflected = (f: Figures) => share(f['reflections.reflectors'], f['summaries.members']);

/** The figures of a status, in the order they are shown. */
const METRICS: Metric[] = [
  {
    key: 'status.members',
    params: (f) => (has(f, 'summaries.members') ? { count: f['summaries.members'] ?? 0 } : null),
    trend: count('summaries.members'),
  },
  {
    key: 'status.active',
    share: true,
    params: (f) => (has(f, 'summaries.active') ? { active: f['summaries.active'] ?? 0, members: f['summaries.members'] ?? 0 } : null),
    trend: count('summaries.active'),
  },
  {
    key: 'status.meetings',
    params: (f) =>
      has(f, 'meetings.held', 'meetings.planned') ? { held: f['meetings.held'] ?? 0, planned: f['meetings.planned'] ?? 0 } : null,
    trend: count('meetings.held'),
  },
  {
    key: 'status.attendance',
    share: true,
    percent: true,
    params: (f) => {
      const rate = attendance(f);
      return rate === null ? null : { rate };
    },
    trend: attendance,
  },
  {
    key: 'status.reflections',
    params: (f) => (has(f, 'reflections.count') ? { count: f['reflections.count'] ?? 0 } : null),
    trend: count('reflections.count'),
  },
  {
    key: 'status.reflected',
    share: true,
    percent: true,
    params: (f) => {
      const rate = reflected(f);
      return rate === null ? null : { rate };
    },
    trend: reflected,
  },
  {
    key: 'status.shared',
    params: (f) => (has(f, 'reflections.shared') ? { count: f['reflections.shared'] ?? 0 } : null),
    trend: count('reflections.shared'),
  },
  {
    key: 'status.visits',
    params: (f) =>
      has(f, 'pairing.visitsDone', 'pairing.visitsPaired')
        ? { done: f['pairing.visitsDone'] ?? 0, paired: f['pairing.visitsPaired'] ?? 0 }
        : null,
    trend: count('pairing.visitsDone'),
  },
  {
    key: 'status.takeaways',
    params: (f) => (has(f, 'pairing.takeawaysShared') ? { count: f['pairing.takeawaysShared'] ?? 0 } : null),
    trend: count('pairing.takeawaysShared'),
  },
  {
    key: 'status.checkins',
    params: (f) => (has(f, 'goals.checkins') ? { count: f['goals.checkins'] ?? 0 } : null),
    trend: count('goals.checkins'),
  },
  {
    key: 'status.resources',
    params: (f) => (has(f, 'knowledge.resourcesAdded') ? { count: f['knowledge.resourcesAdded'] ?? 0 } : null),
    trend: count('knowledge.resourcesAdded'),
  },
];

/** The goal statuses a status names, each with its message; only those a capability reports are shown. */
const GOAL_PARTS: [string, MessageKey][] = [
  ['goals.onTrack', 'status.goals.onTrack'],
  ['goals.atRisk', 'status.goals.atRisk'],
  ['goals.offTrack', 'status.goals.offTrack'],
  ['goals.noCheckin', 'status.goals.noCheckin'],
  ['goals.achieved', 'status.goals.achieved'],
  ['goals.dropped', 'status.goals.dropped'],
];

/** Number formats by language and kind: building one costs more than the status line it writes. */
const formats = new Map<string, Intl.NumberFormat>();

/** How the reader writes a count, or a share as a percentage. */
export function numberFormat(locale: string, percent: boolean): Intl.NumberFormat {
  const key = `${locale}:${percent}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, percent ? { style: 'percent', maximumFractionDigits: 0 } : {});
    formats.set(key, format);
  }
  return format;
}

/** A list of numbers as the reader writes them, percentages for shares. */
function seriesText(values: (number | null)[], i18n: Translator, percent: boolean): string {
  const number = numberFormat(i18n.locale, percent);
  const dash = i18n.t('status.noValue');
  return values.map((v) => (v === null ? dash : number.format(v))).join(i18n.locale === 'ar' ? '، ' : ', ');
}

/**
 * The lines of one community's figures: `series` holds its figures for the last few periods, oldest first, the
 * asked period last. Each line carries its sparkline and the numbers beside it; shares are left out for a
 * community under three members; a figure no capability offers is left out, never shown as 0.
 */
export function figureLines(series: readonly Figures[], i18n: Translator, options: { district?: boolean } = {}): string[] {
  const now = series[series.length - 1] ?? {};
  const small = (now['summaries.members'] ?? 0) < MIN_MEMBERS_FOR_SHARES;
  const lines: string[] = [];
  for (const metric of METRICS) {
    if (metric.share && small) continue;
    // Summed over communities, members would count a person once per community: the district shows no head count.
    if (options.district && (metric.key === 'status.members' || metric.key === 'status.active')) continue;
    const params = metric.params(now);
    if (!params) continue;
    const values = series.map((f) => metric.trend(f));
    const line = i18n.t(metric.key, params);
    lines.push(
      values.length > 1
        ? i18n.t('status.trend', { line, spark: sparkline(values), series: seriesText(values, i18n, metric.percent === true) })
        : line,
    );
  }
  const goals = goalLine(now, i18n);
  if (goals) lines.push(goals);
  const norms = now['knowledge.norms'];
  if (norms !== undefined) lines.push(i18n.t('status.norms', { count: norms }));
  return lines;
}

/** Team and school goals by status (never individual ones: the goals capability counts only those). */
function goalLine(f: Figures, i18n: Translator): string | null {
  const parts = GOAL_PARTS.filter(([key]) => f[key] !== undefined).map(([key, message]) => i18n.t(message, { count: f[key] ?? 0 }));
  if (f['goals.open'] === undefined && parts.length === 0) return null;
  return i18n.t('status.goals', { open: f['goals.open'] ?? 0, parts: parts.join(i18n.locale === 'ar' ? '، ' : ', ') });
}
