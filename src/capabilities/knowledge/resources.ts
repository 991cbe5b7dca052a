import { z } from 'zod/v4';
import { UserError } from '../../errors.js';
import { checkAccess, leadsHere } from '../../grammar/access.js';
import { answer, type Context, command, type Delivery } from '../../grammar/command.js';
import { requireText } from '../../grammar/text.js';
import { parseRef } from '../../grammar/values.js';
import { fold, searchIndex } from '../../search/index.js';
import type { Community } from '../../store/communities.js';
import type { User } from '../../store/users.js';
import { heading, list, text, view } from '../../views/build.js';
import { pageFoot, pageOf, parsePage } from '../../views/paging.js';
import { readShared, tagFilter } from './domain/share.js';
import { queueWeeklyNote } from './jobs.js';
import { library } from './store/index.js';
import type { Resource } from './store/library.js';
import { refLabel, resourceLine } from './views.js';

/** The search source of a resource. */
export const RESOURCE_SOURCE = 'resource';

/** What the search index keeps of a resource. */
export const resourceDocument = (r: Resource) =>
  ({ ref: r.ref, source: RESOURCE_SOURCE, text: r.text, at: r.sharedAt, readers: { kind: 'community' } }) as const;

/** Keeps a new resource, in the index too, and has the week's library note sent. */
function keep(
  ctx: Context,
  community: Community,
  r: { url: string | null; text: string; tags: { key: string; tag: string }[]; authorId: number | null; savedFromMessage: boolean },
): Resource {
  const ref = ctx.store.workspaces.nextRef(community.workspaceId);
  const resource = library(ctx.store).addResource(
    { workspaceId: community.workspaceId, communityId: community.id, ref, sharerId: ctx.actor.id, ...r },
    ctx.now,
  );
  searchIndex(ctx.store).put(community, resourceDocument(resource));
  queueWeeklyNote(ctx.store, community, ctx.now);
  return resource;
}

/** `share [#tag …] <URL or text>`: a link, a lesson idea or a protocol for the community's library. */
export const shareCommand = command({
  words: ['share'],
  help: 'share',
  access: 'member',
  community: 'required',
  schema: z.object({ text: z.string() }),
  parse: (c) => ({ text: requireText(c.rest()) }),
  run: (ctx, { text: written }) => {
    const community = ctx.community as Community;
    const shared = readShared(written);
    const resource = keep(ctx, community, { ...shared, authorId: null, savedFromMessage: false });
    const line = ctx.i18n.t('knowledge.shared', { ref: refLabel(resource.ref), community: community.name });
    return [answer(view(ctx.i18n.locale, [text(line)]))];
  },
});

/** The author of a saved message as a person of the workspace, when the platform vouched for them. */
function authorOf(ctx: Context): User | null {
  const author = ctx.saved?.author;
  if (!author) return null;
  if (author.profile) return ctx.store.users.upsert(ctx.workspace.id, { ...author.profile, externalId: author.externalId }, ctx.now);
  return ctx.store.users.findByExternal(ctx.workspace.id, author.externalId);
}

/**
 * `save`: what "Save to PLC library" runs on a message in a community's channel. Only a message action brings
 * the message (`ctx.saved`); typed, the command says where to find the action. A message outside a
 * community's own channel (a DM, a private conversation, another channel) is never saved.
 */
export const saveCommand = command({
  words: ['save'],
  help: 'save',
  access: 'anyone',
  community: 'none',
  schema: z.object({}),
  parse: (c) => {
    c.rest();
    return {};
  },
  run: (ctx) => {
    const { store, i18n } = ctx;
    const saved = ctx.saved;
    if (!saved) throw new UserError('knowledge.error.saveFromMenu');
    const channel = ctx.place.channel;
    const community = channel ? store.communities.findByChannel(ctx.workspace.id, channel) : null;
    if (!community || community.archivedAt) throw new UserError('knowledge.error.saveChannelOnly');
    const role = store.communities.roleOf(community.id, ctx.actor.id);
    checkAccess('member', { actor: ctx.actor, role, community });
    const written = requireText(saved.text);
    const shared = readShared(written);
    const author = authorOf(ctx);
    const resource = keep(ctx, community, { ...shared, authorId: author?.id ?? null, savedFromMessage: author !== null });
    const line = i18n.t('knowledge.saved', { ref: refLabel(resource.ref), community: community.name });
    return [answer(view(i18n.locale, [text(line)]))];
  },
});

