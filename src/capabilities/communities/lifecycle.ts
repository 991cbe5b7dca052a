import { z } from 'zod/v4';
import { recordAudit } from '../../audit.js';
import { UserError } from '../../errors.js';
import { answer, type Context, command, type Delivery, noArguments } from '../../grammar/command.js';
import { quoteName } from '../../grammar/communities.js';
import type { Cursor } from '../../grammar/cursor.js';
import { nameKey } from '../../grammar/names.js';
import { mention, personFor, readMention } from '../../grammar/people.js';
import { localeFor } from '../../i18n/locales.js';
import { translator } from '../../i18n/translate.js';
import type { Community } from '../../store/communities.js';
import { text, view } from '../../views/build.js';
import type { Text } from '../../views/view.js';
import { channelLabel, readName } from './commands.js';
import { archiveCommunity, type FormerChannel, formerChannel, moveCommunity, restoreCommunity } from './lifecycle-store.js';

const MAX_NAME = 80;

/** `in <community>` as a command names it, so that a person can read or restore it from anywhere. */
const inCommunity = (community: Pick<Community, 'name'>) => `in ${quoteName(community.name)}`;

/** `rename <name>`: a lead or coordinator renames the community; no two communities of a workspace share a name. */
export const renameCommand = command({
  words: ['rename'],
  help: 'rename',
  access: 'lead',
  community: 'required',
  schema: z.object({ name: z.string().min(1).max(MAX_NAME) }),
  parse: (c) => ({ name: readName(c) }),
  run: (ctx, { name }) => {
    const { store, workspace, i18n } = ctx;
    const community = ctx.community as Community;
    if (name === community.name) return [answer(view(i18n.locale, [text(i18n.t('lifecycle.rename.same', { community: name }))]))];
    // Archived communities keep their names: `in <name>` still reads them, and restore brings them back as they were.
    const other = store.communities.findByName(workspace.id, name);
    if (other && other.id !== community.id) throw new UserError('error.nameTaken', { name });
    store.communities.rename(workspace.id, community.id, name);
    recordAudit(store, ctx.now, {
      workspaceId: workspace.id,
      actorId: ctx.actor.id,
      communityId: community.id,
      action: 'community.renamed',
      // Only whether the comparison key changed (a new name, or only its spelling): names are user text.
      detail: { keyChanged: nameKey(name) !== nameKey(community.name) },
    });
    return [answer(view(i18n.locale, [text(i18n.t('lifecycle.rename.done', { old: community.name, community: name }))]))];
  },
});

/**
 * `archive`: the community's schedules stop, its history stays readable to its members (`in <name> …`), and its
 * channel is free for a new community. One step, no confirmation: a coordinator undoes it with `restore`.
 */
export const archiveCommand = command({
  words: ['archive'],
  help: 'archive',
  access: 'lead',
  community: 'required',
  ...noArguments,
  run: (ctx) => {
    const { store, workspace, i18n } = ctx;
    const community = ctx.community as Community;
    const jobs = archiveCommunity(store, community, ctx.now);
    const archived: Community = { ...community, archivedAt: ctx.now, channel: null, channelName: null };
    const after = ctx.reactions.communityArchived(ctx, archived);
    recordAudit(store, ctx.now, {
      workspaceId: workspace.id,
      actorId: ctx.actor.id,
      communityId: community.id,
      action: 'community.archived',
      detail: { hadChannel: community.channel !== null, jobsRemoved: jobs },
    });
    const named = inCommunity(community);
    const lines: Text[] = [
      i18n.t('lifecycle.archive.done', { community: community.name }),
      i18n.tr('lifecycle.archive.history', { command: { command: `${named} reflections` } }),
    ];
    if (community.channel) lines.push(i18n.t('lifecycle.archive.channelFree', { channel: channelLabel(community) || community.channel }));
    lines.push(i18n.tr('lifecycle.archive.undo', { command: { command: `${named} restore` } }));
    const deliveries: Delivery[] = [
      answer(
        view(
          i18n.locale,
          lines.map((l) => text(l)),
        ),
      ),
      ...after,
    ];
    // The channel hears it too, in the community's language, unless the asker typed it there for all to read.
    if (community.channel && !(ctx.place.channel === community.channel && ctx.place.seenByOthers)) {
      const team = translator(community.locale);
      deliveries.push({
        to: 'channel',
        community,
        view: view(team.locale, [
          text(team.t('lifecycle.archive.notice', { community: community.name })),
          text(team.tr('lifecycle.archive.history', { command: { command: `${named} reflections` } })),
        ]),
      });
    }
    return deliveries;
  },
});

