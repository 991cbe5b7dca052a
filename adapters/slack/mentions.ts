import type { webApi } from '@slack/bolt';
import type { MentionedPerson } from '../../src/bot.js';
import type { UserProfile } from '../../src/store/users.js';
import type { ProfileCache } from './profiles.js';
import type { SlackProfile } from './receive.js';

type WebClient = webApi.WebClient;

/**
 * What Slack says about the people a command mentions, for the core (`Inbound.mentions`): each one Slack
 * knows, with their `users.info` profile (cached, so someone the bot has met costs nothing); someone Slack
 * could not be asked about, without a profile; and nobody for an id Slack does not know.
 */
export async function checkMentions(profiles: ProfileCache, client: WebClient, teamId: string, ids: string[]): Promise<MentionedPerson[]> {
  const found = await Promise.all(
    ids.map(async (id): Promise<MentionedPerson | null> => {
      const looked = await profiles.lookup(client, teamId, id);
      if (looked === 'unknown') return null;
      return { externalId: id, profile: looked === 'unreachable' ? null : asUserProfile(id, looked) };
    }),
  );
  return found.filter((m) => m !== null);
}

/** The same from the cache alone, for an answer in the ack; undefined when someone must be looked up first. */
export function cachedMentions(profiles: ProfileCache, teamId: string, ids: string[]): MentionedPerson[] | undefined {
  const found: MentionedPerson[] = [];
  for (const id of ids) {
    const profile = profiles.peek(teamId, id);
    if (profile === undefined) return undefined;
    if (profile) found.push({ externalId: id, profile: asUserProfile(id, profile) });
  }
  return found;
}

/** A Slack profile as the core stores people: the name Slack shows, their locale and time zone. */
export function asUserProfile(userId: string, p: SlackProfile): UserProfile {
  return { externalId: userId, displayName: p.displayName, platformLocale: p.locale, tz: p.tz };
}
