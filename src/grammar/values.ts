import { DateTime, IANAZone } from 'luxon';
import { UserError } from '../errors.js';
import { isLocale, type Locale } from '../i18n/locales.js';

const ARABIC_INDIC = 0x0660;
const EASTERN_ARABIC_INDIC = 0x06f0;

/** Turns Arabic-Indic (٠-٩) and Eastern Arabic-Indic (۰-۹) digits into ASCII digits. */
export function normalizeDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const code = d.charCodeAt(0);
    const base = code >= EASTERN_ARABIC_INDIC ? EASTERN_ARABIC_INDIC : ARABIC_INDIC;
    return String(code - base);
  });
}

/** How far from today a date may lie, in years: a school plans a few years ahead and looks back a little. */
const YEARS_BACK = 2;
const YEARS_AHEAD = 5;

/**
 * A calendar date written `YYYY-MM-DD`, kept as that string. With `now`, it must lie within a few years of
 * today, so a typo such as `0050-06-01` or `9999-12-31` is refused rather than stored.
 */
export function parseDate(raw: string, now: number | null = null): string {
  const s = normalizeDigits(raw);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m || !DateTime.fromISO(s, { zone: 'UTC' }).isValid) throw new UserError('error.badDate', { value: raw });
  if (now !== null) {
    const today = DateTime.fromMillis(now, { zone: 'UTC' });
    const from = today.minus({ years: YEARS_BACK }).toISODate() as string;
    const to = today.plus({ years: YEARS_AHEAD }).toISODate() as string;
    if (s < from || s > to) throw new UserError('error.dateOutOfRange', { value: raw, from, to });
  }
  return s;
}

export interface LocalTime {
  hour: number;
  minute: number;
}

/** A time of day written `HH:MM` on a 24-hour clock. */
export function parseTime(raw: string): LocalTime {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(normalizeDigits(raw));
  const hour = m ? Number(m[1]) : Number.NaN;
  const minute = m ? Number(m[2]) : Number.NaN;
  if (!(hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59)) throw new UserError('error.badTime', { value: raw });
  return { hour, minute };
}

export function formatTime(t: LocalTime): string {
  return `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}

const DURATION_UNITS = { m: 1, h: 60, d: 1440 } as const;
const MAX_DURATION_MINUTES = 366 * 1440;

/** How a duration may be written where it is read. */
export interface DurationRules {
  /** The longest accepted, in minutes (default: a year and a day). */
  max?: number;
  /** The unit of a bare number (`duration 45`); without it a unit is required. */
  bare?: keyof typeof DURATION_UNITS;
}

/**
 * A duration written `45m`, `2h` or `3d` (ASCII or Arabic-Indic digits), in whole minutes above zero. The one
 * place durations are read: meeting lengths, reminder leads and the console's clock all come here.
 */
export function durationMinutes(raw: string, rules: DurationRules = {}): number | null {
  const m = /^(\d{1,7})(m|h|d)?$/i.exec(normalizeDigits(raw.trim()));
  const unit = (m?.[2]?.toLowerCase() ?? rules.bare) as keyof typeof DURATION_UNITS | undefined;
  if (!m || !unit) return null;
  const minutes = Number(m[1]) * DURATION_UNITS[unit];
  return minutes > 0 && minutes <= (rules.max ?? MAX_DURATION_MINUTES) ? minutes : null;
}

/** A duration as `durationMinutes` reads it, or the refusal that says how to write one. */
export function parseDuration(raw: string, rules: DurationRules = {}): number {
  const minutes = durationMinutes(raw, rules);
  if (minutes === null) throw new UserError('error.badDuration', { value: raw });
  return minutes;
}

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A weekday, `mon` … `sun` or the full English name; ISO numbering (Monday is 1). */
export function parseWeekday(raw: string): Weekday {
  const s = raw.toLowerCase();
  const i = WEEKDAYS.findIndex((d) => d === s || (s.length === 3 && d.startsWith(s)));
  if (i < 0) throw new UserError('error.badWeekday', { value: raw });
  return (i + 1) as Weekday;
}

export function weekdayName(d: Weekday): string {
  return (WEEKDAYS[d - 1] as string).slice(0, 3);
}

/** A stable item number written `#12`. */
export function parseRef(raw: string): number {
  const m = /^#(\d{1,9})$/.exec(normalizeDigits(raw));
  // Numbers start at 1: #0 is no item, and saying so beats "something is missing".
  if (!m || Number(m[1]) === 0) throw new UserError('error.badRef', { value: raw });
  return Number(m[1]);
}

export function isRef(raw: string): boolean {
  return /^#\d{1,9}$/.test(normalizeDigits(raw));
}

/** A person, as adapters hand mentions to the core: `<@id>` or `<@id|name>`. */
export interface MentionRef {
  externalId: string;
  name: string | null;
}

export function parseMention(raw: string): MentionRef {
  const m = /^<@([^|<>\s]{1,200})(?:\|([^<>]{0,200}))?>$/.exec(raw);
  if (!m) throw new UserError('error.badMention', { value: raw });
  return { externalId: m[1] as string, name: m[2] ? m[2] : null };
}

export function isMention(raw: string): boolean {
  return raw.startsWith('<@');
}

/** One of a fixed set of words. */
export function parseChoice<T extends string>(raw: string, choices: readonly T[]): T {
  const s = raw.toLowerCase();
  if (!(choices as readonly string[]).includes(s)) {
    throw new UserError('error.badChoice', { value: raw, choices: choices.join(', ') });
  }
  return s as T;
}

export function parseLocale(raw: string): Locale {
  const s = raw.toLowerCase();
  if (!isLocale(s)) throw new UserError('error.badLocale', { value: raw });
  return s;
}

/** An IANA time zone name, in its canonical spelling. */
export function parseTimeZone(raw: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(raw) || !IANAZone.isValidZone(raw)) {
    throw new UserError('error.badTimeZone', { value: raw });
  }
  // Intl knows the canonical spelling ("europe/berlin" -> "Europe/Berlin").
  return new Intl.DateTimeFormat('en', { timeZone: raw }).resolvedOptions().timeZone;
}

/** A whole number of days written `30d` or `30`. */
export function parseDays(raw: string): number {
  const m = /^(\d{1,4})d?$/i.exec(normalizeDigits(raw));
  if (!m) throw new UserError('error.badNumber', { value: raw });
  return Number(m[1]);
}
