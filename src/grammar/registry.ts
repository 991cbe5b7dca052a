import type { CommandDef } from './command.js';
import type { Cursor } from './cursor.js';

/** The commands the bot knows, found by their words. */
export class Registry {
  /** Every command, in the order added (the order help lists them). */
  readonly #defs: CommandDef[] = [];
  /** Commands by their first word, longest first, so `agenda add` wins over `agenda`: one lookup per command typed. */
  readonly #byFirstWord = new Map<string, CommandDef[]>();
  /** The group (a capability's name) each help entry was added under, for help grouped by capability. */
  readonly #groupOf = new Map<string, string>();

  /** Adds a capability's commands under its name, so help can list them together. */
  group(name: string, defs: readonly CommandDef[]): this {
    for (const def of defs) if (!this.#groupOf.has(def.help)) this.#groupOf.set(def.help, name);
    return this.add(...defs);
  }

  /** The help entries by group, groups in the order added; entries added with no group come last. */
  helpGroups(): { group: string | null; entries: string[] }[] {
    const groups = new Map<string | null, string[]>();
    for (const entry of this.helpEntries()) {
      const group = this.#groupOf.get(entry) ?? null;
      groups.set(group, [...(groups.get(group) ?? []), entry]);
    }
    return [...groups].map(([group, entries]) => ({ group, entries }));
  }

  add(...defs: CommandDef[]): this {
    for (const def of defs) {
      this.#defs.push(def);
      const first = def.words[0] as string;
      const same = this.#byFirstWord.get(first) ?? [];
      same.push(def);
      same.sort((a, b) => b.words.length - a.words.length);
      this.#byFirstWord.set(first, same);
    }
    return this;
  }

  all(): readonly CommandDef[] {
    return this.#defs;
  }

  /** The help entries in the order commands were added. */
  helpEntries(): string[] {
    return [...new Set(this.#defs.map((d) => d.help))];
  }

  /** Consumes the command words at the cursor and returns their command, if any. */
  match(c: Cursor): CommandDef | null {
    const first = c.peek();
    if (!first || first.quoted) return null;
    const start = c.position;
    for (const def of this.#byFirstWord.get(first.value.toLowerCase()) ?? []) {
      if (def.words.every((w) => c.accept(w) === w)) return def;
      // Rewind: a longer command's first words may have matched.
      c.reset(start);
    }
    return null;
  }

  /** The known first words nearest to a mistyped one. */
  suggest(word: string): string | null {
    const firsts = [...new Set(this.#defs.map((d) => d.words[0] as string))];
    let best: string | null = null;
    let bestDistance = 3;
    for (const w of firsts) {
      const d = editDistance(word.toLowerCase(), w);
      if (d < bestDistance) {
        best = w;
        bestDistance = d;
      }
    }
    return best;
  }
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] as number;
}
