import { createRequire } from 'node:module';

// The library ships CommonJS with no types: one function from weighted edges to each vertex's mate.
const require = createRequire(import.meta.url);
const blossom = require('edmonds-blossom-fixed') as (edges: [number, number, number][], maxCardinality: boolean) => number[];

/** An undirected edge between two vertices (0 … n-1) with a positive integer weight. */
export type Edge = readonly [number, number, number];

/**
 * A maximum-weight matching among the matchings of maximum cardinality (Edmonds' blossom algorithm, from
 * `edmonds-blossom-fixed`): each vertex's mate, or -1. The property test checks it against brute force.
 */
export function maxWeightMatching(n: number, edges: readonly Edge[]): number[] {
  const mate = new Array<number>(n).fill(-1);
  if (edges.length === 0) return mate;
  const found = blossom(
    edges.map(([a, b, w]) => [a, b, w]),
    true,
  );
  for (let v = 0; v < n; v++) mate[v] = found[v] ?? -1;
  return mate;
}
