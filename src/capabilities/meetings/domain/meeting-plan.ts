import { occurrencesBetween } from '../../../grammar/recurrence.js';

/** What a lead changed about one occurrence: cancelled it, or moved it. */
export interface OccurrenceChange {
  occurrence: string;
  status: 'scheduled' | 'cancelled';
  moved: boolean;
  startsAt: number;
}

/** A range of local dates, both included, on which a community does not meet. */
export interface HolidayRange {
  id: number;
  startsOn: string;
  endsOn: string;
  name: string | null;
}

/** An occurrence as the team will experience it. */
export interface PlannedOccurrence {
  occurrence: string;
  startsAt: number;
  state: 'held' | 'cancelled' | 'holiday';
  moved: boolean;
  holiday: HolidayRange | null;
}

/** The holiday a local date falls in, if any. */
export function holidayOn(date: string, holidays: readonly HolidayRange[]): HolidayRange | null {
  return holidays.find((h) => h.startsOn <= date && date <= h.endsOn) ?? null;
}

/**
 * The community's meetings in [fromMs, toMs): the rule's occurrences with cancellations, moves and holidays
 * applied. A moved meeting is held even in a holiday: someone chose that date on purpose.
 */
export function planOccurrences(
  rule: string,
  changes: readonly OccurrenceChange[],
  holidays: readonly HolidayRange[],
  fromMs: number,
  toMs: number,
): PlannedOccurrence[] {
  const byDate = new Map(changes.map((c) => [c.occurrence, c]));
  const seen = new Set<string>();
  const out: PlannedOccurrence[] = [];
  for (const o of occurrencesBetween(rule, fromMs, toMs)) {
    seen.add(o.date);
    const change = byDate.get(o.date);
    if (change?.status === 'cancelled') {
      out.push({ occurrence: o.date, startsAt: o.startsAt, state: 'cancelled', moved: false, holiday: null });
    } else if (change?.moved) {
      if (change.startsAt >= fromMs && change.startsAt < toMs)
        out.push({ occurrence: o.date, startsAt: change.startsAt, state: 'held', moved: true, holiday: null });
    } else {
      const holiday = holidayOn(o.date, holidays);
      out.push({ occurrence: o.date, startsAt: o.startsAt, state: holiday ? 'holiday' : 'held', moved: false, holiday });
    }
  }
  // A meeting moved into this window from an occurrence outside it.
  for (const c of changes) {
    if (c.moved && c.status === 'scheduled' && !seen.has(c.occurrence) && c.startsAt >= fromMs && c.startsAt < toMs) {
      out.push({ occurrence: c.occurrence, startsAt: c.startsAt, state: 'held', moved: true, holiday: null });
    }
  }
  return out.sort((a, b) => a.startsAt - b.startsAt);
}
