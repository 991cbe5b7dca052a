import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PairHistory, pairsOf, repeatsIn } from '../../../../src/capabilities/pairing/domain/history.js';
import { type PlanInput, planRound, type Rotation, type RoundPlan } from '../../../../src/capabilities/pairing/domain/plan.js';
import { seeded, shuffled } from '../../../../src/capabilities/pairing/domain/random.js';
import { trioRepeaters } from '../../../../src/capabilities/pairing/domain/trios.js';

// The trio rule of issue 12: "Nobody is in the trio twice in a row while someone else can be." Avoid lists and
// everyone being placed come first; the rule yields only when every allowed round that places as many people
// has someone from the last trio in a trio.

const people = (n: number, from = 1) => Array.from({ length: n }, (_, i) => i + from);
const avoidsFrom = (pairs: readonly (readonly [number, number])[]) => {
  const set = new Set(pairs.map(([a, b]) => `${Math.min(a, b)}:${Math.max(a, b)}`));
  return (a: number, b: number) => set.has(`${Math.min(a, b)}:${Math.max(a, b)}`);
};

/**
 * By brute force (a dynamic programme over subsets, independent of the planner): the most people any round of
 * pairs and trios can place without an avoided pair, and the most a round can place whose trios hold nobody
 * from the last trio. The rule can be kept exactly when the two are equal.
 */
function exact(who: readonly number[], avoids: PlanInput['avoids'], lastTrio: ReadonlySet<number>): { most: number; keepingRule: number } {
  const n = who.length;
  const ok = (i: number, j: number) => !avoids(who[i] as number, who[j] as number);
  const solve = (keep: boolean) => {
    const memo = new Int8Array(1 << n).fill(-1);
    const best = (mask: number): number => {
      if (mask === 0) return 0;
      if ((memo[mask] as number) >= 0) return memo[mask] as number;
      const i = 31 - Math.clz32(mask & -mask);
      const rest = mask & ~(1 << i);
      let most = best(rest); // i left out
      for (let j = i + 1; j < n; j++) {
        if (!(rest & (1 << j)) || !ok(i, j)) continue;
        most = Math.max(most, 2 + best(rest & ~(1 << j)));
        for (let k = j + 1; k < n; k++) {
          if (!(rest & (1 << k)) || !ok(i, k) || !ok(j, k)) continue;
          if (keep && [i, j, k].some((x) => lastTrio.has(who[x] as number))) continue;
          most = Math.max(most, 3 + best(rest & ~(1 << j) & ~(1 << k)));
        }
      }
      memo[mask] = most;
      return most;
    };
    return best((1 << n) - 1);
  };
  return { most: solve(false), keepingRule: solve(true) };
}

/**
 * Shuffle and retry up to 100 times while a pair repeats, keep the best: the baseline of bench:pairing, held
 * here to the same trio rule (a shuffle whose trio shares someone with the last one counts as worse than any
 * that keeps it), since the rule itself costs repeats the plain baseline need not pay (seven people: 11, not 9).
 */
function baseline(rounds: readonly number[][], seed: number, keepRule = true): number {
  const random = seeded(seed);
  const history = new PairHistory();
  let lastTrio = new Set<number>();
  let repeats = 0;
  rounds.forEach((who, at) => {
    let best: number[][] = [];
    let fewest = Number.POSITIVE_INFINITY;
    for (let attempt = 0; attempt < 100 && fewest > 0; attempt++) {
      const order = shuffled(who, random);
      const groups: number[][] = [];
      for (let i = 0; i + 1 < order.length; i += 2) groups.push([order[i] as number, order[i + 1] as number]);
      if (order.length % 2 && groups.length) (groups[groups.length - 1] as number[]).push(order[order.length - 1] as number);
      const cost = repeatsIn(groups, history) + (keepRule && trioRepeaters(groups, lastTrio) > 0 ? 1_000 : 0);
      if (cost < fewest) [best, fewest] = [groups, cost];
    }
    repeats += repeatsIn(best, history);
    for (const g of best) history.record(g, at + 1, at + 1);
    lastTrio = new Set(best.filter((g) => g.length === 3).flat());
  });
  return repeats;
}

