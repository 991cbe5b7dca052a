import type { CoreEnv } from './capability.js';
import type { FirstContact } from './first-contact.js';
import type { Delivery } from './grammar/command.js';
import { quoteName } from './grammar/communities.js';
import { localeFor } from './i18n/locales.js';
import { translator } from './i18n/translate.js';
import type { Logger } from './log.js';
import { leaveCommunity } from './membership.js';
import type { Clock, Platform } from './ports.js';
import type { ReactionBus } from './reactions.js';
import type { Community } from './store/communities.js';
import type { Store } from './store/store.js';
import type { UserProfile } from './store/users.js';
import type { Workspace } from './store/workspaces.js';
import { text, view } from './views/build.js';

/** A workspace as its platform names it. */
export interface WorkspaceRef {
  platform: Platform;
  externalId: string;
  name?: string | null;
}

/**
 * Something that happened on a platform, in the core's words. The adapter reports it and sends what the core
 * answers; the core handles it once, the same whichever platform it came from. People are named by their
 * platform id and whatever the platform told about them; channels by the platform's id, as `Place.channel`.
 */
export type PlatformEvent =
  // A person joined the channel a community lives in: they are offered to join the community.
  | { kind: 'joinedChannel'; workspace: WorkspaceRef; person: UserProfile; channel: string }
  // A person left the channel a community lives in: they leave the community, unless they are its only lead.
  | { kind: 'left'; workspace: WorkspaceRef; person: UserProfile; channel: string }
  // A person was deactivated on their platform: away from every community, they receive nothing more.
  | { kind: 'deactivated'; workspace: WorkspaceRef; person: UserProfile }
  // A person deactivated earlier is active again.
  | { kind: 'reactivated'; workspace: WorkspaceRef; person: UserProfile }
  // A person installed the app: for the whole workspace or themselves (no channels), or in a team's channels.
  | { kind: 'installed'; workspace: WorkspaceRef; person: UserProfile; channels: readonly string[] }
  // The app was removed from these channels (a team's, a group chat); `person` removed it, when the platform says.
  | { kind: 'uninstalled'; workspace: WorkspaceRef; person: UserProfile | null; channels: readonly string[] };

/** What the core answers an event with: where it happened, and the messages to send. */
export interface Reported {
  workspace: Workspace;
  /**
   * Messages to send after the commit. `asker` is a private answer to the person the event is about, where it
   * happened (on Slack only they see it in the channel); the others go through the messenger.
   */
  deliveries: Delivery[];
  /** The instant it was handled at, from the clock. */
  now: number;
}

export interface PlatformEventsDeps {
  store: Store;
  clock: Clock;
  reactions: ReactionBus;
  log: Logger;
  /** Opens the first message to each person with the bot's introduction; without it, none does. */
  firstContact?: FirstContact;
}

/**
 * The core's side of platform events: each runs in one store transaction, applies the same rules as the
 * commands (the one leave rule, the first coordinator) and tells the capabilities through the same reactions.
 */
export class PlatformEvents {
  constructor(private readonly deps: PlatformEventsDeps) {}

  /** Handles one event; null when it is about a workspace the core never knew. Never throws: a bug is logged, nothing changes. */
  handle(e: PlatformEvent): Reported | null {
    const { store, clock, log } = this.deps;
    const now = clock.now().getTime();
    try {
      return store.transaction(() => {
        const workspace =
          e.kind === 'installed'
            ? store.workspaces.ensure(e.workspace.platform, e.workspace.externalId, e.workspace.name ?? null, now).workspace
            : store.workspaces.find(e.workspace.platform, e.workspace.externalId);
        if (!workspace) return null;
        const deliveries = this.#apply(e, workspace, { store, now, log });
        return { workspace, deliveries: this.#introduced(e, workspace, deliveries, now), now };
      });
    } catch (err) {
      log.error({ err, event: e.kind }, 'platform event failed');
      return null;
    }
  }

  /** The event's messages with the introduction opening the first to each person the bot knows and has not introduced. */
  #introduced(e: PlatformEvent, workspace: Workspace, deliveries: Delivery[], now: number): Delivery[] {
    const first = this.deps.firstContact;
    if (!first) return deliveries;
    // A private answer goes to the person the event is about; one the bot has never met (offered to join a
    // community's channel) is not kept just for this, and meets the bot with their first command.
    const person =
      deliveries.some((d) => d.to === 'asker') && e.person ? this.deps.store.users.findByExternal(workspace.id, e.person.externalId) : null;
    return first.introduce(deliveries, person ? { user: person, seenByOthers: false } : null, now);
  }

