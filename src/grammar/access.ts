import { UserError } from '../errors.js';
import type { MessageKey, Params } from '../i18n/translate.js';
import type { Role } from '../store/communities.js';
import type { Access, Context } from './command.js';
import { quoteName } from './communities.js';

/** Whether a role takes part in the community's work (reflections, pairing, goals, member lists): not a guest. */
export function isParticipantRole(role: Role | null): boolean {
  return role !== null && role !== 'guest';
}

/** Whether the actor runs the community the command is about: one of its leads, or a coordinator. */
export function leadsHere(ctx: Pick<Context, 'actor' | 'role'>): boolean {
  return ctx.actor.isCoordinator || ctx.role === 'lead';
}

/**
 * An item that only the person it names (its author, a meeting's note-taker) or a lead may change: refuses
 * anyone else with `refusal`.
 */
export function requireOwnerOrLead(
  ctx: Pick<Context, 'actor' | 'role'>,
  ownerId: number | null,
  refusal: MessageKey,
  params: Params = {},
): void {
  if (ownerId !== ctx.actor.id && !leadsHere(ctx)) throw new UserError(refusal, params);
}

/** Refuses a command its access level does not allow, naming what would allow it. */
export function checkAccess(access: Access, ctx: Pick<Context, 'actor' | 'role' | 'community'>): void {
  if (ctx.actor.isCoordinator || access === 'anyone') return;
  const name = ctx.community?.name ?? '';
  switch (access) {
    case 'coordinator':
      throw new UserError('error.notCoordinator');
    case 'lead':
      if (ctx.role !== 'lead') throw new UserError('error.notLead', { community: name });
      return;
    case 'participant':
      if (ctx.role === 'guest') throw new UserError('error.notForGuests', { community: name });
      if (!ctx.role) throw notMember(name);
      return;
    case 'member':
      if (!ctx.role) throw notMember(name);
      return;
  }
}

function notMember(name: string): UserError {
  return new UserError('error.notMember', { community: name, command: { command: `join ${quoteName(name)}` } });
}
