/** The three levels of the professionalisation plan: an individual goal, a team goal and a school goal. */
export const LEVELS = ['me', 'team', 'school'] as const;
export type Level = (typeof LEVELS)[number];

/** The level a goal aligns to: one level up, and a school goal to nothing. */
export const ALIGNS_TO: Record<Level, Level | null> = { me: 'team', team: 'school', school: null };

/** A goal as alignment sees it. */
export interface AlignNode {
  id: number;
  level: Level;
  alignsTo: number | null;
}

export type AlignProblem = 'cycle' | 'wrongLevel';

/**
 * Why `child` may not align to `parent`, or null when it may. The chain above the parent is walked through
 * `lookup`: a goal that would end up above itself is a cycle (levels forbid one today, but rows written
 * before a rule change, or a level changed later, must never make the chain endless).
 */
export function alignProblem(child: AlignNode, parent: AlignNode, lookup: (id: number) => AlignNode | null): AlignProblem | null {
  const seen = new Set<number>([child.id]);
  for (let at: AlignNode | null = parent; at; at = at.alignsTo === null ? null : lookup(at.alignsTo)) {
    if (seen.has(at.id)) return 'cycle';
    seen.add(at.id);
  }
  return ALIGNS_TO[child.level] === parent.level ? null : 'wrongLevel';
}

/** The chain above a goal, nearest first; stops at a goal seen before, so a stored cycle cannot loop. */
export function chainAbove<T extends AlignNode>(goal: T, lookup: (id: number) => T | null): T[] {
  const out: T[] = [];
  const seen = new Set<number>([goal.id]);
  for (let id = goal.alignsTo; id !== null; ) {
    const up = lookup(id);
    if (!up || seen.has(up.id)) break;
    seen.add(up.id);
    out.push(up);
    id = up.alignsTo;
  }
  return out;
}
