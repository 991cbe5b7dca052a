import { DateTime } from 'luxon';
import { z } from 'zod/v4';
import { recordAudit } from '../../audit.js';
import { UserError } from '../../errors.js';
import { answer, type Context, command, type Delivery } from '../../grammar/command.js';
import { quoteName, unknownCommunity } from '../../grammar/communities.js';
import type { Cursor } from '../../grammar/cursor.js';
import { displayName, hasVisible } from '../../grammar/names.js';
import { mention, personFor, readMention } from '../../grammar/people.js';
import { requireText } from '../../grammar/text.js';
import { parseChoice, parseLocale, parseTimeZone } from '../../grammar/values.js';
import type { Locale } from '../../i18n/locales.js';
import { catalogs } from '../../i18n/translate.js';
import { leaveCommunity, mustStay } from '../../membership.js';
import { type Community, ROLES, type Role } from '../../store/communities.js';
import { context, heading, list, text, view } from '../../views/build.js';
import { pageArgument, pageFoot, pageOf } from '../../views/paging.js';
import type { Text } from '../../views/view.js';

const MAX_NAME = 80;

/** Reads a community name: the rest of the line, or one quoted token. */
export function readName(c: Cursor): string {
  const name = displayName(requireText(c.rest(), MAX_NAME).replace(/^["“„«](.*)["”“»]$/s, '$1'));
  if (!hasVisible(name)) throw new UserError('error.nameInvisible');
  if (/["“”„«»#@<>]/.test(name)) throw new UserError('error.unexpected', { value: name });
  return name;
}

/** Reads an optional community name and finds it. */
function readOptionalCommunity(c: Cursor): string | null {
  return c.atEnd() ? null : readName(c);
}

function roleLabel(ctx: Context, role: Role): string {
  return ctx.i18n.t(`role.${role}`);
}

/** Names a channel as a person sees it. */
export function channelLabel(community: Pick<Community, 'channelName'>): string {
  return community.channelName ? `#${community.channelName.replace(/^#/, '')}` : '';
}

/** `create <name>`: a coordinator starts a community; it lives in the channel when that is free. */
export const createCommand = command({
  words: ['create'],
  help: 'create',
  access: 'coordinator',
  community: 'none',
  schema: z.object({ name: z.string().min(1).max(MAX_NAME) }),
  parse: (c) => ({ name: readName(c) }),
  run: (ctx, { name }) => {
    const { store, workspace, actor, place, i18n } = ctx;
    if (store.communities.findByName(workspace.id, name)) throw new UserError('error.nameTaken', { name });
    const channelFree = place.channel !== null && !store.communities.findByChannel(workspace.id, place.channel);
    const community = store.communities.create(
      workspace.id,
      {
        name,
        channel: channelFree ? place.channel : null,
        channelName: channelFree ? place.channelName : null,
        tz: actor.tz ?? ctx.defaultTz,
        locale: i18n.locale,
        createdBy: actor.id,
      },
      ctx.now,
    );
    store.communities.setRole(community.id, actor.id, 'lead', ctx.now);
    recordAudit(store, ctx.now, { workspaceId: workspace.id, actorId: actor.id, communityId: community.id, action: 'community.created' });
    const lines: Text[] = [i18n.tr('create.done', { community: name })];
    lines.push(
      channelFree
        ? i18n.tr('create.channel', { channel: channelLabel(community) || String(place.channel), community: name })
        : i18n.tr('create.noChannel', { community: quoteName(name) }),
    );
    lines.push(i18n.tr('create.next', { join: { command: channelFree ? 'join' : `join ${quoteName(name)}` } }));
    return [
      answer(
        view(
          i18n.locale,
          lines.map((l) => text(l)),
        ),
      ),
    ];
  },
});

/** The community a `join`/`leave` is about: the one named, else the channel's, else the only one. */
function targetCommunity(ctx: Context, name: string | null, mineOnly: boolean): Community {
  const { store, workspace, place, actor } = ctx;
  if (name) {
    const found = store.communities.findByName(workspace.id, name);
    if (!found || found.archivedAt) throw unknownCommunity(store, workspace.id, name);
    return found;
  }
  const here = place.channel ? store.communities.findByChannel(workspace.id, place.channel) : null;
  if (here && !here.archivedAt) return here;
  const candidates = mineOnly
    ? store.communities.ofUser(workspace.id, actor.id).map((m) => m.community)
    : store.communities.list(workspace.id);
  if (candidates.length === 1) return candidates[0] as Community;
  if (candidates.length === 0) {
    throw mineOnly
      ? new UserError('error.notInAnyCommunity', { command: { command: 'communities' } })
      : new UserError('error.noCommunities', { command: { command: 'create <name>' } });
  }
  const verb = mineOnly ? 'leave' : 'join';
  throw new UserError(
    'community.pick',
    {},
    {
      buttons: candidates.slice(0, 25).map((c) => ({ label: c.name, command: `${verb} ${quoteName(c.name)}` })),
    },
  );
}

/** `join [community]`: anyone in the workspace joins as a member. */
export const joinCommand = command({
  words: ['join'],
  help: 'join',
  access: 'anyone',
  community: 'none',
  schema: z.object({ name: z.string().nullable() }),
  parse: (c) => ({ name: readOptionalCommunity(c) }),
  run: (ctx, { name }) => {
    const community = targetCommunity(ctx, name, false);
    const { store, actor, i18n } = ctx;
    if (store.communities.roleOf(community.id, actor.id)) {
      return [answer(view(i18n.locale, [text(i18n.t('join.already', { community: community.name }))]))];
    }
    store.communities.setRole(community.id, actor.id, 'member', ctx.now);
    return [answer(view(i18n.locale, [text(i18n.t('join.done', { community: community.name }))]))];
  },
});

/** `leave [community]`: a member leaves; the last lead must hand over first. */
export const leaveCommand = command({
  words: ['leave'],
  help: 'leave',
  access: 'anyone',
  community: 'none',
  schema: z.object({ name: z.string().nullable() }),
  parse: (c) => ({ name: readOptionalCommunity(c) }),
  run: (ctx, { name }) => {
    const community = targetCommunity(ctx, name, true);
    const { actor, i18n } = ctx;
    const leaving = leaveCommunity(ctx, ctx.reactions, community, actor);
    if (leaving.outcome === 'notMember')
      return [answer(view(i18n.locale, [text(i18n.t('leave.notMember', { community: community.name }))]))];
    if (leaving.outcome === 'onlyLead') throw new UserError('error.lastLead', { name: actor.displayName, community: community.name });
    return [answer(view(i18n.locale, [text(i18n.t('leave.done', { community: community.name }))])), ...leaving.deliveries];
  },
});

/** `members`: who belongs to the community, with roles; guests see no member list. */
export const membersCommand = command({
  words: ['members'],
  readOnly: true,
  help: 'members',
  access: 'participant',
  community: 'required',
  ...pageArgument,
  run: (ctx, args) => {
    const { store, i18n } = ctx;
    const community = ctx.community as Community;
    const members = store.communities.members(community.id);
    const page = pageOf(members, args.page);
    const items = page.items.map((m) => i18n.t('members.line', { name: m.displayName, role: roleLabel(ctx, m.role) }));
    return [
      answer(
        view(i18n.locale, [
          heading(i18n.t('members.title', { community: community.name, count: members.length })),
          items.length ? list(items) : text(i18n.t('members.none')),
          ...pageFoot(ctx, page, 'members'),
        ]),
      ),
    ];
  },
});

/** `communities`: the communities of the workspace, the asker's own marked with their role. */
export const communitiesCommand = command({
  words: ['communities'],
  readOnly: true,
  help: 'communities',
  access: 'anyone',
  community: 'none',
  ...pageArgument,
  run: (ctx, args) => {
    const { store, workspace, actor, i18n } = ctx;
    const all = store.communities.list(workspace.id);
    const mine = new Map(store.communities.ofUser(workspace.id, actor.id).map((m) => [m.community.id, m.role]));
    const page = pageOf(all, args.page);
    const items = page.items.map((c) => {
      const count = store.communities.memberCount(c.id);
      const role = mine.get(c.id);
      const line = role
        ? i18n.t('communities.lineMine', { community: c.name, count, role: roleLabel(ctx, role) })
        : i18n.t('communities.line', { community: c.name, count });
      return c.channelName ? `${line} · ${i18n.t('communities.channel', { channel: channelLabel(c) })}` : line;
    });
    const blocks = [heading(i18n.t('communities.title', { count: all.length }))];
    blocks.push(items.length ? list(items) : text(i18n.tr('communities.none', { command: { command: 'create <name>' } })));
    blocks.push(...pageFoot(ctx, page, 'communities'));
    // Archived communities stay readable to their members (and coordinators), named with `in <name>`.
    const archived = store.communities
      .archived(workspace.id)
      .filter((c) => actor.isCoordinator || store.communities.roleOf(c.id, actor.id) !== null);
    if (archived.length > 0) {
      const names = archived.slice(0, 20).map((c) => c.name);
      blocks.push(
        context(
          i18n.tr('communities.archived', {
            count: archived.length,
            names: names.join(', '),
            command: { command: `in ${quoteName(names[0] as string)} reflections` },
          }),
        ),
      );
    }
    return [answer(view(i18n.locale, blocks))];
  },
});

/** `role @person <role>`: a lead or coordinator sets someone's role, adding them when new. */
export const roleCommand = command({
  words: ['role'],
  help: 'role',
  access: 'lead',
  community: 'required',
  schema: z.object({ person: z.object({ externalId: z.string(), name: z.string().nullable() }), role: z.enum(ROLES) }),
  parse: (c) => {
    const person = readMention(c);
    const tok = c.next();
    if (!tok) throw new UserError('error.missing');
    return { person, role: parseChoice(tok.value, ROLES) };
  },
  run: (ctx, { person, role }) => {
    const { store, i18n } = ctx;
    const community = ctx.community as Community;
    const user = personFor(ctx, person);
    const current = store.communities.roleOf(community.id, user.id);
    const params = { name: mention(user), role: roleLabel(ctx, role), community: community.name };
    if (current === role) return [answer(view(i18n.locale, [text(i18n.tr('role.same', params))]))];
    // The same rule as for leaving: the only lead steps down only once nobody else would be left without one.
    const leads = store.communities.leadCount(community.id);
    if (current === 'lead' && role !== 'lead' && mustStay({ role: current, leads, members: store.communities.memberCount(community.id) })) {
      throw new UserError('error.lastLead', { name: user.displayName, community: community.name });
    }
    store.communities.setRole(community.id, user.id, role, ctx.now);
    recordAudit(store, ctx.now, {
      workspaceId: community.workspaceId,
      actorId: ctx.actor.id,
      subjectId: user.id,
      communityId: community.id,
      action: 'role.changed',
      detail: { from: current, to: role },
    });
    const sends = ctx.reactions.membershipChanged(ctx, community, user);
    return [answer(view(i18n.locale, [text(i18n.tr(current ? 'role.done' : 'role.added', params))])), ...sends];
  },
});

/** `settings tz <zone>` and `settings lang <code>`: the community's time zone and default language. */
export const settingsCommand = command({
  words: ['settings'],
  help: 'settings',
  access: 'lead',
  community: 'required',
  schema: z.discriminatedUnion('setting', [
    z.object({ setting: z.literal('tz'), zone: z.string() }),
    z.object({ setting: z.literal('lang'), locale: z.enum(['en', 'de', 'da', 'nl', 'ar']) }),
  ]),
  parse: (c) => {
    const which = c.next();
    if (!which) throw new UserError('error.missing');
    const setting = parseChoice(which.value, ['tz', 'lang'] as const);
    const value = c.next();
    if (!value) throw new UserError('error.missing');
    return setting === 'tz' ? { setting, zone: parseTimeZone(value.value) } : { setting, locale: parseLocale(value.value) };
  },
  run: (ctx, args): Delivery[] => {
    const { store, workspace, i18n } = ctx;
    const community = ctx.community as Community;
    recordAudit(store, ctx.now, {
      workspaceId: workspace.id,
      actorId: ctx.actor.id,
      communityId: community.id,
      action: 'settings.changed',
      detail:
        args.setting === 'tz'
          ? { setting: 'tz', from: community.tz, to: args.zone }
          : { setting: 'lang', from: community.locale, to: args.locale },
    });
    if (args.setting === 'tz') {
      store.communities.setTimeZone(workspace.id, community.id, args.zone);
      const time = DateTime.fromMillis(ctx.now, { zone: args.zone }).toFormat('HH:mm');
      const done = text(i18n.t('settings.tz.done', { community: community.name, zone: args.zone, time }));
      // Each capability keeps its schedules at the same local wall-clock time in the new zone, and says so.
      const after = ctx.reactions.timeZoneChanged(ctx, { ...community, tz: args.zone }, community.tz);
      const notes = after.filter((d) => d.to === 'asker').flatMap((d) => d.view.blocks);
      return [answer(view(i18n.locale, [done, ...notes])), ...after.filter((d) => d.to !== 'asker')];
    }
    store.communities.setLocale(workspace.id, community.id, args.locale);
    return [
      answer(view(i18n.locale, [text(i18n.t('settings.lang.done', { community: community.name, language: languageName(args.locale) }))])),
    ];
  },
});

/** A language as its own speakers name it ("Deutsch", "العربية"). */
function languageName(locale: Locale): string {
  return catalogs()[locale]['language.name'];
}
