/**
 * The local date of an instant in a zone, YYYY-MM-DD: what meetings, streaks, holidays and terms compare.
 *
 * It is asked for on nearly every command (a `reflect` dates the author's reflections for the streak, a `next`
 * each planned meeting), and Luxon's DateTime cost several times as much per date. So there is one formatter per
 * zone, kept, and the dates it gave are kept by zone and minute: every zone's offset has been a whole number of
 * minutes since 1972, so a local day starts on a whole minute and every instant of a minute has the same date.
 * Instants before 1972, when offsets still had seconds, are formatted each time.
 */
export function localDate(ms: number, tz: string): string {
  const zone = zoneOf(tz);
  if (ms < WHOLE_MINUTE_OFFSETS_SINCE) return formatted(zone.format, ms);
  const minute = Math.floor(ms / 60_000);
  const known = zone.days.get(minute);
  if (known !== undefined) return known;
  const day = formatted(zone.format, ms);
  // Bounded: a school's year of dates fits many times over; past that, the dates are simply formatted again.
  if (zone.days.size >= MAX_KEPT_DAYS) zone.days.clear();
  zone.days.set(minute, day);
  return day;
}

/** Whether Intl (and so Luxon) knows the zone: what a platform says of a person is checked with it before it is kept. */
export function isKnownZone(tz: string): boolean {
  if (zones.has(tz)) return true;
  try {
    zoneOf(tz);
    return true;
  } catch {
    return false;
  }
}

/** 1972-01-01T00:00Z. */
const WHOLE_MINUTE_OFFSETS_SINCE = 63_072_000_000;
const MAX_KEPT_DAYS = 50_000;

interface Zone {
  format: Intl.DateTimeFormat;
  days: Map<number, string>;
}

/** Formatters and the dates they gave, by zone: instants and dates, no one's data, and zones are few. */
const zones = new Map<string, Zone>();

function zoneOf(tz: string): Zone {
  let zone = zones.get(tz);
  if (!zone) {
    // en-US with a Gregorian calendar and Latin digits, whatever the machine's locale; an unknown zone throws here.
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      calendar: 'gregory',
      numberingSystem: 'latn',
      era: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    zone = { format, days: new Map() };
    zones.set(tz, zone);
  }
  return zone;
}

function formatted(format: Intl.DateTimeFormat, ms: number): string {
  let year = '';
  let month = '';
  let day = '';
  let bc = false;
  for (const p of format.formatToParts(ms)) {
    if (p.type === 'year') year = p.value;
    else if (p.type === 'month') month = p.value;
    else if (p.type === 'day') day = p.value;
    else if (p.type === 'era') bc = p.value === 'BC';
  }
  // ISO 8601 as Luxon writes it: year 0 for 1 BC, four digits, and a sign and six digits outside 0 to 9999.
  const y = bc ? 1 - Number(year) : Number(year);
  const iso = y < 0 || y > 9999 ? `${y < 0 ? '-' : '+'}${String(Math.abs(y)).padStart(6, '0')}` : String(y).padStart(4, '0');
  return `${iso}-${month}-${day}`;
}
