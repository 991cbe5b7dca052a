import { DateTime } from 'luxon';
import { prepared } from './store/db.js';
import type { Store } from './store/store.js';

/** A term of a workspace: it starts on a local date and runs until the next term starts. */
export interface Term {
  id: number;
  startsOn: string;
  /** True when this term also starts a school year. */
  newYear: boolean;
  name: string | null;
}

/** A term placed in one time zone: the instants at which it starts and (if a later term exists) ends. */
export interface PlacedTerm extends Term {
  startsAt: number;
  /** The start of the next term, or null for the latest one. */
  endsAt: number | null;
}

interface TermRow {
  id: number;
  startsOn: string;
  newYear: number;
  name: string | null;
}

const COLUMNS = 'id, starts_on AS startsOn, new_year AS newYear, name';

function fromRow(r: TermRow): Term {
  return { id: r.id, startsOn: r.startsOn, newYear: r.newYear === 1, name: r.name };
}

/**
 * Marks a term starting on `startsOn`. A second mark on the same date replaces the first (its name and whether it
 * starts a year), so a coordinator corrects a term by typing it again.
 */
export function startTerm(
  store: Store,
  now: number,
  t: { workspaceId: number; startsOn: string; newYear: boolean; name: string | null; createdBy: number | null },
): Term {
  const row = prepared(
    store.db,
    `INSERT INTO terms (workspace_id, starts_on, new_year, name, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (workspace_id, starts_on) DO UPDATE SET new_year = excluded.new_year, name = excluded.name
     RETURNING ${COLUMNS}`,
  ).get(t.workspaceId, t.startsOn, t.newYear ? 1 : 0, t.name, t.createdBy, now) as TermRow;
  return fromRow(row);
}

/** Every term of the workspace, oldest first. */
export function termsOf(store: Store, workspaceId: number): Term[] {
  return (prepared(store.db, `SELECT ${COLUMNS} FROM terms WHERE workspace_id = ? ORDER BY starts_on`).all(workspaceId) as TermRow[]).map(
    fromRow,
  );
}

/** Midnight of a local date in a zone, in UTC milliseconds. */
function startOfDay(date: string, zone: string): number {
  return DateTime.fromISO(date, { zone }).startOf('day').toMillis();
}

/** The workspace's terms placed in `zone` (a community's time zone), oldest first. */
export function placedTerms(store: Store, workspaceId: number, zone: string): PlacedTerm[] {
  const all = termsOf(store, workspaceId);
  return all.map((t, i) => {
    const next = all[i + 1];
    return { ...t, startsAt: startOfDay(t.startsOn, zone), endsAt: next ? startOfDay(next.startsOn, zone) : null };
  });
}

/** The term running at `now` in `zone`, or null before the first term (or when none was ever marked). */
export function termAt(store: Store, workspaceId: number, zone: string, now: number): PlacedTerm | null {
  let current: PlacedTerm | null = null;
  for (const t of placedTerms(store, workspaceId, zone)) {
    if (t.startsAt > now) break;
    current = t;
  }
  return current;
}

/**
 * When the school year running at `now` began in `zone`: the start of the latest term marked `new-year` that has
 * begun, or null when no school year was ever started. Pairing history, streaks and rotations count from here.
 */
export function schoolYearStart(store: Store, workspaceId: number, zone: string, now: number): number | null {
  let start: number | null = null;
  for (const t of placedTerms(store, workspaceId, zone)) {
    if (t.startsAt > now) break;
    if (t.newYear) start = t.startsAt;
  }
  return start;
}
