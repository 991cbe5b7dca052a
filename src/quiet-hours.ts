import { DateTime } from 'luxon';
import { UserError } from './errors.js';
import { normalizeDigits, parseTime, WEEKDAYS } from './grammar/values.js';
import { prepared } from './store/db.js';
import type { Store } from './store/store.js';
import type { User } from './store/users.js';

/**
 * When the bot may write to a person: between `from` and `to` (minutes after local midnight, in the person's own
 * time zone) on `days` (1 = Monday … 7 = Sunday). Outside it is quiet: DMs, prompts and nudges wait for the next
 * allowed moment. Channel reminders and answers to a command the person just typed are exempt.
 */
export interface QuietRule {
  from: number;
  to: number;
  days: readonly number[];
}

/** The install's defaults (QUIET_HOURS, WORKDAYS) and the zone of a person whose platform gave none. */
export interface QuietPolicy {
  /** Null when the install keeps no quiet hours (QUIET_HOURS=off). */
  rule: QuietRule | null;
  defaultTz: string;
}

export const OPEN_ALWAYS: QuietPolicy = { rule: null, defaultTz: 'UTC' };

/** `07:00-19:00`: the hours in which messages reach people. */
export function parseQuietHours(raw: string): Pick<QuietRule, 'from' | 'to'> {
  const m = /^(\S+)\s*[-–]\s*(\S+)$/.exec(normalizeDigits(raw.trim()));
  if (!m) throw new UserError('error.badQuietHours', { value: raw });
  const from = parseTime(m[1] as string);
  const to = parseTime(m[2] as string);
  const fromMin = from.hour * 60 + from.minute;
  const toMin = to.hour * 60 + to.minute;
  // A window that ends before it starts (22:00-06:00) would keep the bot writing at night: refused, not guessed.
  if (toMin <= fromMin) throw new UserError('error.badQuietHours', { value: raw });
  return { from: fromMin, to: toMin };
}

/** `mon-fri`, `mon,tue,thu` or `sun-thu`: the days on which messages reach people. */
export function parseWorkdays(raw: string): number[] {
  const days = new Set<number>();
  for (const part of raw
    .toLowerCase()
    .split(',')
    .map((p) => p.trim())) {
    const range = /^([a-z]+)(?:\s*-\s*([a-z]+))?$/.exec(part);
    const start = range ? dayNumber(range[1] as string) : 0;
    const end = range?.[2] ? dayNumber(range[2]) : start;
    if (!start || !end) throw new UserError('error.badWorkdays', { value: raw });
    // A range may wrap the week: sun-thu is Sunday to Thursday.
    for (let d = start, n = 0; n < 7; d = (d % 7) + 1, n++) {
      days.add(d);
      if (d === end) break;
    }
  }
  return [...days].sort((a, b) => a - b);
}

function dayNumber(word: string): number {
  const i = WEEKDAYS.findIndex((w) => w === word || w.slice(0, 3) === word);
  return i + 1;
}

/** Writes a rule back the way it is typed: `07:00-19:00`, `mon-fri`. */
export function formatQuietHours(rule: Pick<QuietRule, 'from' | 'to'>): string {
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return `${hhmm(rule.from)}-${hhmm(rule.to)}`;
}

export function formatWorkdays(days: readonly number[]): string {
  const names = (d: number) => (WEEKDAYS[d - 1] as string).slice(0, 3);
  const runs: string[] = [];
  for (let i = 0; i < days.length; i++) {
    let j = i;
    while (j + 1 < days.length && (days[j + 1] as number) === (days[j] as number) + 1) j++;
    runs.push(
      j > i + 1
        ? `${names(days[i] as number)}-${names(days[j] as number)}`
        : days
            .slice(i, j + 1)
            .map(names)
            .join(','),
    );
    i = j;
  }
  return runs.join(',');
}

/** The workspace's rule: its coordinators' settings over the install's defaults. */
export function quietRuleOf(store: Store, workspaceId: number, policy: QuietPolicy): QuietRule | null {
  const row = prepared(store.db, 'SELECT quiet_hours, workdays FROM workspaces WHERE id = ?').get(workspaceId) as
    | { quiet_hours: string | null; workdays: string | null }
    | undefined;
  if (!policy.rule && !row?.quiet_hours && !row?.workdays) return null;
  const base = policy.rule ?? { from: 0, to: 24 * 60, days: [1, 2, 3, 4, 5, 6, 7] };
  return {
    ...(row?.quiet_hours ? parseQuietHours(row.quiet_hours) : { from: base.from, to: base.to }),
    days: row?.workdays ? parseWorkdays(row.workdays) : base.days,
  };
}

/** The first instant at or after `at` at which `rule` lets a message reach someone in `tz`. */
export function nextAllowed(at: number, tz: string, rule: QuietRule | null): number {
  if (!rule || rule.days.length === 0) return at;
  let day = DateTime.fromMillis(at, { zone: tz });
  for (let n = 0; n < 8; n++) {
    const start = day.startOf('day');
    if (rule.days.includes(start.weekday)) {
      // Wall-clock times, not minutes after midnight: on a daylight-saving day those differ by an hour.
      const opens = atMinute(start, rule.from);
      const closes = atMinute(start, rule.to);
      const t = n === 0 ? DateTime.fromMillis(at, { zone: tz }) : start;
      if (t < opens) return opens.toMillis();
      if (t < closes) return t.toMillis();
    }
    day = start.plus({ days: 1 });
  }
  return at;
}

function atMinute(day: DateTime, minutes: number): DateTime {
  if (minutes >= 24 * 60) return day.plus({ days: 1 }).startOf('day');
  return day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 });
}

/** When a message for `user` may go out, at or after `at`. */
export function deliverableAt(user: User, at: number, rule: QuietRule | null, policy: QuietPolicy): number {
  return nextAllowed(at, user.tz ?? policy.defaultTz, rule);
}
