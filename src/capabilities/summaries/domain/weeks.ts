import { DateTime } from 'luxon';
import type { Span } from './trend.js';

/** Without a running term the chart covers the last twelve weeks, the current one included. */
export const CHART_WEEKS = 12;
/** The longest a chart reaches back when a term began long ago: about a school year. */
export const MAX_CHART_WEEKS = 52;

/** One week of the chart: its span in UTC milliseconds (cut at the term's start and at now) and its label. */
export interface ChartWeek extends Span {
  label: string;
}

/**
 * The weeks a chart covers, oldest first, as the reader lives them: local weeks in `zone` starting on Monday,
 * from `termStart` (the running term's start, at most a school year back), else the last twelve weeks, to `now`.
 * The first week starts at the term's start and the last ends now, so neither counts what lies outside; each is
 * labelled with the local date it starts on, in the reader's language, with the year when it is not this one.
 */
export function localWeeks(now: number, zone: string, locale: string, termStart: number | null): ChartWeek[] {
  const today = DateTime.fromMillis(now, { zone });
  const thisWeek = today.startOf('week');
  const earliest = thisWeek.minus({ weeks: MAX_CHART_WEEKS - 1 });
  let first = thisWeek.minus({ weeks: CHART_WEEKS - 1 });
  if (termStart !== null && termStart <= now) {
    const term = DateTime.fromMillis(termStart, { zone });
    first = term < earliest ? earliest : term;
  }
  const weeks: ChartWeek[] = [];
  for (let start = first.startOf('week'); start < today; start = start.plus({ weeks: 1 })) {
    const from = Math.max(start.toMillis(), first.toMillis());
    const to = Math.min(start.plus({ weeks: 1 }).toMillis(), now);
    const local = DateTime.fromMillis(from, { zone }).setLocale(locale);
    const label = local.toLocaleString(
      local.year === today.year ? { day: 'numeric', month: 'short' } : { day: 'numeric', month: 'short', year: 'numeric' },
    );
    weeks.push({ from, to, label });
  }
  return weeks;
}

/** The value below which a share `q` of the sorted values lie, interpolated (the middle half is q 0.25 to 0.75). */
export function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  const a = sorted[low] as number;
  const b = sorted[high] as number;
  return a + (b - a) * (at - low);
}
