/** The eight heights of a sparkline, lowest first. */
const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

/**
 * A small unicode sparkline of a series, oldest first: the lowest value is the shortest bar and the highest the
 * tallest; a period with no figure is a gap (a middle dot). Screen readers get the numbers beside it, never this alone.
 */
export function sparkline(values: readonly (number | null)[]): string {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return '';
  const low = Math.min(...known);
  const high = Math.max(...known);
  return values
    .map((v) => {
      if (v === null) return '·';
      // A flat series sits at mid height, unless it is flat at zero.
      if (high === low) return high === 0 ? BARS[0] : BARS[3];
      return BARS[Math.round(((v - low) / (high - low)) * (BARS.length - 1))];
    })
    .join('');
}

/** A share from 0 to 1, or null when there is nothing to divide by (no meeting expected anyone, no member). */
export function share(part: number | undefined, whole: number | undefined): number | null {
  if (part === undefined || whole === undefined || whole <= 0) return null;
  return Math.min(1, Math.max(0, part / whole));
}

/** A span of time, in milliseconds since the epoch: from inclusive, to exclusive. */
export interface Span {
  from: number;
  to: number;
}

const DAY_MS = 86_400_000;

/** The last `count` periods of `days` days each that end at `now`, oldest first: the last one is the asked period. */
export function periodsBefore(now: number, days: number, count: number): Span[] {
  const length = days * DAY_MS;
  return Array.from({ length: count }, (_, i) => {
    const to = now - (count - 1 - i) * length;
    return { from: to - length, to };
  });
}

/** The smallest community that is shown shares of participation: with fewer, a share would point at a person. */
export const MIN_MEMBERS_FOR_SHARES = 3;
