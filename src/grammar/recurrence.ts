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
  // No cache of its own: rrule keeps every window it was asked for and searches them all on each call, so a kept
  // rule grew slower with every day the bot ran. The windows asked for hardly repeat.
  const rule = new RRule({ ...RRule.parseString(line[1] as string), dtstart: local.toJSDate() }, true);
  const out = { tz, rule };
  if (parsed.size > 10_000) parsed.clear();
  parsed.set(text, out);
  return out;
}

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/**
 * The rule with its first start moved up to the last occurrence period that begins before `from` (whole weeks
 * of its interval, or whole months), so that expanding a window costs the window: rrule walks every occurrence
 * from DTSTART, a school year of weeks for a meeting planned in September. Floating time has no daylight
 * saving, so whole weeks keep the weekday and the time; a monthly rule's new start is the first of its month,
 * before any nth weekday. Rules with a COUNT keep their start, which the count is counted from.
 */
function ruleNear(rule: RRuleInstance, from: Date): RRuleInstance {
  const { dtstart, freq, interval, count } = rule.options;
  if (count !== null || from.getTime() <= dtstart.getTime()) return rule;
  let start: Date;
  if (freq === RRule.WEEKLY) {
    const period = WEEK_MS * interval;
    const periods = Math.floor((from.getTime() - dtstart.getTime()) / period);
    if (periods < 1) return rule;
    start = new Date(dtstart.getTime() + periods * period);
  } else if (freq === RRule.MONTHLY && (rule.origOptions.byweekday != null || rule.origOptions.bymonthday != null)) {
    // (Without them, rrule takes the day of the month from DTSTART, which a new start would change.)
    const months = (from.getUTCFullYear() - dtstart.getUTCFullYear()) * 12 + from.getUTCMonth() - dtstart.getUTCMonth();
    const periods = Math.floor(months / interval) * interval;
    if (periods < 1) return rule;
    start = new Date(
      Date.UTC(dtstart.getUTCFullYear(), dtstart.getUTCMonth() + periods, 1, dtstart.getUTCHours(), dtstart.getUTCMinutes()),
    );
  } else {
    return rule;
  }
  return new RRule({ ...rule.origOptions, dtstart: start }, true);
}

/** Rules are expanded in fixed stretches of floating time, each once: the same few serve every window asked for. */
const STRETCH_MS = 8 * WEEK_MS;
const stretches = new Map<string, readonly Occurrence[]>();

/** The occurrences of a rule in one stretch of floating time, with the instants Luxon places them at in the zone. */
function stretch(text: string, { tz, rule }: ParsedRule, index: number): readonly Occurrence[] {
  const key = `${text}|${index}`;
  let hit = stretches.get(key);
  if (!hit) {
    const from = new Date(index * STRETCH_MS);
    const to = new Date((index + 1) * STRETCH_MS - 1);
    hit = ruleNear(rule, from)
      .between(from, to, true)
      .map((d) => ({ date: d.toISOString().slice(0, 10), startsAt: fromFloating(d, tz).toMillis() }));
    if (stretches.size > 20_000) stretches.clear();
    stretches.set(key, hit);
  }
  return hit;
}

/** The occurrences of a stored rule whose start lies in [fromMs, toMs), in order. */
export function occurrencesBetween(text: string, fromMs: number, toMs: number): Occurrence[] {
  const parsed = parseRule(text);
  // The floating window is wider than the instants by two days on each side, more than any zone's offset from UTC.
  const first = Math.floor((fromMs - 2 * DAY_MS) / STRETCH_MS);
  const last = Math.floor((toMs + 2 * DAY_MS) / STRETCH_MS);
  const out: Occurrence[] = [];
  for (let index = first; index <= last; index++) {
    for (const o of stretch(text, parsed, index)) {
      if (o.startsAt >= fromMs && o.startsAt < toMs) out.push({ date: o.date, startsAt: o.startsAt });
    }
  }
  return out;
}

/** The local start instant of a date and time in a zone (a moved meeting). */
export function localInstant(date: string, time: { hour: number; minute: number }, tz: string): number {
  return DateTime.fromISO(date, { zone: tz }).set({ hour: time.hour, minute: time.minute, second: 0, millisecond: 0 }).toMillis();
}