interface Played {
  plans: RoundPlan[];
  lastTrios: Set<number>[];
  repeats: number;
}

/** Plans the rounds in a row as the capability does: history, last trio and rotation carried from each to the next. */
function play(rounds: readonly number[][], avoids: PlanInput['avoids'], seed: number): Played {
  const history = new PairHistory();
  let rotation: Rotation | null = null;
  let lastTrio = new Set<number>();
  const out: Played = { plans: [], lastTrios: [], repeats: 0 };
  rounds.forEach((who, at) => {
    const seq = at + 1;
    const plan = planRound({ people: who, avoids, history, seq, lastTrio, rotation, seed: seed * 1000 + seq });
    out.plans.push(plan);
    out.lastTrios.push(lastTrio);
    out.repeats += repeatsIn(plan.groups, history);
    for (const g of plan.groups) history.record(g, seq, seq);
    lastTrio = new Set(plan.groups.filter((g) => g.length === 3).flat());
    rotation = plan.rotation;
  });
  return out;
}

/** What every round must be: everyone once, no avoided pair, groups of two or three. */
function expectSound(plan: RoundPlan, who: readonly number[], avoids: PlanInput['avoids']): void {
  expect([...plan.groups.flat(), ...plan.leftOut].sort((a, b) => a - b)).toEqual([...who].sort((a, b) => a - b));
  for (const g of plan.groups) expect([2, 3]).toContain(g.length);
  for (const [a, b] of plan.groups.flatMap((g) => pairsOf(g))) expect(avoids(a, b)).toBe(false);
}

/** The fewest repeats n − 1 rounds of a stable odd community can have while keeping the trio rule (see below for 7). */
const fewestKeepingRule = (n: number) => (n === 7 ? 11 : (3 * (n - 1)) / 2);

const ODD = people(15).map((i) => 2 * i + 1); // 3, 5, …, 31
/** Up to this many people a round is checked against `exact`; beyond, avoid lists stay few (see below). */
const EXACT_MAX = 11;

