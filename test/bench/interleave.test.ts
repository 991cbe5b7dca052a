import { describe, expect, it } from 'vitest';
import { pooled, quantile, SLICES, type Stretch, sideBySide } from '../../bench/interleave.js';

describe('the benchmarks side by side', () => {
  it('alternates the apps so that each follows the other as often, and pools each one’s slices', async () => {
    const order: string[] = [];
    const slice = (app: string, ms: number) => async (): Promise<Stretch> => {
      order.push(app);
      return { times: [ms, ms * 2], wallMs: 10 };
    };
    const lines: { from: number; to: number }[] = [];
    const { ours, floor } = await sideBySide({ floor: slice('floor', 1), ours: slice('bot', 3) }, ({ from, to }) =>
      lines.push({ from, to }),
    );

    expect(order).toHaveLength(2 * SLICES);
    expect(order.slice(0, 6)).toEqual(['floor', 'bot', 'bot', 'floor', 'floor', 'bot']);
    const follows = (a: string) => order.filter((app, i) => i > 0 && app === a && order[i - 1] !== a).length;
    expect(Math.abs(follows('bot') - follows('floor'))).toBeLessThanOrEqual(1);
    // Two requests of 3 and 6 ms per slice, 10 ms a slice: 200 requests a second, whatever the number of slices.
    expect(ours).toEqual({ p50: 3, p99: 6, rps: 200 });
    expect(floor).toEqual({ p50: 1, p99: 2, rps: 200 });
    expect(lines[0]).toEqual({ from: 1, to: 4 });
    expect(lines.at(-1)?.to).toBe(SLICES);
  });

  it('pools requests per second over the slices’ summed time, not as a mean of each slice’s rate', () => {
    // A fast slice (100 in 100 ms) and a slow one (100 in 900 ms): 200 requests in a second.
    const fast = { times: Array.from({ length: 100 }, () => 1), wallMs: 100 };
    const slow = { times: Array.from({ length: 100 }, () => 9), wallMs: 900 };
    expect(pooled([fast, slow]).rps).toBe(200);
    expect(pooled([fast, slow]).p50).toBe(1);
    expect(pooled([fast, slow]).p99).toBe(9);
  });

  it('takes quantiles by nearest rank', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantile(sorted, 0.5)).toBe(50);
    expect(quantile(sorted, 0.99)).toBe(99);
    expect(quantile([7], 0.99)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });
});
