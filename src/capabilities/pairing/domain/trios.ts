import { rotationLength, rotationRound } from './circle.js';
import { shuffled } from './random.js';

/**
 * The trio rule: nobody is in the trio twice in a row while someone else can be. It is a hard constraint, below
 * only the avoid lists and everyone being placed (maximum cardinality): a round whose trios hold nobody from the
 * last trio beats any round that holds one, whatever their repeats. It yields only when every allowed round that
 * places as many people has a previous-trio member in a trio (three or five people, or avoid lists that leave no
 * other trio), and then the fewest such members win, then the fewest repeats.
 */
export function trioRepeaters(groups: readonly (readonly number[])[], lastTrio: ReadonlySet<number>): number {
  let n = 0;
  for (const g of groups) if (g.length >= 3) for (const p of g) if (lastTrio.has(p)) n++;
  return n;
}

/** One circle round of an odd rotation: its third (the person facing the empty seat), pairs and mates. */
interface OddRound {
  bye: number;
  pairs: [number, number][];
  mate: Map<number, number>;
  /** The bye's partner in the circle's unplayed round: the pair only a trio can meet. */
  spare: number;
}

/** A schedule for an odd rotation: the order of its rounds, whose pair each round's third joins, and its flaws. */
export interface TrioSchedule {
  rounds: number[];
  /** For each entry of `rounds`, the person whose pair the third joins (empty for an even rotation). */
  joins: number[];
  /** How many rounds have a trio sharing someone with the trio before (the first: with `lastTrio`). */
  overlaps: number;
  /** The unplayed round's pairs no trio meets: each is one repeat above the fewest possible. */
  uncovered: number;
}

function oddRounds(order: readonly number[]): OddRound[] {
  const spare = new Map<number, number>();
  for (const [a, b] of rotationRound(order, order.length - 1).pairs) {
    spare.set(a, b);
    spare.set(b, a);
  }
  return Array.from({ length: rotationLength(order.length) }, (_, r) => {
    const { pairs, bye } = rotationRound(order, r);
    const mate = new Map<number, number>();
    for (const [a, b] of pairs) mate.set(a, b).set(b, a);
    return { bye: bye as number, pairs, mate, spare: spare.get(bye as number) as number };
  });
}

/** The trio a round makes when its third joins `join`'s pair. */
export function trioOf(order: readonly number[], round: number, join: number): number[] {
  const { pairs, bye } = rotationRound(order, round);
  const pair = pairs.find((p) => p.includes(join));
  return bye === null || !pair ? [] : [bye, ...pair];
}

/** The person whose pair a round's third joins naturally: their partner in the circle's unplayed round. */
export function spareOf(order: readonly number[], round: number): number | null {
  const { bye } = rotationRound(order, round);
  if (bye === null) return null;
  const pair = rotationRound(order, order.length - 1).pairs.find((p) => p.includes(bye));
  return pair ? (pair[0] === bye ? pair[1] : pair[0]) : null;
}

/**
 * Orders an odd rotation's rounds and chooses whose pair each round's third joins, so that consecutive trios share
 * nobody (the first none with `lastTrio`) and every pair of the circle's unplayed round is met in some trio.
 *
 * Why this reaches the fewest repeats: each played round meets its circle pairs (all new) and its third's two
 * pairs; the only pairs the circle never seats together are the unplayed round's, (n − 1)/2 of them. A third who
 * joins their spare partner's pair meets one of them; whoever of the two comes second may join any pair. So each
 * unplayed pair needs one of its two rounds to be "natural", and the other round is free, which is the room the
 * trio rule needs. A seeded depth-first search finds such a schedule within a step budget; failing that (three or
 * five people, where consecutive trios cannot be disjoint), a greedy pass keeps the fewest overlaps first and the
 * fewest uncovered pairs second. `search: false` goes straight to that pass.
 */
