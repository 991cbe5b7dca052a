/** When two people last met (were in the same pair or trio) and how often. */
export interface Met {
  count: number;
  /** The community's round sequence number (1, 2, …) of their latest meeting. */
  lastSeq: number;
  /** That round's `#n`. */
  lastRef: number;
}

/** Who has met whom, by unordered pair. */
export class PairHistory {
  readonly #met = new Map<string, Met>();

  static key(a: number, b: number): string {
    return a < b ? `${a}:${b}` : `${b}:${a}`;
  }

  get(a: number, b: number): Met | null {
    return this.#met.get(PairHistory.key(a, b)) ?? null;
  }

  /** Records that everyone in `group` met everyone else in it, in round `seq` (`#ref`). */
  record(group: readonly number[], seq: number, ref: number): void {
    for (let i = 0; i < group.length; i++)
      for (let j = i + 1; j < group.length; j++) {
        const key = PairHistory.key(group[i] as number, group[j] as number);
        const was = this.#met.get(key);
        this.#met.set(key, { count: (was?.count ?? 0) + 1, lastSeq: seq, lastRef: ref });
      }
  }

  /** Whether any two of `people` have met. */
  anyAmong(people: readonly number[]): boolean {
    for (let i = 0; i < people.length; i++)
      for (let j = i + 1; j < people.length; j++) if (this.get(people[i] as number, people[j] as number)) return true;
    return false;
  }
}

/** Every unordered pair inside a group (a pair has one, a trio three). */
export function pairsOf(group: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) out.push([group[i] as number, group[j] as number]);
  return out;
}

/** How many of a round's pairs had met before it. */
export function repeatsIn(groups: readonly (readonly number[])[], history: PairHistory): number {
  return groups.reduce((n, g) => n + pairsOf(g).filter(([a, b]) => history.get(a, b) !== null).length, 0);
}
