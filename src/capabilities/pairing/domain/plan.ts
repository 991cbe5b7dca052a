import { rotationLength, rotationRound } from './circle.js';
import { type PairHistory, pairsOf, repeatsIn } from './history.js';
import { type Edge, maxWeightMatching } from './matching.js';
import { seeded, shuffled } from './random.js';

/**
 * A rotation: the circle schedule a stable set of people follows. `members` is the set it was made for (sorted),
 * `order` their seats, `rounds` the circle's rounds in the order they are played, `next` the one to play next.
 * `clean` when it began with nobody among them having met (a new community, or a cycle begun again): it is then
 * followed as it is, since any departure can only cost repeats later.
 */
export interface Rotation {
  members: number[];
  order: number[];
  rounds: number[];
  next: number;
  clean: boolean;
}

/** What planning a round needs: who can be paired, who must not be, who met whom, and the state carried over. */
export interface PlanInput {
  /** The people to pair: active members who are not guests, paused or deactivated. */
  people: readonly number[];
  /** Whether either of two people avoids the other (a private, hard constraint). */
  avoids: (a: number, b: number) => boolean;
  history: PairHistory;
  /** This round's sequence number in the community (1 for the first). */
  seq: number;
  /** The members of the previous round's trio, if it had one. */
  lastTrio: ReadonlySet<number>;
  rotation: Rotation | null;
  seed: number;
}

/** A planned round. Each group is a ring: everyone visits the next (a pair both ways, a trio A→B→C→A). */
export interface RoundPlan {
  groups: number[][];
  /** People with no possible partner: everyone they could be paired with avoids them or is avoided. */
  leftOut: number[];
  /** `rotation`: the circle schedule's round; `matching`: a maximum-weight matching over the allowed pairs. */
  mode: 'rotation' | 'matching';
  /** The rotation to keep for the next round. */
  rotation: Rotation;
  /** Which round of the rotation this was (1-based) and how many it has; null for a matched round. */
  step: number | null;
  length: number;
  /** True when an avoid list changed what this round could be. */
  constrained: boolean;
}

/** The weight of a pair for the matching: new pairs far above repeats; among repeats, the longest ago first. */
export function pairWeight(history: PairHistory, a: number, b: number, seq: number, jitter: number): number {
  const met = history.get(a, b);
  if (!met) return 1_000_000 + jitter;
  const ago = Math.min(seq - met.lastSeq, 4_000);
  return 10_000 + 100 * ago - 50 * Math.min(met.count, 99) + jitter;
}

const sameSet = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** For an odd rotation: the partner each person would have had in the circle's unplayed round. */
function sparePartners(order: readonly number[]): Map<number, number> {
  const spare = new Map<number, number>();
  if (order.length % 2 === 0) return spare;
  for (const [a, b] of rotationRound(order, order.length - 1).pairs) {
    spare.set(a, b);
    spare.set(b, a);
  }
  return spare;
}

/** The trio a rotation's round would naturally have: its third with their spare partner's pair. */
function naturalTrio(order: readonly number[], round: number, spare: Map<number, number>): number[] {
  const { pairs, bye } = rotationRound(order, round);
  if (bye === null) return [];
  const partner = spare.get(bye);
  const pair = pairs.find((p) => p.includes(partner as number));
  return pair ? [bye, ...pair] : [bye];
}

/**
 * Orders an odd rotation's rounds so that no one is in the trio of two rounds in a row (and the first trio shares
 * nobody with the last one played): a few seeded greedy tries, keeping the one with the fewest overlaps.
 */