export function scheduleTrios(order: readonly number[], lastTrio: ReadonlySet<number>, random: () => number, search = true): TrioSchedule {
  const length = rotationLength(order.length);
  const all = Array.from({ length }, (_, i) => i);
  if (order.length % 2 === 0 || order.length < 3) return { rounds: all, joins: [], overlaps: 0, uncovered: 0 };
  const rounds = oddRounds(order);
  const roundOf = new Map(rounds.map((r, i) => [r.bye, i]));
  const partnerRound = rounds.map((r) => roundOf.get(r.spare) as number);
  const trio = (r: number, join: number) => [rounds[r]?.bye as number, join, rounds[r]?.mate.get(join) as number];
  const disjoint = (t: readonly number[], prev: ReadonlySet<number>) => !t.some((p) => prev.has(p));
  // Two disjoint trios need six people: three or five go straight to the fewest overlaps.
  if (order.length < 6 || !search) return greedySchedule(order, rounds, partnerRound, lastTrio, random);

  // Depth-first: a round is placed natural (its third joins their spare partner) or free. A free round whose
  // partner round was free too loses its unplayed pair, one repeat above the fewest: the search first allows no
  // loss, then one, two …, so the trio rule comes first and the fewest repeats under it next.
  const path: number[] = [];
  const joins: number[] = [];
  const used = new Array<boolean>(length).fill(false);
  const natural = new Array<boolean>(length).fill(false);
  let steps = 0;
  let losses = 0;
  const walk = (prev: ReadonlySet<number>, allowed: number, budget: number): boolean => {
    if (path.length === length) return true;
    if (++steps > budget) return false;
    for (const r of shuffled(all, random)) {
      const round = rounds[r] as OddRound;
      if (used[r] || prev.has(round.bye)) continue;
      const partner = partnerRound[r] as number;
      const loses = used[partner] && !natural[partner] ? 1 : 0;
      const options: { join: number; natural: boolean }[] = [];
      if (disjoint(trio(r, round.spare), prev)) options.push({ join: round.spare, natural: true });
      if (losses + loses <= allowed) {
        // A few free joins, seeded, so the search stays shallow for large rotations.
        const free = shuffled(round.pairs, random).filter((p) => !p.includes(round.spare) && disjoint(trio(r, p[0]), prev));
        for (const p of free.slice(0, 3)) options.push({ join: p[0], natural: false });
      }
      // Its unplayed pair already met in the partner round: the natural join is not needed, so a free one goes
      // first and keeps the room; otherwise natural first.
      if (used[partner] && natural[partner]) options.reverse();
      for (const option of options) {
        const lost = option.natural ? 0 : loses;
        used[r] = true;
        natural[r] = option.natural;
        losses += lost;
        path.push(r);
        joins.push(option.join);
        if (walk(new Set(trio(r, option.join)), allowed, budget)) return true;
        path.pop();
        joins.pop();
        losses -= lost;
        used[r] = false;
        natural[r] = false;
      }
    }
    return false;
  };
  const pairsUnplayed = (order.length - 1) / 2;
  for (let allowed = 0; allowed <= pairsUnplayed; allowed++) {
    steps = 0;
    if (walk(lastTrio, allowed, 4_000 + 40 * length)) return { rounds: [...path], joins: [...joins], overlaps: 0, uncovered: losses };
  }
  return greedySchedule(order, rounds, partnerRound, lastTrio, random);
}

/** The fallback: several seeded greedy passes, each round the one with the fewest overlaps, then natural joins. */
function greedySchedule(
  order: readonly number[],
  rounds: readonly OddRound[],
  partnerRound: readonly number[],
  lastTrio: ReadonlySet<number>,
  random: () => number,
): TrioSchedule {
  const length = rounds.length;
  let best: TrioSchedule | null = null;
  const attempts = order.length > 60 ? 3 : 8;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const left = shuffled(
      Array.from({ length }, (_, i) => i),
      random,
    );
    const natural = new Array<boolean>(length).fill(false);
    const placed = new Array<boolean>(length).fill(false);
    const schedule: TrioSchedule = { rounds: [], joins: [], overlaps: 0, uncovered: 0 };
    let prev: ReadonlySet<number> = lastTrio;
    while (left.length) {
      let pick: { at: number; join: number; cost: number[] } | null = null;
      for (let at = 0; at < left.length; at++) {
        const r = left[at] as number;
        const round = rounds[r] as OddRound;
        const partner = partnerRound[r] as number;
        for (const join of [
          round.spare,
          ...round.pairs.map((p) => p[0]).filter((p) => round.mate.get(p) !== round.spare && p !== round.spare),
        ]) {
          const t = [round.bye, join, round.mate.get(join) as number];
          const overlap = t.filter((p) => prev.has(p)).length;
          // A free join loses an unplayed pair when its partner round was already free.
          const loses = join !== round.spare && placed[partner] && !natural[partner] ? 1 : 0;
          const cost = [overlap > 0 ? 1 : 0, loses, overlap];
          if (!pick || lexLess(cost, pick.cost)) pick = { at, join, cost };
        }
      }
      const { at, join, cost } = pick as { at: number; join: number; cost: number[] };
      const r = left.splice(at, 1)[0] as number;
      const round = rounds[r] as OddRound;
      placed[r] = true;
      natural[r] = join === round.spare;
      schedule.rounds.push(r);
      schedule.joins.push(join);
      schedule.overlaps += cost[0] as number;
      prev = new Set([round.bye, join, round.mate.get(join) as number]);
    }
    schedule.uncovered = rounds.filter((_, r) => !natural[r] && !natural[partnerRound[r] as number]).length / 2;
    if (!best || lexLess([schedule.overlaps, schedule.uncovered], [best.overlaps, best.uncovered])) best = schedule;
    if (best.overlaps === 0 && best.uncovered === 0) break;
  }
  return best as TrioSchedule;
}

function lexLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if ((a[i] as number) !== (b[i] as number)) return (a[i] as number) < (b[i] as number);
  return false;
}

/** Every way to split `people` into pairs (an even count). */
function pairings(people: readonly number[]): number[][][] {
  if (people.length === 0) return [[]];
  const [a, ...rest] = people as [number, ...number[]];
  return rest.flatMap((b, i) => pairings(rest.filter((_, j) => j !== i)).map((m) => [[a, b], ...m]));
}

/** The most people `termWithoutCircle` plans for: beyond, the rounds to search through grow too many. */
export const TERM_SEARCH_MAX = 7;

/**
 * A whole term of n − 1 rounds for a small odd community (at most TERM_SEARCH_MAX people, with no history among
 * them) whose circle cannot keep the trio rule: seven people, where no circle schedule has disjoint trios two
 * rounds in a row, although other terms do. A depth-first search over every possible round (a trio, pairs for
 * the rest) keeps consecutive trios disjoint and looks for the fewest repeats, from the bound 3(n − 1)/2 upward.
 * For seven that is 11, two above the bound, which no term keeping the rule reaches (the search is exhaustive
 * there: with no history, every first round is the same up to names). Null when no term keeps the rule (three
 * or five people: any two trios share someone), and the rule yields.
 */
export function termWithoutCircle(
  members: readonly number[],
  avoids: (a: number, b: number) => boolean,
  lastTrio: ReadonlySet<number>,
  random: () => number,
): number[][][] | null {
  const n = members.length;
  if (n % 2 === 0 || n > TERM_SEARCH_MAX || n < 3) return null;
  // People by index (bit i), pairs by index, every round as a trio mask and its pairs.
  const pairIndex = (i: number, j: number) => (i < j ? i * n + j : j * n + i);
  const rounds: { trio: number; groups: number[][]; pairs: number[] }[] = [];
  let forbidden = 0;
  const everyone = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      for (let k = j + 1; k < n; k++)
        for (const pairs of pairings(everyone.filter((p) => p !== i && p !== j && p !== k))) {
          const groups = [...pairs, [i, j, k]];
          if (groups.some((g) => g.some((a, x) => g.slice(x + 1).some((b) => avoids(members[a] as number, members[b] as number))))) {
            forbidden++;
            continue;
          }
          rounds.push({
            trio: (1 << i) | (1 << j) | (1 << k),
            groups,
            pairs: groups.flatMap((g) => g.flatMap((a, x) => g.slice(x + 1).map((b) => pairIndex(a, b)))),
          });
        }
  const order = shuffled(rounds, random);
  const length = n - 1;
  const perRound = (n + 3) / 2;
  const met = new Uint8Array(n * n);
  const path: number[][][] = [];
  let unmet = (n * (n - 1)) / 2;
  let steps = 0;
  const last = members.reduce((mask, p, i) => (lastTrio.has(p) ? mask | (1 << i) : mask), 0);
  // With no history, no avoid list and at most one of them in the last trio, every allowed first round is the
  // same one up to names (a permutation of the others maps one to another): trying one is enough. Otherwise the
  // search has a smaller budget and may settle for more repeats than the fewest.
  const symmetric = forbidden === 0 && members.filter((p) => lastTrio.has(p)).length <= 1;
  const budget = symmetric ? 20_000 : 3_000;
  const walk = (prev: number, repeats: number, most: number): boolean => {
    if (path.length === length) return true;
    if (++steps > budget) return false;
    // Each round left meets perRound pairs, and only the unmet ones are not repeats.
    if (repeats + Math.max(0, perRound * (length - path.length) - unmet) > most) return false;
    const next: { round: (typeof rounds)[number]; fresh: number }[] = [];
    for (const round of order) {
      if (round.trio & prev) continue;
      let fresh = 0;
      for (const p of round.pairs) if (!met[p]) fresh++;
      next.push({ round, fresh });
    }
    next.sort((a, b) => b.fresh - a.fresh);
    for (const { round, fresh } of symmetric && path.length === 0 ? next.slice(0, 1) : next) {
      if (repeats + round.pairs.length - fresh > most) break;
      for (const p of round.pairs) met[p] = (met[p] as number) + 1;
      unmet -= fresh;
      path.push(round.groups);
      if (walk(round.trio, repeats + round.pairs.length - fresh, most)) return true;
      path.pop();
      unmet += fresh;
      for (const p of round.pairs) met[p] = (met[p] as number) - 1;
    }
    return false;
  };
  const bound = (3 * (n - 1)) / 2;
  for (let most = bound; most <= bound + length; most++) {
    steps = 0;
    if (walk(last, 0, most)) return path.map((groups) => groups.map((g) => g.map((i) => members[i] as number)));
  }
  return null;
}
