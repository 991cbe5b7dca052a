import { rotationRound } from './circle.js';
import { type PairHistory, pairsOf, repeatsIn } from './history.js';
import { type Edge, maxWeightMatching } from './matching.js';
import { seeded, shuffled } from './random.js';
import { scheduleTrios, spareOf, termWithoutCircle, trioRepeaters } from './trios.js';

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
  /**
   * An odd rotation's plan for its trios: for each entry of `rounds`, the person whose pair that round's third
   * joins (see `scheduleTrios`). Absent in rotations stored before it existed; they join as the round is played.
   */
  joins?: number[];
  /**
   * A small odd rotation whose circle cannot keep the trio rule (seven people) plays a searched term instead:
   * `groups[r]` is round r's pairs and trio, and `rounds` orders them as it does the circle's (`termWithoutCircle`).
   */
  groups?: number[][][];
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

/**
 * A new rotation for `people`. With history among them (the community changed), a few seeded orders are tried
 * and the one whose early rounds repeat least is kept, so that the pairs that have met come as late as possible.
 * An odd rotation also schedules its trios (`scheduleTrios`): the trio rule first (nobody in two trios in a row),
 * then the pairs only a trio can meet, then the repeats.
 */
export function newRotation(input: Pick<PlanInput, 'people' | 'history' | 'lastTrio' | 'avoids'>, random: () => number): Rotation {
  const members = [...input.people].sort((a, b) => a - b);
  const clean = !input.history.anyAmong(members);
  const odd = members.length % 2 === 1;
  const term = odd && clean ? termWithoutCircle(members, input.avoids, input.lastTrio, random) : null;
  if (term) return { members, order: members, rounds: term.map((_, i) => i), next: 0, clean, groups: term };
  const tries = clean && !odd ? 1 : members.length > 60 ? 3 : Math.max(2, Math.min(40, Math.floor(2000 / Math.max(1, members.length))));
  let best: Rotation | null = null;
  let bestCost: number[] = [];
  // Every seat order is the same circle under other names, so when one order's search finds no schedule
  // keeping the trio rule (seven people, where none exists) the others only try the quick greedy pass.
  let search = true;
  for (let i = 0; i < tries; i++) {
    const order = shuffled(members, random);
    const { rounds, joins, overlaps, uncovered } = scheduleTrios(order, input.lastTrio, random, search);
    if (overlaps > 0) search = false;
    let repeats = 0;
    if (!clean)
      rounds.forEach((r, at) => {
        repeats += (rounds.length - at) * repeatsIn(rotationRound(order, r).pairs, input.history);
      });
    const cost = [overlaps, uncovered, repeats];
    if (!best || greater(bestCost, cost)) [best, bestCost] = [{ members, order, rounds, next: 0, clean, ...(odd ? { joins } : {}) }, cost];
    if (cost.every((c) => c === 0)) break;
  }
  return best as Rotation;
}

interface TrioChoice {
  pairs: number[][];
  trio: number[] | null;
}

/**
 * Puts a third person into one of the pairs: the trio rule first (a pair none of whose members, nor the third,
 * was in the last trio), then the one `prefer` ranks first, then whose pairs with them met least and longest ago.
 */
