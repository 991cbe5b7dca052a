import { DateTime } from 'luxon';
import rrulePackage from 'rrule';
import type { Cadence } from './cadence.js';

// rrule ships CommonJS to Node; its named exports live on the default export.
const { RRule } = rrulePackage;
type RRuleInstance = InstanceType<typeof RRule>;

/** One occurrence of a rule: the local date it falls on and its start instant (UTC ms). */
export interface Occurrence {
  date: string;
  startsAt: number;
}

const WEEKDAYS = [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU];

/**
 * rrule expands in "floating" time: a Date whose UTC fields are the local wall-clock time. Luxon then
 * places each wall-clock time in the zone, so 15:30 stays 15:30 across daylight-saving changes.
 */
function floating(local: DateTime): Date {
  return new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute));
}

function fromFloating(d: Date, tz: string): DateTime {
  return DateTime.fromObject(
    { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() },
    { zone: tz },
  );
}

function ruleOptions(c: Cadence, interval: number) {
  const day = WEEKDAYS[c.weekday - 1] as (typeof WEEKDAYS)[number];
  if (c.freq === 'monthly') return { freq: RRule.MONTHLY, interval: 1, byweekday: [day.nth(c.ordinal)] };
  return { freq: RRule.WEEKLY, interval, byweekday: [day], wkst: RRule.MO };
}

/**
 * The RFC 5545 text for a cadence in a zone: `DTSTART;TZID=<zone>:<first local start>` and `RRULE:…`.
 * The first start is the first matching day on or after `fromDate` (a local date).
 */
export function ruleFor(c: Cadence, tz: string, fromDate: string): string {
  const from = DateTime.fromISO(fromDate, { zone: tz }).set({ hour: c.time.hour, minute: c.time.minute });
  // Find the first matching day with an interval of one, so "biweekly" starts in the first possible week.
  const probe = new RRule({ ...ruleOptions(c, 1), dtstart: floating(from.startOf('day')) });
  const first = probe.after(floating(from.startOf('day')), true) as Date;
  const start = DateTime.fromJSDate(first, { zone: 'UTC' }).set({ hour: c.time.hour, minute: c.time.minute });
  const rrule = RRule.optionsToString(ruleOptions(c, c.freq === 'biweekly' ? 2 : 1));
  return `DTSTART;TZID=${tz}:${start.toFormat("yyyyMMdd'T'HHmmss")}\n${rrule}`;
}

interface ParsedRule {
  tz: string;
  rule: RRuleInstance;
}

const parsed = new Map<string, ParsedRule>();

/** Reads the stored RFC 5545 text back; cached, because reminders for thousands of communities reuse a few rules. */
export function parseRule(text: string): ParsedRule {
  const hit = parsed.get(text);
  if (hit) return hit;
  const start = /^DTSTART;TZID=([^:\s]+):(\d{8}T\d{6})$/m.exec(text);
  const line = /^RRULE:(.+)$/m.exec(text);
  if (!start || !line) throw new Error(`not a stored recurrence rule: ${text}`);
  const tz = start[1] as string;
  const local = DateTime.fromFormat(start[2] as string, "yyyyMMdd'T'HHmmss", { zone: 'UTC' });
  const rule = new RRule({ ...RRule.parseString(line[1] as string), dtstart: local.toJSDate() });
  const out = { tz, rule };
  if (parsed.size > 10_000) parsed.clear();
  parsed.set(text, out);
  return out;
}

/** The occurrences of a stored rule whose start lies in [fromMs, toMs), in order. */
export function occurrencesBetween(text: string, fromMs: number, toMs: number): Occurrence[] {
  const { tz, rule } = parseRule(text);
  // Widen the floating window by a day on each side: the zone's offset moves wall-clock time against UTC.
  const from = floating(DateTime.fromMillis(fromMs, { zone: tz }).minus({ days: 1 }));
  const to = floating(DateTime.fromMillis(toMs, { zone: tz }).plus({ days: 1 }));
  const out: Occurrence[] = [];
  for (const d of rule.between(from, to, true)) {
    const local = fromFloating(d, tz);
    const startsAt = local.toMillis();
    if (startsAt >= fromMs && startsAt < toMs) out.push({ date: d.toISOString().slice(0, 10), startsAt });
  }
  return out;
}

/** The local start instant of a date and time in a zone (a moved meeting). */
export function localInstant(date: string, time: { hour: number; minute: number }, tz: string): number {
  return DateTime.fromISO(date, { zone: tz }).set({ hour: time.hour, minute: time.minute, second: 0, millisecond: 0 }).toMillis();
}

/** The local date of an instant in a zone, YYYY-MM-DD. */
export function localDate(ms: number, tz: string): string {
  return DateTime.fromMillis(ms, { zone: tz }).toISODate() as string;
}
