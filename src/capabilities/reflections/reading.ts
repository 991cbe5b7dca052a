import { z } from 'zod/v4';
import { UserError } from '../../errors.js';
import { answer, type Context, command, type Delivery } from '../../grammar/command.js';
import type { Cursor } from '../../grammar/cursor.js';
import { cleanText, requireText } from '../../grammar/text.js';
import { parseRef } from '../../grammar/values.js';
import type { Community } from '../../store/communities.js';
import { heading, list, text, view } from '../../views/build.js';
import { PAGE_SIZE, type Page, pageFoot, parsePage } from '../../views/paging.js';
import type { View } from '../../views/view.js';
import { repos } from './store/index.js';
import type { ListedReflection, Reflection } from './store/reflections.js';
import { editForm, refLabel, reflectionLine } from './views.js';
import { rightsOf } from './visibility.js';
import { deleteReflection, editReflection } from './write.js';

/** The refusal for a number that is not one of the person's reflections: the same whether it exists or not. */
const unknown = (ref: number) => new UserError('error.unknownReflection', { ref: refLabel(ref) });

/**
 * Sends a reading to the person alone: in a Teams channel the answer would be a post everyone reads, so it goes to
 * their personal chat, and the channel hears only that.
 */
function privately(ctx: Context, shown: View): Delivery[] {
  if (!ctx.place.seenByOthers) return [answer(shown)];
  return [{ to: 'user', user: ctx.actor, view: shown }, answer(view(ctx.i18n.locale, [text(ctx.i18n.t('reflections.channel.sent'))]))];
}

/** Reads one page of a list whose rows are counted and cut in SQL. */
function paged(
  page: number,
  load: (limit: number, offset: number) => { items: ListedReflection[]; total: number },
): Page<ListedReflection> {
  const first = load(PAGE_SIZE, (page - 1) * PAGE_SIZE);
  const pages = Math.max(1, Math.ceil(first.total / PAGE_SIZE));
  // Past the end (a stale More button) is the last page.
  if (page <= pages) return { items: first.items, page, pages, total: first.total };
  const last = load(PAGE_SIZE, (pages - 1) * PAGE_SIZE);
  return { items: last.items, page: pages, pages, total: last.total };
}

/** `reflections [page <n>]`: my own, in every community, newest first. */
export const reflectionsCommand = command({
  words: ['reflections'],
  help: 'reflections',
  access: 'anyone',
  community: 'none',
  readOnly: true,
  schema: z.object({ page: z.number().int().positive() }),
  parse: (c) => ({ page: parsePage(c) }),
  run: (ctx, { page }) => {
    const { store, i18n, workspace, actor } = ctx;
    const p = paged(page, (limit, offset) => repos(store).reflections.mine(workspace.id, actor.id, limit, offset));
    if (p.total === 0) return [answer(view(i18n.locale, [text(i18n.tr('reflections.none', { command: { command: 'reflect' } }))]))];
    return privately(
      ctx,
      view(i18n.locale, [
        heading(i18n.t('reflections.title', { count: p.total })),
        list(p.items.map((r) => reflectionLine(ctx, r, 'community'))),
        ...pageFoot(ctx, p, 'reflections'),
      ]),
    );
  },
});

/** `reflections team [page <n>]`: what I may read of the others' reflections in the community. */
export const teamReflectionsCommand = command({
  words: ['reflections', 'team'],
  help: 'reflections',
  access: 'participant',
  community: 'required',
  readOnly: true,
  schema: z.object({ page: z.number().int().positive() }),
  parse: (c) => ({ page: parsePage(c) }),
  run: (ctx, { page }) => {
    const { store, i18n, actor } = ctx;
    const community = ctx.community as Community;
    const rights = rightsOf(actor, ctx.role);
    const p = paged(page, (limit, offset) => repos(store).reflections.readable(community.id, actor.id, rights, limit, offset));
    if (p.total === 0) return [answer(view(i18n.locale, [text(i18n.t('reflections.teamNone', { community: community.name }))]))];
    return privately(
      ctx,
      view(i18n.locale, [
        heading(i18n.t('reflections.teamTitle', { community: community.name, count: p.total })),
        list(p.items.map((r) => reflectionLine(ctx, r, 'author'))),
        ...pageFoot(ctx, p, 'reflections team'),
      ]),
    );
  },
});