function orderRounds(order: readonly number[], lastTrio: ReadonlySet<number>, random: () => number): { rounds: number[]; cost: number } {
  const length = rotationLength(order.length);
  const all = Array.from({ length }, (_, i) => i);
  if (order.length % 2 === 0) return { rounds: all, cost: 0 };
  const spare = sparePartners(order);
  const trios = all.map((r) => new Set(naturalTrio(order, r, spare)));
  const overlap = (a: ReadonlySet<number>, b: ReadonlySet<number>) => [...a].filter((x) => b.has(x)).length;
  // Few rounds: a search for an order with no overlap at all (consecutive trios disjoint).
  if (length <= 14) {
    const path: number[] = [];
    const used = new Array<boolean>(length).fill(false);
    let steps = 0;
    const walk = (prev: ReadonlySet<number>): boolean => {
      if (path.length === length) return true;
      if (++steps > 20_000) return false;
      for (const r of shuffled(all, random)) {
        if (used[r] || overlap(trios[r] as Set<number>, prev) > 0) continue;
        used[r] = true;
        path.push(r);
        if (walk(trios[r] as Set<number>)) return true;
        path.pop();
        used[r] = false;
      }
      return false;
    };
    if (walk(lastTrio)) return { rounds: path, cost: 0 };
  }
  let best: number[] = all;
  let bestCost = Number.POSITIVE_INFINITY;
  const attempts = order.length > 60 ? 3 : 30;
  for (let attempt = 0; attempt < attempts && bestCost > 0; attempt++) {
    const left = shuffled(all, random);
    const seq: number[] = [];
    let prev: ReadonlySet<number> = lastTrio;
    let cost = 0;
    while (left.length) {
      let pick = 0;
      let pickCost = Number.POSITIVE_INFINITY;
      for (let i = 0; i < left.length; i++) {
        const c = overlap(trios[left[i] as number] as Set<number>, prev);
        if (c < pickCost) [pick, pickCost] = [i, c];
        if (c === 0) break;
      }
      const r = left.splice(pick, 1)[0] as number;
      seq.push(r);
      cost += pickCost;
      prev = trios[r] as Set<number>;
    }
    if (cost < bestCost) [best, bestCost] = [seq, cost];
  }
  return { rounds: best, cost: bestCost };
}

/**
 * A new rotation for `people`. With history among them (the community changed), a few seeded orders are tried
 * and the one whose early rounds repeat least is kept, so that the pairs that have met come as late as possible.
 */
export function newRotation(input: Pick<PlanInput, 'people' | 'history' | 'lastTrio'>, random: () => number): Rotation {
  const members = [...input.people].sort((a, b) => a - b);
  const clean = !input.history.anyAmong(members);
  const odd = members.length % 2 === 1;
  // An odd rotation also looks for an order in which no trio shares anyone with the one before.
  const tries = clean && !odd ? 1 : members.length > 60 ? 3 : Math.max(2, Math.min(40, Math.floor(2000 / Math.max(1, members.length))));
  let best: Rotation | null = null;
  let bestCost = Number.POSITIVE_INFINITY;
  for (let i = 0; i < tries && bestCost > 0; i++) {
    const order = shuffled(members, random);
    const { rounds, cost: overlaps } = orderRounds(order, input.lastTrio, random);
    let cost = overlaps;
    if (!clean)
      rounds.forEach((r, at) => {
        cost += (rounds.length - at) * repeatsIn(rotationRound(order, r).pairs, input.history);
      });
    if (cost < bestCost) [best, bestCost] = [{ members, order, rounds, next: 0, clean }, cost];
  }
  return best as Rotation;
}

interface TrioChoice {
  pairs: number[][];
  trio: number[] | null;
}

/**
 * Puts a third person into one of the pairs: the pair whose members were not in the last trio (while one such
 * can take them), then the one `prefer` ranks first, then whose pairs with them met least and longest ago.
 */
function addThird(
  pairs: number[][],
  third: number,
  input: PlanInput,
  prefer: (pair: readonly number[]) => number,
  random: () => number,
  first: (pair: readonly number[]) => number = () => 0,
): TrioChoice | null {
  let best: { index: number; score: number[] } | null = null;
  pairs.forEach((pair, index) => {
    if (pair.length !== 2 || pair.some((p) => input.avoids(p, third))) return;
    const met = pair.map((p) => input.history.get(p, third));
    const score = [
      first(pair),
      -pair.filter((p) => input.lastTrio.has(p)).length,
      prefer(pair),
      -met.reduce((n, m) => n + (m?.count ?? 0), 0),
      met.reduce((n, m) => n + (m ? input.seq - m.lastSeq : 10_000), 0),
      random(),
    ];
    if (!best || greater(score, best.score)) best = { index, score };
  });
  if (!best) return null;
  const { index } = best as { index: number };
  const pair = pairs[index] as number[];
  const trio = [third, pair[0] as number, pair[1] as number];
  return { pairs: pairs.filter((_, i) => i !== index), trio };
}

function greater(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if ((a[i] as number) !== (b[i] as number)) return (a[i] as number) > (b[i] as number);
  return false;
}

/** The rotation's next round, or null when an avoid list forbids one of its pairs or the third fits no pair. */
function rotationCandidate(rotation: Rotation, input: PlanInput, random: () => number): number[][] | null {
  const round = rotation.rounds[rotation.next] as number;
  const { pairs, bye } = rotationRound(rotation.order, round);
  if (pairs.some(([a, b]) => input.avoids(a, b))) return null;
  if (bye === null) return pairs;
  const partner = sparePartners(rotation.order).get(bye);
  // The third joins the pair of the partner the unplayed round would have given them. The first time, that
  // meets a pair no other round meets, which is what reaches the fewest repeats: it comes first. The second
  // time it is a repeat wherever they go; then nobody in two trios in a row comes first, and the rotation's
  // order of trios (chosen for that) next.
  const natural = (pair: readonly number[]) => (pair.includes(partner as number) ? 1 : 0);
  const fresh = partner !== undefined && input.history.get(bye, partner) === null;
  const choice = addThird(pairs, bye, input, natural, random, fresh ? natural : () => 0);
  return choice ? [...choice.pairs, choice.trio as number[]] : null;
}