function addThird(
  pairs: number[][],
  third: number,
  input: PlanInput,
  prefer: (pair: readonly number[]) => number,
  random: () => number,
): TrioChoice | null {
  let best: { index: number; score: number[] } | null = null;
  const thirdWasIn = input.lastTrio.has(third);
  pairs.forEach((pair, index) => {
    if (pair.length !== 2 || pair.some((p) => input.avoids(p, third))) return;
    const met = pair.map((p) => input.history.get(p, third));
    const score = [
      thirdWasIn || pair.some((p) => input.lastTrio.has(p)) ? 0 : 1,
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

/**
 * One round of a rotation, at `at` in its order, or null when an avoid list forbids one of its pairs or the third
 * fits no pair. The third joins the pair the rotation's schedule planned, unless that breaks the trio rule (a
 * matched round came between, or the rotation was stored before it planned its trios); then a pair that keeps it,
 * their spare partner's while they have not met (the pair only a trio can meet), then the pair met least.
 */
function rotationRoundAt(
  rotation: Rotation,
  at: number,
  input: PlanInput,
  random: () => number,
): { groups: number[][]; join: number } | null {
  const round = rotation.rounds[at] as number;
  const searched = rotation.groups?.[round];
  if (searched)
    return searched.some((g) => pairsOf(g).some(([a, b]) => input.avoids(a, b))) ? null : { groups: searched.map((g) => [...g]), join: -1 };
  const { pairs, bye } = rotationRound(rotation.order, round);
  if (pairs.some(([a, b]) => input.avoids(a, b))) return null;
  if (bye === null) return { groups: pairs, join: -1 };
  const planned = rotation.joins?.[at];
  const spare = spareOf(rotation.order, round);
  const fresh = spare !== null && input.history.get(bye, spare) === null;
  const rank = (pair: readonly number[]) =>
    (planned !== undefined && pair.includes(planned) ? 2 : 0) + (fresh && pair.includes(spare as number) ? 1 : 0);
  const choice = addThird(pairs, bye, input, rank, random);
  if (!choice) return null;
  const trio = choice.trio as number[];
  return { groups: [...choice.pairs, trio], join: planned !== undefined && trio.includes(planned) ? planned : (trio[1] as number) };
}

/**
 * The rotation's next round (and the rotation as it stands once that round is played), or null when an avoid
 * list forbids it. When its trio would break the trio rule, the first later round of the rotation whose trio
 * keeps it is played now instead: the two swap places, so the rotation still plays each of its rounds once. When
 * none can (three or five people), the rule yields and the next round stands.
 */
function rotationCandidate(rotation: Rotation, input: PlanInput, random: () => number): { groups: number[][]; rotation: Rotation } | null {
  const next = rotationRoundAt(rotation, rotation.next, input, random);
  if (!next || trioRepeaters(next.groups, input.lastTrio) === 0) return next && { groups: next.groups, rotation };
  for (let at = rotation.next + 1; at < rotation.rounds.length; at++) {
    const later = rotationRoundAt(rotation, at, input, random);
    if (!later || trioRepeaters(later.groups, input.lastTrio) > 0) continue;
    const rounds = [...rotation.rounds];
    [rounds[rotation.next], rounds[at]] = [rounds[at] as number, rounds[rotation.next] as number];
    const joins = rotation.joins ? [...rotation.joins] : undefined;
    if (joins) [joins[rotation.next], joins[at]] = [later.join, joins[rotation.next] as number];
    return { groups: later.groups, rotation: { ...rotation, rounds, ...(joins ? { joins } : {}) } };
  }
  return { groups: next.groups, rotation };
}

/** A maximum-weight matching of maximum cardinality over the allowed pairs, with any odd one out as a trio's third. */
function seatedMatching(
  people: readonly number[],
  input: PlanInput,
  random: () => number,
  keepLastTrio = false,
): { groups: number[][]; leftOut: number[] } {
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
  // could be in a trio may sit there, and nobody from the last trio while someone else can (the trio rule).
  const odd = people.length % 2 === 1;
  const trioCapable = (i: number) => {
    const near = [...(allowed[i] as Set<number>)];
    return near.some((a, x) => near.slice(x + 1).some((b) => allowed[a]?.has(b)));
  };
  const capable = odd ? people.map((_, i) => trioCapable(i)) : [];
  const fresh = capable.map((c, i) => c && !input.lastTrio.has(people[i] as number));
  const seat = !keepLastTrio && fresh.some(Boolean) ? fresh : capable;
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

/** How a matched round ranks (greater is better): everyone placed, then the trio rule, then the fewest repeats. */
function matchedRank(result: Matched, input: PlanInput): number[] {
  return [-result.leftOut.length, trioRepeaters(result.groups, input.lastTrio) === 0 ? 1 : 0, -repeatsIn(result.groups, input.history)];
}

/**
 * The trio of an odd round, chosen first: the allowed trios whose members were not in the last trio and whose
 * three pairs met least (and longest ago) are tried, `tries` of them, each with the matching of everyone else;
 * the best by `matchedRank` wins. `onlyFresh` tries only trios with nobody from the last trio.
 */
function trioFirst(people: readonly number[], input: PlanInput, random: () => number, tries: number, onlyFresh = false): Matched | null {
  const n = people.length;
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
        const last = (inLast[i] as number) + (inLast[j] as number) + (inLast[k] as number);
        if (onlyFresh && last > 0) continue;
        // Nobody from the last trio above all, then the pairs' meetings; a seeded fraction breaks ties.
        const score = last * 1e10 + (cost[i * n + j] as number) + (cost[i * n + k] as number) + (cost[j * n + k] as number) + random();
        if (top.length < tries || score < (top[top.length - 1]?.score ?? Number.POSITIVE_INFINITY)) {
          top.push({ trio: [i, j, k], score });
          top.sort((x, y) => x.score - y.score);
          if (top.length > tries) top.pop();
        }
      }
    }
  let best: { result: Matched; rank: number[] } | null = null;
  for (const { trio } of top) {
    const members = trio.map((i) => people[i] as number);
    const rest = evenMatching(
      people.filter((p) => !members.includes(p)),
      input,
      random,
    );
    const result = { groups: [...rest.groups, members], leftOut: rest.leftOut };
    const rank = matchedRank(result, input);
    if (!best || greater(rank, best.rank)) best = { result, rank };
  }
  return best?.result ?? null;
}

/**
 * A maximum-weight matching of maximum cardinality over the allowed pairs; an odd count makes one trio. The trio
 * rule is kept whenever the candidates can keep it: when the usual few all break it (avoid lists around the
 * people who were not in the last trio), every allowed trio without them is tried, up to a budget for large
 * communities, before the rule yields.
 */
function matchingCandidate(people: readonly number[], input: PlanInput, random: () => number): Matched {
  const n = people.length;
  const candidates: Matched[] = [];
  if (n % 2 === 0) candidates.push(evenMatching(people, input, random));
  else {
    const first = trioFirst(people, input, random, n > 60 ? 1 : 4);
    if (first) candidates.push(first);
    if (!first || first.leftOut.length > 0 || trioRepeaters(first.groups, input.lastTrio) > 0) {
      candidates.push(seatedMatching(people, input, random));
      candidates.push(seatedMatching(people, input, random, true));
    }
  }
  const best = () => candidates.reduce((a, b) => (greater(matchedRank(b, input), matchedRank(a, input)) ? b : a));
  if (input.lastTrio.size > 0 && trioRepeaters(best().groups, input.lastTrio) > 0) {
    const fresh = trioFirst(people, input, random, n <= 15 ? 1_000 : n > 60 ? 3 : 12, true);
    if (fresh) candidates.push(fresh);
  }
  return best();
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

  const candidate = rotationCandidate(rotation, input, random);
  const fromRotation = candidate?.groups ?? null;
  const rotationPlan = (played: { groups: number[][]; rotation: Rotation }): RoundPlan => ({
    groups: played.groups,
    leftOut: partnerless,
    mode: 'rotation',
    rotation: { ...played.rotation, next: played.rotation.next + 1 },
    step: played.rotation.next + 1,
    length,
    constrained,
  });
  // The trio rule is hard: a rotation round that breaks it is played only if the matching cannot keep it either.
  const rotationKeepsRule = fromRotation !== null && trioRepeaters(fromRotation, input.lastTrio) === 0;
  if (candidate && rotationKeepsRule && (rotation.clean || repeatsIn(candidate.groups, input.history) === 0))
    return rotationPlan(candidate);
  const matched = matchingCandidate(people, input, random);
  const matchedKeepsRule = trioRepeaters(matched.groups, input.lastTrio) === 0;
  const worth = (groups: number[][]) => [
    -repeatsIn(groups, input.history),
    groups.reduce((sum, g) => sum + pairsOf(g).reduce((w, [a, b]) => w + pairWeight(input.history, a, b, input.seq, 0), 0), 0),
  ];
  if (
    candidate &&
    (matched.leftOut.length > 0 ||
      (rotationKeepsRule && !matchedKeepsRule) ||
      (rotationKeepsRule === matchedKeepsRule && (rotation.clean || !greater(worth(matched.groups), worth(candidate.groups)))))
  )
    return rotationPlan(candidate);
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
