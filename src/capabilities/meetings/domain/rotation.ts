/** A person who could take a meeting duty, with when they last did each. */
export interface DutyCandidate {
  userId: number;
  joinedAt: number;
  lastFacilitated: number | null;
  lastNoted: number | null;
  /** How often they facilitated in the running term (left out when no terms are marked: recency alone decides). */
  facilitatedInTerm?: number;
  /** How often they took notes in the running term. */
  notedInTerm?: number;
}

export interface Duties {
  facilitatorId: number | null;
  noteTakerId: number | null;
}

/**
 * Fewest turns in the running term first, so the term's counts stay even and a new term starts everyone at
 * nought; then least recently served (never served before anyone); then by who joined first, for a stable order.
 */
function byLeastRecent(last: (c: DutyCandidate) => number | null, inTerm: (c: DutyCandidate) => number) {
  return (a: DutyCandidate, b: DutyCandidate) =>
    inTerm(a) - inTerm(b) ||
    (last(a) ?? Number.NEGATIVE_INFINITY) - (last(b) ?? Number.NEGATIVE_INFINITY) ||
    a.joinedAt - b.joinedAt ||
    a.userId - b.userId;
}

/**
 * Names the facilitator and note-taker of a meeting from the eligible candidates (members who are not
 * guests, not paused, not deactivated and have not said they can't come). Whoever holds a duty and is
 * still eligible keeps it, so an announced rotation does not change under people's feet.
 */
export function rotateDuties(candidates: readonly DutyCandidate[], current: Duties = { facilitatorId: null, noteTakerId: null }): Duties {
  const eligible = new Set(candidates.map((c) => c.userId));
  let facilitatorId = current.facilitatorId !== null && eligible.has(current.facilitatorId) ? current.facilitatorId : null;
  let noteTakerId = current.noteTakerId !== null && eligible.has(current.noteTakerId) ? current.noteTakerId : null;
  if (facilitatorId === noteTakerId && candidates.length > 1) noteTakerId = null;
  if (facilitatorId === null) {
    const pick = [...candidates]
      .sort(
        byLeastRecent(
          (c) => c.lastFacilitated,
          (c) => c.facilitatedInTerm ?? 0,
        ),
      )
      .find((c) => c.userId !== noteTakerId);
    facilitatorId = pick?.userId ?? noteTakerId;
  }
  if (noteTakerId === null) {
    // Least recently served in either duty: facilitators rotate first, so the note-taker is whoever has
    // waited longest for any turn, which keeps both duties even over a term.
    const lastServed = (c: DutyCandidate) =>
      c.lastNoted === null && c.lastFacilitated === null ? null : Math.max(c.lastNoted ?? 0, c.lastFacilitated ?? 0);
    const pick = [...candidates].sort(byLeastRecent(lastServed, (c) => c.notedInTerm ?? 0)).find((c) => c.userId !== facilitatorId);
    // With one person left, they facilitate and take notes.
    noteTakerId = pick?.userId ?? facilitatorId;
  }
  return { facilitatorId, noteTakerId };
}