/** A maximum-weight matching of maximum cardinality over the allowed pairs, with any odd one out as a trio's third. */
function seatedMatching(people: readonly number[], input: PlanInput, random: () => number): { groups: number[][]; leftOut: number[] } {
  const edges: Edge[] = [];
  const allowed = people.map(() => new Set<number>());
  for (let i = 0; i < people.length; i++)
    for (let j = i + 1; j < people.length; j++) {
      const a = people[i] as number;
      const b = people[j] as number;
      if (input.avoids(a, b)) continue;
      edges.push([i, j, pairWeight(input.history, a, b, input.seq, Math.floor(random() * 10))]);
      allowed[i]?.add(j);
      allowed[j]?.add(i);
    }
  // An odd count gets an empty seat: whoever the matching seats there is the trio's third. Only someone who
  // could be in a trio may sit there, and it is cheap for those who were not in the last trio, so the same
  // people are not the trio twice in a row.
  const odd = people.length % 2 === 1;
  const trioCapable = (i: number) => {
    const near = [...(allowed[i] as Set<number>)];
    return near.some((a, x) => near.slice(x + 1).some((b) => allowed[a]?.has(b)));
  };
  const seat = odd ? people.map((_, i) => trioCapable(i)) : [];
  let result: { groups: number[][]; leftOut: number[] } | null = null;
  // If the one seated there fits no pair after all, they are kept off the seat and the matching runs again.
  for (let attempt = 0; attempt < 4; attempt++) {
    const all = [...edges];
    people.forEach((p, i) => {
      if (seat[i]) all.push([i, people.length, input.lastTrio.has(p) ? 1 : 20_000]);
    });
    const mate = maxWeightMatching(people.length + (odd ? 1 : 0), all);
    let groups: number[][] = [];
    const unplaced: number[] = [];
    people.forEach((p, i) => {
      const m = mate[i] as number;
      if (m === -1 || m === people.length) unplaced.push(i);
      else if (m > i) groups.push([p, people[m] as number]);
    });
    const leftOut: number[] = [];
    let retry = false;
    for (const i of unplaced) {
      const third = people[i] as number;
      const choice = addThird(groups, third, input, (pair) => pair.filter((p) => !input.history.get(p, third)).length, random);
      if (choice) groups = [...choice.pairs, choice.trio as number[]];
      else {
        leftOut.push(third);
        if (seat[i]) {
          seat[i] = false;
          retry = true;
        }
      }
    }
    if (!result || leftOut.length < result.leftOut.length) result = { groups, leftOut };
    if (!retry || leftOut.length === 0) break;
  }
  return result as { groups: number[][]; leftOut: number[] };
}

type Matched = { groups: number[][]; leftOut: number[] };

/** Pairs an even set of people by the matching; anyone it cannot pair joins a pair as a third, or is left out. */
function evenMatching(people: readonly number[], input: PlanInput, random: () => number): Matched {
  return seatedMatching(people, input, random);
}

/**
 * The trio of an odd round, chosen first: the allowed trios whose members were not in the last trio and whose
 * three pairs met least (and longest ago) are tried, a few of them, each with the matching of everyone else;
 * the one that places most people with fewest repeats wins.
 */