/** Whether the person may read a reflection: their own, or shared with them through their role in its community now. */
function mayRead(ctx: Context, r: Reflection): boolean {
  if (r.authorId === ctx.actor.id) return true;
  if (r.visibility === 'private') return false;
  const rights = rightsOf(ctx.actor, ctx.store.communities.roleOf(r.communityId, ctx.actor.id));
  return r.visibility === 'team' ? rights.teammate : rights.overseer;
}

const readRef = (c: Cursor): number => {
  const tok = c.next();
  if (!tok) throw new UserError('error.missing');
  return parseRef(tok.value);
};

/** `reflection #n`: one reflection in full, if it is mine or shared with me. */
export const reflectionCommand = command({
  words: ['reflection'],
  help: 'reflection',
  access: 'anyone',
  community: 'none',
  readOnly: true,
  schema: z.object({ ref: z.number().int().positive() }),
  parse: (c) => ({ ref: readRef(c) }),
  run: (ctx, { ref }) => {
    const { store, workspace } = ctx;
    const found = repos(store).reflections.byRef(workspace.id, ref);
    if (!found || !mayRead(ctx, found)) throw unknown(ref);
    const by = found.authorId === ctx.actor.id ? 'community' : 'author';
    return privately(ctx, view(ctx.i18n.locale, [list([reflectionLine(ctx, found, by, true)])]));
  },
});

/** `reflection edit #n <text>`: changes my own; typed in a Teams channel, the form goes to my personal chat. */
export const reflectionEditCommand = command({
  words: ['reflection', 'edit'],
  help: 'reflection',
  access: 'anyone',
  community: 'none',
  schema: z.object({ ref: z.number().int().positive(), text: z.string().nullable() }),
  parse: (c) => {
    const ref = readRef(c);
    const submitted = c.peek()?.value === '--';
    const raw = c.rest();
    return { ref, text: submitted || cleanText(raw) ? requireText(raw) : null };
  },
  run: (ctx, args) => {
    const { store, i18n, workspace, actor } = ctx;
    const own = repos(store).reflections.ownByRef(workspace.id, actor.id, args.ref);
    if (!own) throw unknown(args.ref);
    if (ctx.place.seenByOthers) {
      const form = editForm(ctx, own, args.text ?? undefined);
      return [
        { to: 'user', user: actor, view: view(i18n.locale, [text(i18n.t('reflect.channel.why')), { type: 'form', form }]) },
        answer(view(i18n.locale, [text(i18n.t('reflect.channel.refused'))])),
      ];
    }
    if (args.text === null) return [answer(view(i18n.locale, [{ type: 'form', form: editForm(ctx, own) }]))];
    editReflection(store, own, args.text, ctx.now);
    return [answer(view(i18n.locale, [text(i18n.t('reflection.edited', { ref: refLabel(own.ref) }))]))];
  },
});

/** `reflection delete #n`: deletes my own for good. */
export const reflectionDeleteCommand = command({
  words: ['reflection', 'delete'],
  help: 'reflection',
  access: 'anyone',
  community: 'none',
  schema: z.object({ ref: z.number().int().positive() }),
  parse: (c) => ({ ref: readRef(c) }),
  run: (ctx, { ref }) => {
    const { store, i18n, workspace, actor } = ctx;
    const own = repos(store).reflections.ownByRef(workspace.id, actor.id, ref);
    if (!own) throw unknown(ref);
    deleteReflection(store, own);
    return [answer(view(i18n.locale, [text(i18n.t('reflection.deleted', { ref: refLabel(ref) }))]))];
  },
});
