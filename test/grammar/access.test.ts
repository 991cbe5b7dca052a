import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { checkAccess, leadsHere, requireOwnerOrLead } from '../../src/grammar/access.js';
import type { Access } from '../../src/grammar/command.js';
import type { Community, Role } from '../../src/store/communities.js';
import type { User } from '../../src/store/users.js';

const math = { id: 1, name: 'Grade 5 Math' } as Community;
const person = (id: number, isCoordinator = false) => ({ id, isCoordinator }) as User;
const asker = (role: Role | null, isCoordinator = false) => ({ actor: person(7, isCoordinator), role, community: math });

/** The key of the refusal a check throws, or null when it lets the asker through. */
function refusal(check: () => void): string | null {
  try {
    check();
    return null;
  } catch (e) {
    if (e instanceof UserError) return e.key;
    throw e;
  }
}

describe('access levels, checked in the core', () => {
  const levels: Access[] = ['anyone', 'member', 'participant', 'lead', 'coordinator'];
  const table = (role: Role | null, coordinator = false) =>
    levels.map((level) => refusal(() => checkAccess(level, asker(role, coordinator))));

  it('lets a guest read as a member but not take part', () => {
    expect(table('guest')).toEqual([null, null, 'error.notForGuests', 'error.notLead', 'error.notCoordinator']);
  });

  it('lets a member take part, not lead', () => {
    expect(table('member')).toEqual([null, null, null, 'error.notLead', 'error.notCoordinator']);
    expect(table('curator')).toEqual([null, null, null, 'error.notLead', 'error.notCoordinator']);
  });

  it('lets a lead lead, and an outsider only do what anyone may', () => {
    expect(table('lead')).toEqual([null, null, null, null, 'error.notCoordinator']);
    expect(table(null)).toEqual([null, 'error.notMember', 'error.notMember', 'error.notLead', 'error.notCoordinator']);
  });

  it('lets a coordinator through every level, member or not', () => {
    expect(table(null, true)).toEqual([null, null, null, null, null]);
  });

  it('tells an outsider how to join, with the name quoted', () => {
    try {
      checkAccess('member', asker(null));
    } catch (e) {
      expect((e as UserError).params).toMatchObject({ command: { command: 'join "Grade 5 Math"' } });
    }
    expect.assertions(1);
  });
});

describe('items only their owner or a lead may change', () => {
  it('lets the owner and a lead change an item, and refuses others with the item’s refusal', () => {
    expect(refusal(() => requireOwnerOrLead(asker('member'), 7, 'error.notYourAgendaItem'))).toBeNull();
    expect(refusal(() => requireOwnerOrLead(asker('lead'), 3, 'error.notYourAgendaItem'))).toBeNull();
    expect(refusal(() => requireOwnerOrLead(asker('member', true), 3, 'error.notYourAgendaItem'))).toBeNull();
    expect(refusal(() => requireOwnerOrLead(asker('member'), 3, 'error.notYourAgendaItem'))).toBe('error.notYourAgendaItem');
    expect(refusal(() => requireOwnerOrLead(asker('member'), null, 'error.notNoteTaker'))).toBe('error.notNoteTaker');
  });

  it('counts a coordinator as running every community', () => {
    expect([leadsHere(asker('member', true)), leadsHere(asker('lead')), leadsHere(asker('coach'))]).toEqual([true, true, false]);
  });
});