  #apply(e: PlatformEvent, workspace: Workspace, env: CoreEnv): Delivery[] {
    switch (e.kind) {
      case 'joinedChannel':
        return this.#offerToJoin(env, workspace, e.person, e.channel);
      case 'left':
        return this.#left(env, workspace, e.person, e.channel);
      case 'deactivated': {
        const user = env.store.users.findByExternal(workspace.id, e.person.externalId);
        if (!user || user.deactivatedAt !== null) return [];
        env.store.users.setDeactivated(workspace.id, user.id, env.now);
        return this.deps.reactions.away(env, { ...user, deactivatedAt: env.now });
      }
      case 'reactivated': {
        const user = env.store.users.findByExternal(workspace.id, e.person.externalId);
        if (user && user.deactivatedAt !== null) env.store.users.setDeactivated(workspace.id, user.id, null);
        return [];
      }
      case 'installed':
        return this.#installed(env, workspace, e.person, e.channels);
      case 'uninstalled':
        return this.#uninstalled(env, workspace, e.person, e.channels);
    }
  }

  /** Offers someone new in a community's channel to join it, in their language; only they see it. */
  #offerToJoin(env: CoreEnv, workspace: Workspace, person: UserProfile, channel: string): Delivery[] {
    const { store } = env;
    const community = store.communities.findByChannel(workspace.id, channel);
    if (!community || community.archivedAt) return [];
    const user = store.users.findByExternal(workspace.id, person.externalId);
    if (user && (user.deactivatedAt !== null || store.communities.roleOf(community.id, user.id))) return [];
    const i18n = translator(
      localeFor({ lang: user?.lang ?? null, platformLocale: person.platformLocale ?? user?.platformLocale ?? null }, community),
    );
    const offer = view(i18n.locale, [
      text(i18n.tr('event.joinOffer', { community: community.name })),
      {
        type: 'actions',
        buttons: [
          {
            label: i18n.t('event.joinButton', { community: community.name }),
            command: `join ${quoteName(community.name)}`,
            style: 'primary',
          },
        ],
      },
    ]);
    return [{ to: 'asker', view: offer }];
  }

  /** Someone left a community's channel: they leave the community, by the rule `leave` follows. */
  #left(env: CoreEnv, workspace: Workspace, person: UserProfile, channel: string): Delivery[] {
    const community = env.store.communities.findByChannel(workspace.id, channel);
    const user = community ? env.store.users.findByExternal(workspace.id, person.externalId) : null;
    if (!community || !user) return [];
    const leaving = leaveCommunity(env, this.deps.reactions, community, user);
    if (leaving.outcome === 'left') return leaving.deliveries;
    if (leaving.outcome === 'notMember') return [];
    // The only lead who leaves the channel while others remain stays a lead and stays a member, as `leave`
    // would refuse them: a community is not left without anyone to run it by a click in the channel. They are
    // told so privately, with how to hand over.
    const i18n = translator(localeFor(user, community));
    const line = i18n.tr('event.onlyLead', { community: community.name, command: { command: 'role @person lead' } });
    return [{ to: 'user', user, view: view(i18n.locale, [text(line)]) }];
  }

  /**
   * The app was installed: channels it was removed from are posted to again, and the installer becomes the
   * workspace's coordinator when it has none, as the first person to use the bot does.
   */
  #installed(env: CoreEnv, workspace: Workspace, person: UserProfile, channels: readonly string[]): Delivery[] {
    const { store } = env;
    for (const community of this.#communitiesIn(env, workspace, channels)) {
      if (community.removedFromChannelAt !== null) store.communities.setRemovedFromChannel(workspace.id, community.id, null);
    }
    const user = store.users.upsert(workspace.id, person, env.now);
    if (store.users.coordinatorCount(workspace.id) > 0) {
      // Installed for themselves (no channels): a hello in their chat, which is also where the bot first writes
      // to them, so it carries the introduction. A team's install says nothing to the person who added it.
      if (channels.length > 0) return [];
      const i18n = translator(localeFor(user, null));
      return [{ to: 'user', user, view: view(i18n.locale, [text(i18n.tr('event.welcome', { command: { command: 'help' } }))]) }];
    }
    store.users.setCoordinator(workspace.id, user.id, true);
    const i18n = translator(localeFor(user, null));
    const welcome = view(i18n.locale, [text(i18n.tr('event.installed', { command: { command: 'create <name>' } }))]);
    return [{ to: 'user', user: { ...user, isCoordinator: true }, view: welcome }];
  }

  /**
   * The app was removed from channels: the communities living there are marked, so nothing is posted to a
   * channel the app cannot reach, and their leads hear why reminders stopped. Telling them once is enough.
   */
  #uninstalled(env: CoreEnv, workspace: Workspace, person: UserProfile | null, channels: readonly string[]): Delivery[] {
    const { store } = env;
    const out: Delivery[] = [];
    for (const community of this.#communitiesIn(env, workspace, channels)) {
      if (community.removedFromChannelAt !== null) continue;
      store.communities.setRemovedFromChannel(workspace.id, community.id, env.now);
      env.log.info({ community: community.id, by: person?.externalId ?? null }, 'app removed from a community’s channel');
      if (community.archivedAt) continue;
      for (const id of store.communities.leadIds(community.id)) {
        const lead = store.users.get(workspace.id, id);
        if (!lead) continue;
        const i18n = translator(localeFor(lead, community));
        out.push({ to: 'user', user: lead, view: view(i18n.locale, [text(i18n.tr('event.appRemoved', { community: community.name }))]) });
      }
    }
    return out;
  }

  #communitiesIn(env: CoreEnv, workspace: Workspace, channels: readonly string[]): Community[] {
    return [...new Set(channels)].flatMap((channel) => env.store.communities.findByChannel(workspace.id, channel) ?? []);
  }
}
