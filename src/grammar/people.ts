import { UserError } from '../errors.js';
import type { User } from '../store/users.js';
import type { Span } from '../views/view.js';
import type { Context } from './command.js';
import type { Cursor } from './cursor.js';
import { type MentionRef, parseMention } from './values.js';

/** Reads a mention (`<@id|name>`); the adapter has already turned its platform's form into this one. */
export function readMention(c: Cursor): MentionRef {
  const tok = c.next();
  if (!tok) throw new UserError('error.missing');
  return parseMention(tok.value);
}

/**
 * The person a mention names, created on first sight so that a lead can add someone new. Only a mention the
 * platform vouched for counts, and the name comes from the platform's profile: the label is whatever text
 * stood in the mention (a typed `<@U2|FIRED>` is text too), so it never names, renames or invents anyone.
 */
export function personFor(ctx: Context, m: MentionRef): User {
  const label = (m.name ?? m.externalId).slice(0, 80);
  const vouched = ctx.mentions.find((p) => p.externalId === m.externalId);
  if (!vouched) throw new UserError('error.unknownPerson', { name: label });
  if (vouched.profile) return ctx.store.users.upsert(ctx.workspace.id, { ...vouched.profile, externalId: m.externalId }, ctx.now);
  const met = ctx.store.users.findByExternal(ctx.workspace.id, m.externalId);
  if (!met) throw new UserError('error.personUnchecked', { name: label });
  return met;
}

/** A span that mentions the person on their platform. */
export function mention(user: Pick<User, 'externalId' | 'displayName'>): Span {
  return { mention: { user: user.externalId, name: user.displayName } };
}
