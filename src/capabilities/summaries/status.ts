import { z } from 'zod/v4';
import { UserError } from '../../errors.js';
import { isParticipantRole } from '../../grammar/access.js';
import { answer, type Context, command, type Delivery } from '../../grammar/command.js';
import { quoteName, unknownCommunity } from '../../grammar/communities.js';
import type { Cursor } from '../../grammar/cursor.js';
import { parseDays } from '../../grammar/values.js';
import type { Community } from '../../store/communities.js';
import { view } from '../../views/build.js';
import { pageFoot, parsePage } from '../../views/paging.js';
import type { View } from '../../views/view.js';
import { allBlocks, communityBlocks, type SummaryDeps, trendNote } from './summary.js';

/** The default and the longest period a status covers. */
export const DEFAULT_DAYS = 30;
const MAX_DAYS = 365;

/** Reads `since <n>d`, from 1 to 365 days. */
export function readSince(c: Cursor): number {
  const tok = c.next();
  if (!tok) throw new UserError('error.missing');
  const days = parseDays(tok.value);
  if (days < 1 || days > MAX_DAYS) throw new UserError('status.badDays', { value: tok.value });
  return days;
}

/**
 * Sends an answer that holds a community's figures: to the asker, unless the command was itself a post that
 * everyone in a channel reads (a Teams channel message), then to the asker's direct messages.
 */
export function privately(ctx: Context, v: View): Delivery[] {
  if (!ctx.place.seenByOthers) return [answer(v)];
  return [{ to: 'user', user: ctx.actor, view: v }, answer(view(ctx.i18n.locale, [{ type: 'text', text: ctx.i18n.t('status.sentToDm') }]))];
}

/** The community a `status` is about: the one named, else the channel's, else the asker's only one; else ask. */
function targetCommunity(ctx: Context, name: string | null): Community | 'all' {
  const { store, workspace, place, actor } = ctx;
  if (name) {
    const found = store.communities.findByName(workspace.id, name);
    if (!found || found.archivedAt) throw unknownCommunity(store, workspace.id, name);
    return found;
  }
  const here = place.channel ? store.communities.findByChannel(workspace.id, place.channel) : null;
  if (here && !here.archivedAt) return here;
  if (actor.isCoordinator) return 'all';
  const mine = store.communities
    .ofUser(workspace.id, actor.id)
    .filter((m) => isParticipantRole(m.role) && !m.community.archivedAt)
    .map((m) => m.community);
  if (mine.length === 1) return mine[0] as Community;
  if (mine.length === 0) throw new UserError('error.notInAnyCommunity', { command: { command: 'communities' } });
  throw new UserError(
    'community.pick',
    {},
    { buttons: mine.slice(0, 25).map((c) => ({ label: c.name, command: `status ${quoteName(c.name)}` })) },
  );
}

/**
 * The community a status names: `in <community> status`, or `status <community>`; both are one question only when
 * they name the same community (`in Math status all` asks two).
 */
function chosenName(ctx: Context, args: { name: string | null; all: boolean }): string | null {
  const named = ctx.named ?? null;
  if (named === null || (args.name === null && !args.all)) return args.name ?? named;
  const { communities } = ctx.store;
  const first = communities.findByName(ctx.workspace.id, named);
  const second = args.name === null ? null : communities.findByName(ctx.workspace.id, args.name);
  if (args.all || !first || !second || first.id !== second.id) {
    throw new UserError('status.twoCommunities', { first: named, second: args.all ? 'all' : (args.name ?? '') });
  }
  return named;
}

/** Coordinators see every community; leads and members their own; guests and outsiders none. */
function mayRead(ctx: Context, community: Community): void {
  if (ctx.actor.isCoordinator) return;
  const role = ctx.store.communities.roleOf(community.id, ctx.actor.id);
  if (role === 'guest') throw new UserError('error.notForGuests', { community: community.name });
  if (!role) throw new UserError('status.notYours', { community: community.name });
}

/** `status [community|all] [since <n>d] [page <n>]`: how a community, or every one, is doing, with trends. */
export function statusCommand(deps: SummaryDeps) {
  return command({
    words: ['status'],
    help: 'status',
    access: 'anyone',
    community: 'none',
    schema: z.object({ name: z.string().nullable(), all: z.boolean(), days: z.number().int(), page: z.number().int() }),
    parse: (c) => {
      let days = DEFAULT_DAYS;
      let page = 1;
      let all = false;
      const name: string[] = [];
      while (!c.atEnd()) {
        if (c.accept('since')) days = readSince(c);
        else if (c.peek()?.value.toLowerCase() === 'page' && !c.peek()?.quoted) page = parsePage(c);
        else if (name.length === 0 && !all && c.accept('all')) all = true;
        else if (all) throw new UserError('error.unexpected', { value: c.peek()?.value.slice(0, 40) ?? '' });
        else name.push((c.next() as { value: string }).value);
      }
      return { name: name.length ? name.join(' ') : null, all, days, page };
    },
    run: (ctx, args) => {
      const { i18n } = ctx;
      const target = args.all && !ctx.named ? 'all' : targetCommunity(ctx, chosenName(ctx, args));
      // The chart's weeks are the reader's: in their own time zone.
      const env = { store: ctx.store, now: ctx.now, log: ctx.log, i18n, zone: ctx.actor.tz ?? ctx.defaultTz };
      if (target === 'all') {
        if (!ctx.actor.isCoordinator) throw new UserError('error.notCoordinator');
        const { blocks, page } = allBlocks(deps, env, ctx.workspace, args.days, args.page);
        const since = args.days === DEFAULT_DAYS ? '' : ` since ${args.days}d`;
        const foot = pageFoot({ ...ctx, community: null }, page, `status all${since}`);
        return privately(ctx, view(i18n.locale, [...blocks, ...foot], i18n.t('status.allSummary', { count: page.total })));
      }
      mayRead(ctx, target);
      const blocks = [...communityBlocks(deps, env, target, args.days), trendNote(i18n, args.days)];
      // One community's figures name nobody: its members may read them where the question was asked.
      return [answer(view(i18n.locale, blocks, i18n.t('status.summary', { community: target.name })))];
    },
  });
}
