import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { App } from '../../src/app.js';
import type { MentionedPerson } from '../../src/bot.js';
import type { TeamsConversations } from './conversations.js';
import { statusOf } from './errors.js';
import { kindOf, tenantOf } from './ids.js';

/**
 * What Teams says about the people a typed message mentions, by Teams id, for the core (`Inbound.mentions`).
 * A mention entity carries an id and the name as it stood in the message, which the sender can edit, so each
 * person is asked of the team's or chat's roster: someone on it comes with the Entra id and the name the roster
 * gives; an id the roster answers 404 for names no one and is left out. Where the roster cannot be asked (a
 * personal chat holds only the sender and the bot; Teams out of reach) the person comes without a profile, and
 * the core takes the mention only for someone it has met.
 */
export async function checkMentions(
  ctx: TurnContext,
  ids: string[],
  deps: { app: App; known: TeamsConversations },
): Promise<Map<string, MentionedPerson>> {
  const tenant = tenantOf(ctx.activity) ?? '';
  const coreId = (teamsId: string) => deps.known.aadOf(tenant, teamsId) ?? teamsId;
  const found = new Map<string, MentionedPerson>();
  await Promise.all(
    ids.map(async (id) => {
      if (kindOf(ctx.activity) === 'personal') {
        found.set(id, { externalId: coreId(id), profile: null });
        return;
      }
      try {
        const member = await TeamsInfo.getMember(ctx, id);
        const aad = member.aadObjectId || null;
        if (aad) deps.known.learnUser(() => deps.app.store.workspaces.find('teams', tenant)?.id ?? null, tenant, id, aad);
        const externalId = aad ?? coreId(id);
        found.set(id, { externalId, profile: { externalId, displayName: member.name || null } });
      } catch (err) {
        if (statusOf(err) === 404) return;
        deps.app.log.warn({ err }, 'teams roster lookup of a mentioned person failed');
        found.set(id, { externalId: coreId(id), profile: null });
      }
    }),
  );
  return found;
}

/**
 * The people a card action's command mentions (`<@id|…>`, as the core wrote it on a button). An action's data
 * comes back from the client, so nothing in it is taken as a profile: the core takes these only for someone it has met.
 */
export function commandMentions(command: string): MentionedPerson[] {
  const ids = new Set<string>();
  for (const m of command.matchAll(/<@([^|<>\s]+)(?:\|[^<>]*)?>/g)) ids.add(m[1] as string);
  return [...ids].map((externalId) => ({ externalId, profile: null }));
}