describe('the trio rule, over n − 1 rounds for every odd n from 3 to 31', () => {
  it.each(ODD)('%i people who stay: nobody in two trios in a row unless every trio must, and the fewest repeats the rule allows', (n) => {
    const rounds = Array.from({ length: n - 1 }, () => people(n));
    for (const seed of n <= 9 ? [1, 2] : [1]) {
      const t = play(rounds, () => false, seed);
      t.plans.forEach((plan, at) => {
        expectSound(plan, people(n), () => false);
        expect(plan.leftOut).toEqual([]);
        const last = t.lastTrios[at] as Set<number>;
        const broken = trioRepeaters(plan.groups, last) > 0;
        // Three or five people: any two trios share someone, so the rule yields; from seven on it never does.
        if (broken) expect(n).toBeLessThanOrEqual(5);
        if (n <= EXACT_MAX && broken) expect(exact(people(n), () => false, last).keepingRule).toBeLessThan(n);
      });
      expect(t.repeats).toBe(fewestKeepingRule(n));
      expect(t.repeats).toBeLessThanOrEqual(baseline(rounds, seed));
      // Above the plain baseline (which breaks the rule) only for seven, where the rule itself costs two.
      if (n !== 7) expect(t.repeats).toBeLessThanOrEqual(baseline(rounds, seed, false));
    }
  });

  it.each(ODD)('%i people with avoid lists, joins, leaves and pauses: the rule yields only when it must', (n) => {
    const pool = people(n + 2);
    // Rounds of more than EXACT_MAX people (eleven who stay and some who join) get at most three avoided pairs.
    const few = n >= 11;
    const scenario = fc.record({
      avoid: fc.array(fc.tuple(fc.constantFrom(...pool), fc.constantFrom(...pool)), { maxLength: few ? 3 : n }),
      changes: fc.array(fc.constantFrom('same', 'same', 'same', 'leave', 'join', 'pause'), { minLength: n - 1, maxLength: n - 1 }),
      seed: fc.integer({ min: 1, max: 1_000_000 }),
    });
    fc.assert(
      fc.property(scenario, ({ avoid, changes, seed }) => {
        const avoids = avoidsFrom(avoid.filter(([a, b]) => a !== b));
        // Who is in each round: the members, less whoever left or is paused that round, plus whoever joined.
        let members = people(n);
        const random = seeded(seed);
        const rounds = changes.map((change) => {
          const pick = (from: number[]) => from[Math.floor(random() * from.length)] as number;
          if (change === 'leave' && members.length > 2) members = members.filter((p) => p !== pick(members));
          if (change === 'join') {
            const outside = pool.filter((p) => !members.includes(p));
            if (outside.length) members = [...members, pick(outside)];
          }
          return change === 'pause' ? members.filter((p) => p !== pick(members)) : [...members];
        });
        const t = play(rounds, avoids, seed);
        t.plans.forEach((plan, at) => {
          const who = rounds[at] as number[];
          expectSound(plan, who, avoids);
          const last = t.lastTrios[at] as Set<number>;
          const broken = trioRepeaters(plan.groups, last) > 0;
          if (who.length <= EXACT_MAX) {
            const best = exact(who, avoids, last);
            // Everyone placed that can be, and the rule broken only when no round placing as many keeps it.
            expect(who.length - plan.leftOut.length).toBe(best.most);
            if (broken) expect(best.keepingRule).toBeLessThan(best.most);
          } else {
            // At least 12 people and at most three avoided pairs: three people outside the last trio and every
            // avoided pair (at most 3 + 6 excluded) make an allowed trio, and the other 9 or more, each lacking at
            // most three partners (fewer than half of them), have a pairing (Dirac). So everyone can be placed and
            // the rule kept.
            expect(plan.leftOut).toEqual([]);
            expect(broken).toBe(false);
          }
        });
        // Repeats against the baseline are checked for stable terms above, not here: with people coming and going
        // neither the planner nor shuffle-and-retry is best in every run (both choose round by round).
      }),
      { numRuns: n <= 9 ? 4 : n <= 15 ? 2 : 1, seed: 12 + n },
    );
  });
});

