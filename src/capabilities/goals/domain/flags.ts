import type { Cadence } from '../../../grammar/cadence.js';

const DAY = 86_400_000;

/** The period a goal is judged by when its community asks for no check-ins: four weeks, a school's usual cycle. */
export const DEFAULT_PERIOD_MS = 28 * DAY;

/** How long one period of a check-in cadence lasts: a week, two weeks, or the longest month. */
export function periodOf(cadence: Cadence | null): number {
  if (!cadence) return DEFAULT_PERIOD_MS;
  if (cadence.freq === 'weekly') return 7 * DAY;
  if (cadence.freq === 'biweekly') return 14 * DAY;
  return 31 * DAY;
}

/** Whether an open goal is overdue for a check-in at `now`: nothing since two periods, counting from its last check-in or its start. */
export function needsCheckin(goal: { createdAt: number; lastCheckinAt: number | null }, period: number, now: number): boolean {
  return now - (goal.lastCheckinAt ?? goal.createdAt) >= 2 * period;
}
