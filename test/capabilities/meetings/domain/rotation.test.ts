import { describe, expect, it } from 'vitest';
import { type Duties, type DutyCandidate, rotateDuties } from '../../../../src/capabilities/meetings/domain/rotation.js';

/** Runs `meetings` meetings in a row, each naming duties from who served when, as the store's history does. */
function term(people: number[], meetings: number, absent: (meeting: number) => number[] = () => []) {
  const facilitated = new Map<number, number>();
  const noted = new Map<number, number>();
  const served: Duties[] = [];
  for (let m = 1; m <= meetings; m++) {
    const candidates: DutyCandidate[] = people
      .filter((p) => !absent(m).includes(p))
      .map((userId) => ({
        userId,
        joinedAt: userId,
        lastFacilitated: facilitated.get(userId) ?? null,
        lastNoted: noted.get(userId) ?? null,
      }));
    const duties = rotateDuties(candidates);
    if (duties.facilitatorId !== null) facilitated.set(duties.facilitatorId, m);
    if (duties.noteTakerId !== null) noted.set(duties.noteTakerId, m);
    served.push(duties);
  }
  return served;
}

const count = (served: Duties[], key: keyof Duties, who: number) => served.filter((d) => d[key] === who).length;

describe('rotation of facilitator and note-taker', () => {
  it('gives everyone the same share of both duties over a term, never both at once', () => {
    const people = [1, 2, 3, 4, 5];
    const served = term(people, 15);
    for (const p of people) {
      expect(count(served, 'facilitatorId', p)).toBe(3);
      expect(count(served, 'noteTakerId', p)).toBe(3);
    }
    for (const d of served) expect(d.facilitatorId).not.toBe(d.noteTakerId);
  });

  it('starts with those who never served, in the order they joined, then whoever waited longest for a turn', () => {
    expect(
      rotateDuties([
        { userId: 7, joinedAt: 3, lastFacilitated: 10, lastNoted: null },
        { userId: 8, joinedAt: 2, lastFacilitated: null, lastNoted: 5 },
        { userId: 9, joinedAt: 1, lastFacilitated: null, lastNoted: null },
      ]),
    ).toEqual({ facilitatorId: 9, noteTakerId: 8 });
  });

  it('skips someone who cannot come, and gives them the duty first when they are back', () => {
    const served = term([1, 2, 3], 4, (m) => (m === 1 ? [1] : []));
    expect(served[0]).toEqual({ facilitatorId: 2, noteTakerId: 3 });
    expect(served[1]?.facilitatorId).toBe(1);
  });

  it('keeps an announced duty holder who can still serve', () => {
    const candidates: DutyCandidate[] = [
      { userId: 1, joinedAt: 1, lastFacilitated: null, lastNoted: null },
      { userId: 2, joinedAt: 2, lastFacilitated: 50, lastNoted: 50 },
    ];
    expect(rotateDuties(candidates, { facilitatorId: 2, noteTakerId: 1 })).toEqual({ facilitatorId: 2, noteTakerId: 1 });
  });

  it('lets the only person left do both, and names nobody when nobody can', () => {
    expect(rotateDuties([{ userId: 4, joinedAt: 1, lastFacilitated: 1, lastNoted: 1 }])).toEqual({ facilitatorId: 4, noteTakerId: 4 });
    expect(rotateDuties([])).toEqual({ facilitatorId: null, noteTakerId: null });
  });

  it('balances turns within the running term: fewest turns this term first, however recently they last served', () => {
    const candidates: DutyCandidate[] = [
      { userId: 1, joinedAt: 1, lastFacilitated: 10, lastNoted: 9, facilitatedInTerm: 3, notedInTerm: 3 },
      // Back from a long absence: served recently, but only once this term.
      { userId: 2, joinedAt: 2, lastFacilitated: 40, lastNoted: 30, facilitatedInTerm: 1, notedInTerm: 1 },
      { userId: 3, joinedAt: 3, lastFacilitated: 20, lastNoted: 8, facilitatedInTerm: 3, notedInTerm: 3 },
    ];
    expect(rotateDuties(candidates)).toEqual({ facilitatorId: 2, noteTakerId: 1 });
  });

  it('starts a new term even: with no turns yet this term, whoever waited longest goes first', () => {
    const candidates: DutyCandidate[] = [
      { userId: 1, joinedAt: 1, lastFacilitated: 10, lastNoted: 12, facilitatedInTerm: 0, notedInTerm: 0 },
      { userId: 2, joinedAt: 2, lastFacilitated: 40, lastNoted: 30, facilitatedInTerm: 0, notedInTerm: 0 },
      { userId: 3, joinedAt: 3, lastFacilitated: 20, lastNoted: 8, facilitatedInTerm: 0, notedInTerm: 0 },
    ];
    expect(rotateDuties(candidates)).toEqual({ facilitatorId: 1, noteTakerId: 3 });
  });
});