/** `resources [page <n>] [#tag | words]`: the library, pinned first, then newest, ten at a time. */
export const resourcesCommand = command({
  words: ['resources'],
  help: 'resources',
  readOnly: true,
  access: 'member',
  community: 'required',
  schema: z.object({ page: z.number().int().positive(), filter: z.string() }),
  parse: (c) => {
    const page = parsePage(c);
    return { page, filter: requireFilter(c.rest()) };
  },
  run: (ctx, { page, filter }) => {
    const { store, i18n } = ctx;
    const community = ctx.community as Community;
    const tag = filter ? tagFilter(filter) : null;
    let all = library(store).resources(community.id, tag);
    if (filter && !tag) {
      const words = fold(filter).split(' ');
      all = all.filter((r) => {
        const folded = fold(r.text);
        return words.every((w) => folded.includes(w));
      });
    }
    const title = !filter
      ? i18n.t('knowledge.resources.title', { community: community.name })
      : i18n.t('knowledge.resources.filtered', { community: community.name, filter });
    const p = pageOf(all, page);
    const blocks = [heading(title)];
    if (all.length === 0)
      blocks.push(
        text(
          filter
            ? i18n.t('knowledge.resources.noMatch')
            : i18n.tr('knowledge.resources.none', { command: { command: 'share <link or text>' } }),
        ),
      );
    else blocks.push(list(p.items.map((r) => resourceLine(r, i18n, community.tz))));
    blocks.push(...pageFoot(ctx, p, 'resources', filter));
    return [answer(view(i18n.locale, blocks))];
  },
});

/** A filter of the library: one tag or a few words; nothing is the whole library. */
function requireFilter(raw: string): string {
  const filter = raw.trim();
  return filter ? requireText(filter, 200) : '';
}

function resourceByRef(ctx: Context, community: Community, ref: number): Resource {
  const found = library(ctx.store).resourceByRef(community.id, ref);
  if (!found) throw new UserError('knowledge.error.noResource', { ref: refLabel(ref), community: community.name });
  return found;
}

const curates = (ctx: Context) => leadsHere(ctx) || ctx.role === 'curator';

const refGrammar = {
  schema: z.object({ ref: z.number().int().positive() }),
  parse: (c: { next(): { value: string } | null }) => {
    const tok = c.next();
    if (!tok) throw new UserError('error.missing');
    return { ref: parseRef(tok.value) };
  },
};

/** `resource remove #n`: the person who shared it, the author of the message it was saved from, a curator or a lead. */
export const resourceRemoveCommand = command({
  words: ['resource', 'remove'],
  help: 'resource',
  access: 'member',
  community: 'required',
  ...refGrammar,
  run: (ctx, { ref }): Delivery[] => {
    const community = ctx.community as Community;
    const resource = resourceByRef(ctx, community, ref);
    const mine = resource.sharerId === ctx.actor.id || resource.authorId === ctx.actor.id;
    if (!mine && !curates(ctx)) throw new UserError('knowledge.error.notYours', { ref: refLabel(ref) });
    library(ctx.store).removeResource(resource.id);
    searchIndex(ctx.store).remove({ communityId: community.id, source: RESOURCE_SOURCE, ref });
    return [answer(view(ctx.i18n.locale, [text(ctx.i18n.t('knowledge.removed', { ref: refLabel(ref) }))]))];
  },
});

/** `resource pin #n` and `resource unpin #n`: a curator or a lead puts a resource at the head of the library (and of home). */
function pinCommand(pin: boolean) {
  return command({
    words: ['resource', pin ? 'pin' : 'unpin'],
    help: 'resource',
    access: 'member',
    community: 'required',
    ...refGrammar,
    run: (ctx, { ref }): Delivery[] => {
      const community = ctx.community as Community;
      if (!curates(ctx)) throw new UserError('knowledge.error.notCurator', { community: community.name });
      const resource = resourceByRef(ctx, community, ref);
      const label = refLabel(ref);
      let key: 'knowledge.pinned' | 'knowledge.unpinned' | 'knowledge.alreadyPinned' | 'knowledge.notPinned';
      if (pin) key = resource.pinnedAt === null ? 'knowledge.pinned' : 'knowledge.alreadyPinned';
      else key = resource.pinnedAt !== null ? 'knowledge.unpinned' : 'knowledge.notPinned';
      if (key === 'knowledge.pinned' || key === 'knowledge.unpinned') library(ctx.store).setPinned(resource.id, pin ? ctx.now : null);
      return [answer(view(ctx.i18n.locale, [text(ctx.i18n.t(key, { ref: label }))]))];
    },
  });
}

export const resourcePinCommand = pinCommand(true);
export const resourceUnpinCommand = pinCommand(false);