function trioFirst(people: readonly number[], input: PlanInput, random: () => number): Matched | null {
  const n = people.length;
  const tries = n > 60 ? 1 : 4;
  // Pairs by index, read once: whether allowed, and a cost that puts unmet pairs first, then fewer and older meetings.
  const allowed = new Uint8Array(n * n);
  const cost = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const a = people[i] as number;
      const b = people[j] as number;
      if (input.avoids(a, b)) continue;
      const met = input.history.get(a, b);
      const c = met ? 1_000_000 + 1_000 * Math.min(met.count, 999) - Math.min(input.seq - met.lastSeq, 999) : 0;
      allowed[i * n + j] = allowed[j * n + i] = 1;
      cost[i * n + j] = cost[j * n + i] = c;
    }
  const inLast = people.map((p) => (input.lastTrio.has(p) ? 1 : 0));
  const top: { trio: [number, number, number]; score: number }[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      if (!allowed[i * n + j]) continue;
      for (let k = j + 1; k < n; k++) {
        if (!allowed[i * n + k] || !allowed[j * n + k]) continue;
        // Nobody from the last trio above all, then the pairs' meetings; a seeded fraction breaks ties.
        const score =
          ((inLast[i] as number) + (inLast[j] as number) + (inLast[k] as number)) * 1e10 +
          (cost[i * n + j] as number) +
          (cost[i * n + k] as number) +
          (cost[j * n + k] as number) +
          random();
        if (top.length < tries || score < (top[top.length - 1]?.score ?? Number.POSITIVE_INFINITY)) {
          top.push({ trio: [i, j, k], score });
          top.sort((x, y) => x.score - y.score);
          if (top.length > tries) top.pop();
        }
      }
    }
  let best: { result: Matched; cost: number[] } | null = null;
  for (const { trio } of top) {
    const members = trio.map((i) => people[i] as number);
    const rest = evenMatching(
      people.filter((p) => !members.includes(p)),
      input,
      random,
    );
    const result = { groups: [...rest.groups, members], leftOut: rest.leftOut };
    const score = [result.leftOut.length, repeatsIn(result.groups, input.history)];
    if (!best || greater(best.cost, score)) best = { result, cost: score };
  }
  return best?.result ?? null;
}

/** A maximum-weight matching of maximum cardinality over the allowed pairs; an odd count makes one trio. */
function matchingCandidate(people: readonly number[], input: PlanInput, random: () => number): Matched {
  if (people.length % 2 === 0) return evenMatching(people, input, random);
  const first = trioFirst(people, input, random);
  if (first && first.leftOut.length === 0) return first;
  const seated = seatedMatching(people, input, random);
  return first && first.leftOut.length <= seated.leftOut.length ? first : seated;
}

/**
 * Plans one round. A stable set of people follows its rotation (the circle method), which is what gives n − 1
 * rounds with no repeat; when the set changed, a new rotation is made and each of its rounds is weighed against
 * the matching, the one with fewer repeats winning. An avoid list that forbids the rotation's round falls back
 * to the matching. Everyone with a possible partner is placed; the rest are left out.
 */
export function planRound(input: PlanInput): RoundPlan {
  const random = seeded(input.seed);
  const sorted = [...input.people].sort((a, b) => a - b);
  const partnerless = sorted.filter((p) => sorted.every((q) => q === p || input.avoids(p, q)));
  const people = sorted.filter((p) => !partnerless.includes(p));
  const constrained = people.some((p, i) => people.slice(i + 1).some((q) => input.avoids(p, q))) || partnerless.length > 0;
  let rotation = input.rotation && sameSet(input.rotation.members, people) ? input.rotation : null;
  // A rotation played to its end begins again in the same order, which repeats first the pairs that met longest
  // ago; from then on each of its rounds is weighed against the matching, which may know better (an odd count's trios).
  if (rotation && rotation.next >= rotation.rounds.length) rotation = { ...rotation, next: 0, clean: false };
  rotation ??= newRotation({ ...input, people }, random);
  const length = rotation.rounds.length;
  if (people.length < 2)
    return { groups: [], leftOut: [...partnerless, ...people], mode: 'matching', rotation, step: null, length, constrained };

  const fromRotation = rotationCandidate(rotation, input, random);
  const advance = (r: Rotation): Rotation => ({ ...r, next: r.next + 1 });
  if (fromRotation && (rotation.clean || repeatsIn(fromRotation, input.history) === 0)) {
    return {
      groups: fromRotation,
      leftOut: partnerless,
      mode: 'rotation',
      rotation: advance(rotation),
      step: rotation.next + 1,
      length,
      constrained,
    };
  }
  const matched = matchingCandidate(people, input, random);
  const worth = (groups: number[][]) => [
    -repeatsIn(groups, input.history),
    groups.reduce((sum, g) => sum + pairsOf(g).reduce((w, [a, b]) => w + pairWeight(input.history, a, b, input.seq, 0), 0), 0),
  ];
  if (fromRotation && (matched.leftOut.length > 0 || !greater(worth(matched.groups), worth(fromRotation)))) {
    return {
      groups: fromRotation,
      leftOut: partnerless,
      mode: 'rotation',
      rotation: advance(rotation),
      step: rotation.next + 1,
      length,
      constrained,
    };
  }
  return {
    groups: matched.groups,
    leftOut: [...partnerless, ...matched.leftOut],
    mode: 'matching',
    rotation,
    step: null,
    length,
    constrained,
  };
}

/** Every pair a plan's groups make, for checks and counts. */
export const planPairs = (plan: Pick<RoundPlan, 'groups'>): [number, number][] => plan.groups.flatMap((g) => pairsOf(g));