describe('when the trio rule yields', () => {
  it('yields for three and five people, where every trio shares someone with the last one', () => {
    for (const n of [3, 5]) {
      const t = play(
        Array.from({ length: n - 1 }, () => people(n)),
        () => false,
        3,
      );
      for (const [at, plan] of t.plans.entries()) {
        const last = t.lastTrios[at] as Set<number>;
        if (last.size === 0) continue;
        expect(trioRepeaters(plan.groups, last)).toBeGreaterThan(0);
        expect(exact(people(n), () => false, last).keepingRule).toBeLessThan(n);
      }
      expect(t.repeats).toBe((3 * (n - 1)) / 2);
    }
  });

  it('yields to the avoid lists: seven people, and the four outside the last trio hold no allowed trio', () => {
    const avoids = avoidsFrom([
      [4, 5],
      [6, 7],
    ]);
    const last = new Set([1, 2, 3]);
    expect(exact(people(7), avoids, last)).toEqual({ most: 7, keepingRule: 6 });
    for (const seed of [1, 2, 3, 4, 5]) {
      const plan = planRound({ people: people(7), avoids, history: new PairHistory(), seq: 2, lastTrio: last, rotation: null, seed });
      expectSound(plan, people(7), avoids);
      expect(plan.leftOut).toEqual([]);
      expect(trioRepeaters(plan.groups, last)).toBeGreaterThan(0);
    }
  });

  it('yields to placing everyone: the only trio without the last trio’s people would leave someone out', () => {
    // 7 accepts only 4 as a partner; {4, 5, 6} is the only allowed trio without 1, 2 or 3, and it strands 7.
    const avoids = avoidsFrom([1, 2, 3, 5, 6].map((p) => [7, p] as [number, number]));
    const last = new Set([1, 2, 3]);
    expect(exact(people(7), avoids, last)).toEqual({ most: 7, keepingRule: 6 });
    for (const seed of [1, 2, 3, 4, 5]) {
      const plan = planRound({ people: people(7), avoids, history: new PairHistory(), seq: 2, lastTrio: last, rotation: null, seed });
      expectSound(plan, people(7), avoids);
      expect(plan.leftOut).toEqual([]);
      expect(plan.groups).toContainEqual(expect.arrayContaining([4, 7]));
      expect(trioRepeaters(plan.groups, last)).toBeGreaterThan(0);
    }
  });

  it('holds even where it costs repeats: a matched round keeps the last trio out although a trio of them met least', () => {
    // 1, 2 and 3 never met; everyone else met everyone. The trio of fewest meetings is theirs, but they were the last trio.
    const history = new PairHistory();
    for (const [a, b] of pairsOf(people(9))) if (!(a <= 3 && b <= 3)) history.record([a, b], 1, 1);
    const last = new Set([1, 2, 3]);
    for (const seed of [1, 2, 3]) {
      const plan = planRound({ people: people(9), avoids: () => false, history, seq: 2, lastTrio: last, rotation: null, seed });
      expectSound(plan, people(9), () => false);
      expect(trioRepeaters(plan.groups, last)).toBe(0);
    }
  });
});

describe('seven people', () => {
  it('cannot keep the rule with fewer than 11 repeats in six rounds: an exhaustive search, so the planner’s 11 is the fewest', () => {
    // Every round (a trio and two pairs) of seven people, and every term of six with consecutive trios disjoint,
    // cut off as soon as its repeats, plus the fewest the rounds left must add, pass `most`. The first round is
    // fixed: with no history every first round is the same up to names.
    const n = 7;
    const key = (a: number, b: number) => (a < b ? a * n + b : b * n + a);
    const rounds: { trio: number[]; pairs: number[] }[] = [];
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++)
        for (let k = j + 1; k < n; k++) {
          const [a, b, c, d] = people(n, 0).filter((p) => p !== i && p !== j && p !== k) as [number, number, number, number];
          for (const split of [
            [a, b, c, d],
            [a, c, b, d],
            [a, d, b, c],
          ] as const)
            rounds.push({
              trio: [i, j, k],
              pairs: [key(i, j), key(i, k), key(j, k), key(split[0], split[1]), key(split[2], split[3])],
            });
        }
    const termWithin = (most: number): boolean => {
      const met = new Map<number, number>();
      const walk = (depth: number, prev: number[], repeats: number, unmet: number): boolean => {
        if (depth === n - 1) return true;
        if (repeats + Math.max(0, 5 * (n - 1 - depth) - unmet) > most) return false;
        for (const round of depth === 0 ? rounds.slice(0, 1) : rounds) {
          if (round.trio.some((p) => prev.includes(p))) continue;
          const fresh = round.pairs.filter((p) => !met.get(p)).length;
          if (repeats + 5 - fresh > most) continue;
          for (const p of round.pairs) met.set(p, (met.get(p) ?? 0) + 1);
          const found = walk(depth + 1, round.trio, repeats + 5 - fresh, unmet - fresh);
          for (const p of round.pairs) met.set(p, (met.get(p) as number) - 1);
          if (found) return true;
        }
        return false;
      };
      return walk(0, [], 0, (n * (n - 1)) / 2);
    };
    expect([9, 10, 11].map(termWithin)).toEqual([false, false, true]);
    const t = play(
      Array.from({ length: 6 }, () => people(7)),
      () => false,
      4,
    );
    expect(t.repeats).toBe(11);
  });
});
