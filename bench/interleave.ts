/**
 * How `bench:slack` and `bench:teams` put the bot beside its floor. These machines are shared, and their speed
 * changes from one second to the next: within one run, four rounds of 2,000 requests per app saw the same app
 * answer 1,200 requests a second in one round and 2,500 in the next. A ratio of two such rounds measured the
 * machine as much as the apps. So each app is measured in many short slices, alternating (floor, bot, bot,
 * floor, …: each follows the other as often), and its figures are pooled over its slices: the p50 and p99 of all
 * its requests, and its requests per second over the sum of its slices' time. A slow moment then falls on both.
 */

/** What one stretch of requests to one app gave: each request's time to its response, and the stretch's wall time. */
export interface Stretch {
  times: number[];
  wallMs: number;
}

export interface Figures {
  p50: number;
  p99: number;
  rps: number;
}

/** Slices per app; BENCH_SLICES and BENCH_REQUESTS shorten a run while iterating, the README's figures use the defaults. */
export const SLICES = Number(process.env.BENCH_SLICES ?? 16);
/** Requests per slice. */
export const SLICE = Number(process.env.BENCH_REQUESTS ?? 500);

/**
 * Runs `SLICES` slices of each app, alternating, and pools each app's. `ours` must count in its stretch whatever
 * the bot leaves to do after its last answer (work after the ack, the search's waiting documents), so that none of
 * it falls into the floor's slice that follows. Every four slices a line of figures goes to `report`.
 */
export async function sideBySide(
  apps: { floor: () => Promise<Stretch>; ours: () => Promise<Stretch> },
  report: (line: { from: number; to: number; ours: Figures; floor: Figures }) => void,
): Promise<{ ours: Figures; floor: Figures }> {
  const ours: Stretch[] = [];
  const floor: Stretch[] = [];
  for (let i = 0; i < SLICES; i++) {
    const pair = [async () => floor.push(await apps.floor()), async () => ours.push(await apps.ours())];
    if (i % 2 === 1) pair.reverse();
    for (const run of pair) await run();
    if ((i + 1) % 4 === 0 || i === SLICES - 1) {
      const from = Math.floor(i / 4) * 4;
      report({ from: from + 1, to: i + 1, ours: pooled(ours.slice(from)), floor: pooled(floor.slice(from)) });
    }
  }
  return { ours: pooled(ours), floor: pooled(floor) };
}

/** The figures of stretches taken together. */
export function pooled(stretches: readonly Stretch[]): Figures {
  const times = stretches.flatMap((s) => s.times).sort((a, b) => a - b);
  const wallMs = stretches.reduce((sum, s) => sum + s.wallMs, 0);
  return { p50: quantile(times, 0.5), p99: quantile(times, 0.99), rps: (times.length / wallMs) * 1000 };
}

/** The value below which a share `q` of the sorted times fall (the nearest rank). */
export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

/** Times a stretch of requests: `run` resolves with each request's time once the last has been answered. */
export async function timed(run: () => Promise<number[]>, after?: () => Promise<void> | void): Promise<Stretch> {
  const started = performance.now();
  const times = await run();
  await after?.();
  return { times, wallMs: performance.now() - started };
}
