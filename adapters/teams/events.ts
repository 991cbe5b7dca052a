import type { Activity, TurnContext } from 'botbuilder';
import { deliver } from '../../src/delivery.js';
import type { PlatformEvent, WorkspaceRef } from '../../src/platform-events.js';
import type { UserProfile } from '../../src/store/users.js';
import { baseConversationId, kindOf, personId, teamOf, tenantOf } from './ids.js';
import { timeZoneOf } from './receive.js';
import type { TurnDeps } from './turn.js';

/**
 * Teams activities that are platform events for the core: people removed from a team or chat, the app
 * installed or removed. The adapter keeps its own memory of conversations right; the core does the rest.
 */

/** `installationUpdate`: the app was added (by `from`) or removed, for a person, a team or a group chat. */
export async function onInstallationUpdate(ctx: TurnContext, deps: TurnDeps): Promise<void> {
  const action = (ctx.activity as Partial<Activity> & { action?: string }).action ?? '';
  if (action.startsWith('remove')) return appRemoved(ctx, deps);
  if (!action.startsWith('add')) return;
  const a = ctx.activity;
  const tenant = tenantOf(a);
  const person = personOf(a);
  if (!tenant || !person) return;
  const channels = placesOf(ctx, deps);
  // The General channel was heard from just now; the team's other channels are reachable again too.
  for (const channel of channels) deps.known.reopen(tenant, channel);
  await report(deps, { kind: 'installed', workspace: workspaceOf(tenant), person, channels });
}

/** `conversationUpdate` with `membersRemoved`: people left a team or group chat, or the bot was taken out of it. */
export async function onMembersRemoved(ctx: TurnContext, deps: TurnDeps): Promise<void> {
  const a = ctx.activity;
  const tenant = tenantOf(a);
  const removed = a.membersRemoved ?? [];
  if (removed.some((m) => m.id === a.recipient?.id)) return appRemoved(ctx, deps);
  if (!tenant) return;
  const channels = placesOf(ctx, deps);
  for (const member of removed) {
    const externalId = member.aadObjectId ?? deps.known.aadOf(tenant, member.id) ?? member.id;
    // Leaving a team is leaving each of its channels, and a community may live in any of them.
    for (const channel of channels) await report(deps, { kind: 'left', workspace: workspaceOf(tenant), person: { externalId }, channel });
  }
}

/**
 * The app was removed: the adapter marks the conversations gone (never sent to until Teams tells the bot
 * about them again), and the core records it for the communities living there. A person removing the app
 * from their own chat is the adapter's alone: their memberships and duties do not change.
 */
async function appRemoved(ctx: TurnContext, deps: TurnDeps): Promise<void> {
  const a = ctx.activity;
  const now = deps.app.clock.now().getTime();
  const tenant = tenantOf(a);
  if (!tenant) return;
  if (kindOf(a) === 'personal') {
    // 410 marks "Teams told us", as opposed to a 403/404 the connector answered.
    if (a.conversation?.id) deps.known.markGone(tenant, a.conversation.id, 410, now);
    return;
  }
  const channels = placesOf(ctx, deps);
  for (const channel of channels) deps.known.markGone(tenant, channel, 410, now);
  await report(deps, { kind: 'uninstalled', workspace: workspaceOf(tenant), person: personOf(a), channels });
}

/** Reports an event to the core and sends its answer; a private answer to the person goes to their personal chat. */
async function report(deps: TurnDeps, event: PlatformEvent): Promise<void> {
  const reported = deps.app.events.handle(event);
  if (!reported) return;
  const { workspace } = reported;
  const to = event.person?.externalId;
  await deliver(
    reported.deliveries,
    workspace,
    deps.messenger,
    async (v) => {
      if (to) await deps.messenger.send({ platform: 'teams', externalId: workspace.externalId }, { kind: 'user', user: to }, v);
    },
    deps.app.log,
    reported.now,
  );
}

/**
 * The channels an activity in a team or group chat is about: the conversation itself and, in a team, every
 * channel of it the bot has heard from (Teams reports team events once, on the General channel).
 */
function placesOf(ctx: TurnContext, deps: TurnDeps): string[] {
  const a = ctx.activity;
  const tenant = tenantOf(a);
  if (kindOf(a) === 'personal' || !a.conversation?.id) return [];
  const here = baseConversationId(a.conversation.id);
  const team = teamOf(a);
  return [...new Set(team && tenant ? [here, team, ...deps.known.channelsOfTeam(tenant, team)] : [here])];
}

function workspaceOf(tenant: string): WorkspaceRef {
  return { platform: 'teams', externalId: tenant };
}

/** The sender, with what Teams tells about them: name, locale and time zone. */
function personOf(a: Partial<Activity>): UserProfile | null {
  const externalId = personId(a.from);
  if (!externalId) return null;
  return { externalId, displayName: a.from?.name ?? null, platformLocale: a.locale ?? null, tz: timeZoneOf(a) };
}
