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

/** The person a mention names, created on first sight so that a lead can add someone new. */
export function personFor(ctx: Context, m: MentionRef): User {
  return ctx.store.users.upsert(ctx.workspace.id, { externalId: m.externalId, displayName: m.name }, ctx.now);
}

/** A span that mentions the person on their platform. */
export function mention(user: Pick<User, 'externalId' | 'displayName'>): Span {
  return { mention: { user: user.externalId, name: user.displayName } };
}
