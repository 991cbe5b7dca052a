import { z } from 'zod/v4';
import type { CoreEnv } from '../../capability.js';
import { UserError } from '../../errors.js';
import { answer, command, type Delivery, noArguments } from '../../grammar/command.js';
import { requireText } from '../../grammar/text.js';
import { parseRef } from '../../grammar/values.js';
import type { Translator } from '../../i18n/translate.js';
import { searchIndex } from '../../search/index.js';
import type { Community } from '../../store/communities.js';
import { heading, list, text, view } from '../../views/build.js';
import type { Block, Span, Text } from '../../views/view.js';
import { queueNormsReview } from './jobs.js';
import { library } from './store/index.js';
import type { Norm } from './store/library.js';
import { refLabel, shorten } from './views.js';

/** The search source of a norm. */
export const NORM_SOURCE = 'norm';
/** The longest norm: a working agreement is a sentence, not a page. */
const MAX_NORM = 500;
/** How many norms a meeting reminder shows, and how much of each. */
const PREAMBLE_NORMS = 3;
const PREAMBLE_CHARS = 60;

export const normDocument = (n: Norm) =>
  ({ ref: n.ref, source: NORM_SOURCE, text: n.text, at: n.createdAt, readers: { kind: 'community' } }) as const;

/** The norms as a list, each with its number. */
export function normBlocks(norms: Norm[], i18n: Translator): Block[] {
  return [list(norms.map((n) => i18n.t('knowledge.norms.line', { ref: refLabel(n.ref), text: n.text })))];
}

/** `norms`: the team's working agreements. */
export const normsCommand = command({
  words: ['norms'],
  help: 'norms',
  readOnly: true,
  access: 'member',
  community: 'required',
  ...noArguments,
  run: (ctx) => {
    const { i18n } = ctx;
    const community = ctx.community as Community;
    const norms = library(ctx.store).norms(community.id);
    const blocks: Block[] = [heading(i18n.t('knowledge.norms.title', { community: community.name }))];
    if (norms.length) blocks.push(...normBlocks(norms, i18n));
    else blocks.push(text(i18n.tr('knowledge.norms.none', { command: { command: 'norms add <text>' } })));
    return [answer(view(i18n.locale, blocks))];
  },
});

/** `norms add <text>`: a lead records a working agreement; the first one starts the reviews. */
export const normsAddCommand = command({
  words: ['norms', 'add'],
  help: 'norms',
  access: 'lead',
  community: 'required',
  schema: z.object({ text: z.string() }),
  parse: (c) => ({ text: requireText(c.rest(), MAX_NORM) }),
  run: (ctx, args): Delivery[] => {
    const community = ctx.community as Community;
    const ref = ctx.store.workspaces.nextRef(community.workspaceId);
    const norm = library(ctx.store).addNorm(
      { workspaceId: community.workspaceId, communityId: community.id, ref, text: args.text, authorId: ctx.actor.id },
      ctx.now,
    );
    searchIndex(ctx.store).put(community, normDocument(norm));
    queueNormsReview(ctx.store, community, ctx.now);
    return [answer(view(ctx.i18n.locale, [text(ctx.i18n.t('knowledge.norms.added', { ref: refLabel(ref), community: community.name }))]))];
  },
});

/** `norms remove #n`: a lead takes a working agreement off the list. */
export const normsRemoveCommand = command({
  words: ['norms', 'remove'],
  help: 'norms',
  access: 'lead',
  community: 'required',
  schema: z.object({ ref: z.number().int().positive() }),
  parse: (c) => {
    const tok = c.next();
    if (!tok) throw new UserError('error.missing');
    return { ref: parseRef(tok.value) };
  },
  run: (ctx, { ref }): Delivery[] => {
    const community = ctx.community as Community;
    const norm = library(ctx.store).normByRef(community.id, ref);
    if (!norm) throw new UserError('knowledge.error.noNorm', { ref: refLabel(ref), community: community.name });
    library(ctx.store).removeNorm(norm.id);
    searchIndex(ctx.store).remove({ communityId: community.id, source: NORM_SOURCE, ref });
    return [answer(view(ctx.i18n.locale, [text(ctx.i18n.t('knowledge.norms.removed', { ref: refLabel(ref) }))]))];
  },
});

/**
 * The norms in short, for the head of a meeting reminder: the first few, each cut short, and the command that
 * shows them all. Nothing when the team has none.
 */
export function normsPreamble(community: Community, env: CoreEnv & { i18n: Translator }): Text[] {
  const norms = library(env.store).norms(community.id);
  if (norms.length === 0) return [];
  const shown = norms
    .slice(0, PREAMBLE_NORMS)
    .map((n) => shorten(n.text, PREAMBLE_CHARS))
    .join(' · ');
  const spans: Span[] = env.i18n.tr('knowledge.norms.preamble', {
    norms: shown,
    more: norms.length - PREAMBLE_NORMS > 0 ? norms.length - PREAMBLE_NORMS : 0,
    command: { command: 'norms' },
  });
  return [spans];
}
