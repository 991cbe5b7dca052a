import { z } from 'zod/v4';

/**
 * The shape an activity must have before botbuilder and teams-ai take it. Teams always sends the channel, the
 * sender, the bot and the conversation with their ids; teams-ai's turn state cannot load without them, and the
 * adapter reads the rest (tenant, mentions, members, time zone) as text. A field missing or of another type
 * would fail the turn after the fact (a 501 to an invoke, nothing to a message); checked here, it is a 400.
 * The serviceUrl is not checked here: where the bot may send is decided with the tenant (see the README's Security).
 */

const text = z.string();
// Ids go into the Bot Connector's URLs and into the adapter's tables: Teams' are well under this.
const id = z.string().min(1).max(1000);
const party = z.looseObject({ id, name: text.nullish(), aadObjectId: id.nullish() });

const activity = z.looseObject({
  type: text,
  id: id.nullish(),
  channelId: id,
  from: party,
  recipient: party,
  conversation: z.looseObject({
    id,
    tenantId: id.nullish(),
    conversationType: text.nullish(),
    name: text.nullish(),
    isGroup: z.boolean().nullish(),
  }),
  channelData: z
    .looseObject({
      tenant: z.looseObject({ id: id.nullish() }).nullish(),
      channel: z.looseObject({ id: id.nullish(), name: text.nullish() }).nullish(),
      team: z.looseObject({ id: id.nullish(), name: text.nullish() }).nullish(),
      eventType: text.nullish(),
    })
    .nullish(),
  text: text.nullish(),
  locale: text.nullish(),
  replyToId: id.nullish(),
  name: text.nullish(),
  action: text.nullish(),
  // Mentions (with whom they name) and the client's time zone are read from the entities.
  entities: z
    .array(
      z.looseObject({
        type: text.nullish(),
        text: text.nullish(),
        mentioned: z.looseObject({ id: id.nullish(), name: text.nullish(), aadObjectId: id.nullish() }).nullish(),
        timezone: text.nullish(),
        localTimezone: text.nullish(),
      }),
    )
    .nullish(),
  // teams-ai reads a message's value as an object (an Action.Submit's data) and cannot route a null one.
  value: z.unknown().refine((v) => v !== null, 'is null'),
  membersAdded: z.array(party).nullish(),
  membersRemoved: z.array(party).nullish(),
});

/** Why a request body is not an activity the bot can take, or null when it is. */
export function unreadableActivity(body: unknown): string | null {
  const parsed = activity.safeParse(body);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'not an activity'}`;
}
