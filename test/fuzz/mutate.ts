import fc from 'fast-check';

/** How one field of a payload is spoiled: removed, nulled, or given a value of the wrong type. */
export type Spoil = 'delete' | 'null' | 'number' | 'string' | 'array' | 'object' | 'boolean' | 'huge' | 'nested';

/** A spoiling of one field: which field (an index into every path of the payload, wrapped) and how. */
export type Mutation = [field: number, how: Spoil];

/** Up to `max` spoilings; none `clean` times in `clean + 2`, so well-formed payloads reach the handlers too. */
export const mutations = (max = 3, clean = 3): fc.Arbitrary<Mutation[]> =>
  fc.oneof(
    { arbitrary: fc.constant([] as Mutation[]), weight: clean },
    {
      arbitrary: fc.array(
        fc.tuple(fc.nat(), fc.constantFrom<Spoil>('delete', 'null', 'number', 'string', 'array', 'object', 'boolean', 'huge', 'nested')),
        { minLength: 1, maxLength: max },
      ),
      weight: 2,
    },
  );

const WRONG: Record<Exclude<Spoil, 'delete'>, () => unknown> = {
  null: () => null,
  number: () => 1e21,
  string: () => 'plc:0:0',
  array: () => [null, 1, 'x'],
  object: () => ({ id: { id: 'U1' }, type: 'button', value: 5 }),
  boolean: () => true,
  huge: () => 'W'.repeat(20_000),
  nested: () => JSON.parse(`${'{"a":'.repeat(200)}1${'}'.repeat(200)}`),
};

/** Every path to a field of a JSON value, parents before children. */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = [...prefix, Array.isArray(value) ? Number(k) : k];
      out.push(p);
      paths(v, p, out);
    }
  }
  return out;
}

/** A deep copy of a payload with the mutations applied in order; each picks its field among the paths left. */
export function applyMutations<T>(payload: T, ms: readonly Mutation[]): T {
  const copy = structuredClone(payload) as unknown;
  for (const [field, how] of ms) {
    const all = paths(copy);
    if (all.length === 0) break;
    const path = all[field % all.length] as (string | number)[];
    const key = path[path.length - 1] as string | number;
    let parent = copy as Record<string | number, unknown>;
    for (const p of path.slice(0, -1)) parent = parent[p] as Record<string | number, unknown>;
    if (how === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else parent[key] = WRONG[how]();
  }
  return copy as T;
}