/** `restore`: a coordinator brings an archived community back; its schedules start again from now. */
export const restoreCommand = command({
  words: ['restore'],
  help: 'restore',
  access: 'coordinator',
  community: 'required',
  archived: 'only',
  ...noArguments,
  run: (ctx) => {
    const { store, workspace, i18n } = ctx;
    const community = ctx.community as Community;
    const former = formerChannel(store, community);
    const free = former !== null && store.communities.findByChannel(workspace.id, former.channel) === null;
    restoreCommunity(store, community, free ? former : null);
    const restored = store.communities.get(workspace.id, community.id) as Community;
    const after = ctx.reactions.communityRestored(ctx, restored);
    recordAudit(store, ctx.now, {
      workspaceId: workspace.id,
      actorId: ctx.actor.id,
      communityId: community.id,
      action: 'community.restored',
      detail: { hadChannel: former !== null, channelBound: free },
    });
    const lines: Text[] = [i18n.t('lifecycle.restore.done', { community: community.name })];
    if (free) lines.push(i18n.t('lifecycle.restore.channel', { channel: channelLabel(restored) || (restored.channel as string) }));
    else if (former)
      lines.push(
        i18n.tr('lifecycle.restore.channelTaken', {
          channel: channelLabel(former) || former.channel,
          command: { command: `${inCommunity(community)} move to #channel` },
        }),
      );
    else lines.push(i18n.tr('lifecycle.restore.noChannel', { command: { command: `${inCommunity(community)} move to #channel` } }));
    return [
      answer(
        view(
          i18n.locale,
          lines.map((l) => text(l)),
        ),
      ),
      ...after,
    ];
  },
});

/**
 * `handover @person`: the community gets a new lead. A lead who types it becomes a member; a coordinator who
 * does not lead it hands it over from every current lead (the one who left the school, say), who become members.
 */
export const handoverCommand = command({
  words: ['handover'],
  help: 'handover',
  access: 'lead',
  community: 'required',
  schema: z.object({ person: z.object({ externalId: z.string(), name: z.string().nullable() }) }),
  parse: (c) => ({ person: readMention(c) }),
  run: (ctx, { person }) => {
    const { store, workspace, actor, i18n } = ctx;
    const community = ctx.community as Community;
    const user = personFor(ctx, person);
    if (user.deactivatedAt !== null) throw new UserError('lifecycle.handover.deactivated', { name: user.displayName });
    const before = store.communities.roleOf(community.id, user.id);
    const handingOwn = ctx.role === 'lead';
    if (handingOwn && user.id === actor.id) throw new UserError('lifecycle.handover.self', { community: community.name });
    const stepping = handingOwn ? [actor.id] : store.communities.leadIds(community.id).filter((id) => id !== user.id);
    if (!handingOwn && before === 'lead' && stepping.length === 0)
      return [answer(view(i18n.locale, [text(i18n.tr('lifecycle.handover.already', { name: mention(user), community: community.name }))]))];
    store.communities.setRole(community.id, user.id, 'lead', ctx.now);
    for (const id of stepping) store.communities.setRole(community.id, id, 'member', ctx.now);
    recordAudit(store, ctx.now, {
      workspaceId: workspace.id,
      actorId: actor.id,
      subjectId: user.id,
      communityId: community.id,
      action: 'community.handedOver',
      detail: { from: before, leadsSteppedDown: stepping.length, ownLead: handingOwn },
    });
    const sends: Delivery[] = [];
    for (const id of [user.id, ...stepping]) {
      const changed = store.users.get(workspace.id, id);
      if (changed) sends.push(...ctx.reactions.membershipChanged(ctx, community, changed));
    }
    const params = { name: mention(user), community: community.name };
    const lines: Text[] = [i18n.tr('lifecycle.handover.done', params)];
    if (handingOwn) lines.push(i18n.t('lifecycle.handover.youMember', { community: community.name }));
    else if (stepping.length) lines.push(i18n.t('lifecycle.handover.othersMember', { count: stepping.length }));
    if (user.id !== actor.id) {
      const theirs = translator(localeFor(user, community));
      sends.push({
        to: 'user',
        user,
        view: view(theirs.locale, [
          text(theirs.tr('lifecycle.handover.toYou', { name: mention(actor), community: community.name })),
          text(theirs.tr('lifecycle.handover.whatNow', { command: { command: `${inCommunity(community)} help` } })),
        ]),
      });
    }
    return [
      answer(
        view(
          i18n.locale,
          lines.map((l) => text(l)),
        ),
      ),
      ...sends,
    ];
  },
});

