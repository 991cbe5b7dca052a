/**
 * The circle method (round-robin scheduling): with an even number of seats, seat 0 stays and the others turn
 * one place each round, so over seats − 1 rounds every two seats sit together exactly once. An odd group gets an
 * empty seat (`BYE`); whoever faces it that round is the one who joins a pair as the third of a trio.
 */
export const BYE = -1;

/** The pairs of seats in round `round` (0-based) of a circle of `seats` (even) seats. */
export function circlePairs(seats: number, round: number): [number, number][] {
  const turning = seats - 1;
  const at = (i: number) => (i === 0 ? 0 : 1 + ((i - 1 + round) % turning));
  const pairs: [number, number][] = [];
  for (let i = 0; i < seats / 2; i++) pairs.push([at(i), at(seats - 1 - i)]);
  return pairs;
}

/** One round of a rotation over `order` (people in their seats): pairs, and the person facing the empty seat. */
export function rotationRound<T>(order: readonly T[], round: number): { pairs: [T, T][]; bye: T | null } {
  const odd = order.length % 2 === 1;
  const seats = odd ? order.length + 1 : order.length;
  const seat = (i: number): T | typeof BYE => (i < order.length ? (order[i] as T) : BYE);
  const pairs: [T, T][] = [];
  let bye: T | null = null;
  for (const [a, b] of circlePairs(seats, round % (seats - 1))) {
    const x = seat(a);
    const y = seat(b);
    if (x === BYE) bye = y as T;
    else if (y === BYE) bye = x as T;
    else pairs.push([x as T, y as T]);
  }
  return { pairs, bye };
}

/**
 * How many rounds a rotation of `n` people has before it begins again. Even: n − 1, every pair once. Odd: the
 * circle has n rounds; the last is never played as such, and its pairs are met inside the trios instead (each
 * round's third joins the pair of the person the unplayed round would have given them), which is how n − 1
 * rounds reach the fewest repeats there can be, 3(n − 1)/2.
 */
export function rotationLength(n: number): number {
  return Math.max(1, n - 1);
}
