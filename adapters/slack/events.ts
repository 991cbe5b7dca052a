import type { Installation, webApi } from '@slack/bolt';
import type { App } from '../../src/app.js';
import { deliver } from '../../src/delivery.js';
import type { PlatformEvent, WorkspaceRef } from '../../src/platform-events.js';
import type { UserProfile } from '../../src/store/users.js';
import type { View } from '../../src/views/view.js';
import type { ProfileCache } from './profiles.js';
import type { SlackMessenger } from './send.js';

type WebClient = webApi.WebClient;

/** What reporting a platform event needs from the adapter. */
export interface EventDeps {
  app: App;
  messenger: SlackMessenger;
  profiles: ProfileCache;
}

/** A Slack team, as the core names workspaces. */
export function slackWorkspace(teamId: string, name?: string | null): WorkspaceRef {
  return { platform: 'slack', externalId: teamId, name: name ?? null };
}

/** A person with what `users.info` says about them (cached): for events whose answer speaks to them. */
export async function slackPerson(profiles: ProfileCache, client: WebClient, teamId: string, userId: string): Promise<UserProfile> {
  const profile = await profiles.get(client, teamId, userId);
  return {
    externalId: userId,
    displayName: profile?.displayName ?? null,
    platformLocale: profile?.locale ?? null,
    tz: profile?.tz ?? null,
  };
}

/**
 * Reports what happened on Slack to the core and sends its answer: a private answer to the person through
 * `privately` (a join offer, shown only to them in the channel), everything else through the messenger.
 */
export async function report(deps: EventDeps, event: PlatformEvent, privately?: (v: View) => Promise<void>): Promise<void> {
  const reported = deps.app.events.handle(event);
  if (!reported) return;
  const { log } = deps.app;
  const answer = privately ?? (async () => log.warn({ event: event.kind }, 'a private answer to a slack event has nowhere to go'));
  await deliver(reported.deliveries, reported.workspace, deps.messenger, answer, log, reported.now);
}

/** The app was installed through OAuth: the core hears who installed it in which workspace. */
export async function reportInstall(deps: EventDeps, client: WebClient, installation: Installation): Promise<void> {
  const teamId = installation.team?.id;
  if (!teamId) return;
  const person = await slackPerson(deps.profiles, client, teamId, installation.user.id);
  await report(deps, { kind: 'installed', workspace: slackWorkspace(teamId, installation.team?.name), person, channels: [] });
}
