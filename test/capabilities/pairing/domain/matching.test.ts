import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Edge, maxWeightMatching } from '../../../../src/capabilities/pairing/domain/matching.js';

/** Every matching of a graph, by brute force: the best cardinality, and the best weight among those. */
function bruteForce(n: number, edges: readonly Edge[]): { size: number; weight: number } {
  const w = new Map(edges.map(([a, b, x]) => [`${Math.min(a, b)}:${Math.max(a, b)}`, x]));
  let best = { size: 0, weight: 0 };
  const used = new Array<boolean>(n).fill(false);
  const walk = (from: number, size: number, weight: number) => {
    if (size > best.size || (size === best.size && weight > best.weight)) best = { size, weight };
    let v = from;
    while (v < n && used[v]) v++;
    if (v >= n) return;
    used[v] = true;
    walk(v + 1, size, weight); // v stays single
    for (let u = v + 1; u < n; u++) {
      const x = w.get(`${v}:${u}`);
      if (used[u] || x === undefined) continue;
      used[u] = true;
      walk(v + 1, size + 1, weight + x);
      used[u] = false;
    }
    used[v] = false;
  };
  walk(0, 0, 0);
  return best;
}

const graph = fc.integer({ min: 1, max: 10 }).chain((n) =>
  fc
    .array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 1, max: 1_000_000 })), {
      maxLength: (n * (n - 1)) / 2,
    })
    .map((raw) => {
      const seen = new Set<string>();
      const edges: Edge[] = [];
      for (const [a, b, x] of raw) {
        const key = `${Math.min(a, b)}:${Math.max(a, b)}`;
        if (a === b || seen.has(key)) continue;
        seen.add(key);
        edges.push([a, b, x]);
      }
      return { n, edges };
    }),
);

describe('the matching library', () => {
  it('finds a matching of maximum cardinality and, among those, maximum weight, as brute force does for every n ≤ 10', () => {
    fc.assert(
      fc.property(graph, ({ n, edges }) => {
        const mate = maxWeightMatching(n, edges);
        const weights = new Map(edges.map(([a, b, x]) => [`${Math.min(a, b)}:${Math.max(a, b)}`, x]));
        let size = 0;
        let weight = 0;
        for (let v = 0; v < n; v++) {
          const m = mate[v] as number;
          if (m === -1) continue;
          expect(mate[m]).toBe(v);
          const x = weights.get(`${Math.min(v, m)}:${Math.max(v, m)}`);
          expect(x).toBeDefined();
          if (v < m) {
            size++;
            weight += x as number;
          }
        }
        expect({ size, weight }).toEqual(bruteForce(n, edges));
      }),
      { seed: 12, numRuns: 400 },
    );
  });

  it('covers every n from 1 to 10 on complete graphs with tied weights', () => {
    for (let n = 1; n <= 10; n++) {
      const edges: Edge[] = [];
      for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) edges.push([a, b, 1 + ((a * 7 + b * 3) % 4)]);
      const mate = maxWeightMatching(n, edges);
      const got = mate.reduce((s, m, v) => (m > v ? s + (edges.find(([a, b]) => a === v && b === m)?.[2] ?? 0) : s), 0);
      expect(got).toBe(bruteForce(n, edges).weight);
      expect(mate.filter((m) => m === -1).length).toBe(n % 2);
    }
  });
});