/** A channel as a command names it: Slack's `<#C123|name>`, `here` (where it is typed), or the console's `#name`. */
type ChannelRef = { kind: 'id'; channel: string; channelName: string | null } | { kind: 'here' } | { kind: 'name'; name: string };

function readChannel(c: Cursor): ChannelRef {
  const tok = c.next();
  if (!tok) throw new UserError('error.missing');
  const raw = tok.value;
  const slack = /^<#([A-Z0-9]{2,40})(?:\|([^<>|]{0,80}))?>$/.exec(raw);
  if (slack) return { kind: 'id', channel: slack[1] as string, channelName: slack[2] || null };
  if (raw.toLowerCase() === 'here') return { kind: 'here' };
  const named = /^#([\p{L}\p{N}_.-]{1,80})$/u.exec(raw);
  if (named) return { kind: 'name', name: named[1] as string };
  throw new UserError('lifecycle.move.badChannel', { value: raw.slice(0, 40) });
}

/**
 * The channel a reference stands for on this platform. Console channels are their names; Slack hands over
 * its channel links; elsewhere (Teams, whose channel mentions name no channel the bot can post in) `here`
 * names the channel the command is typed in.
 */
function channelFor(ctx: Context, ref: ChannelRef): FormerChannel {
  if (ref.kind === 'here') {
    if (!ctx.place.channel) throw new UserError('lifecycle.move.notInChannel');
    return { channel: ctx.place.channel, channelName: ctx.place.channelName };
  }
  if (ref.kind === 'id') return { channel: ref.channel, channelName: ref.channelName };
  if (ctx.workspace.platform === 'console') return { channel: ref.name, channelName: ref.name };
  throw new UserError('lifecycle.move.pickChannel', {
    value: `#${ref.name}`,
    command: { command: `${inCommunity(ctx.community as Community)} move to here` },
  });
}

/** `move to #channel`: the community lives in another channel; its channel reminders go there from now on. */
export const moveToCommand = command({
  words: ['move', 'to'],
  help: 'move to',
  access: 'lead',
  community: 'required',
  schema: z.object({ ref: z.custom<ChannelRef>() }),
  parse: (c) => ({ ref: readChannel(c) }),
  run: (ctx, { ref }) => {
    const { store, workspace, i18n } = ctx;
    const community = ctx.community as Community;
    const target = channelFor(ctx, ref);
    const label = channelLabel(target) || target.channel;
    if (community.channel === target.channel)
      return [answer(view(i18n.locale, [text(i18n.t('lifecycle.move.same', { community: community.name, channel: label }))]))];
    const holder = store.communities.findByChannel(workspace.id, target.channel);
    if (holder) throw new UserError('lifecycle.move.taken', { channel: label, community: holder.name });
    moveCommunity(store, community, target);
    recordAudit(store, ctx.now, {
      workspaceId: workspace.id,
      actorId: ctx.actor.id,
      communityId: community.id,
      action: 'community.moved',
      detail: { hadChannel: community.channel !== null },
    });
    const moved: Community = { ...community, channel: target.channel, channelName: target.channelName, removedFromChannelAt: null };
    const lines = [i18n.t('lifecycle.move.done', { community: community.name, channel: label })];
    // A Slack channel picked from elsewhere may not have the app in it yet; where it was typed, it has.
    if (!(ref.kind === 'here' || ctx.place.channel === target.channel)) lines.push(i18n.t('lifecycle.move.addApp', { channel: label }));
    const team = translator(community.locale);
    return [
      answer(
        view(
          i18n.locale,
          lines.map((l) => text(l)),
        ),
      ),
      { to: 'channel', community: moved, view: view(team.locale, [text(team.t('lifecycle.move.welcome', { community: community.name }))]) },
    ];
  },
});
