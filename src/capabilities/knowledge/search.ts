import { z } from 'zod/v4';
import { UserError } from '../../errors.js';
import { answer, command } from '../../grammar/command.js';
import { requireText } from '../../grammar/text.js';
import type { MessageKey, Translator } from '../../i18n/translate.js';
import { askerOf, parseQuery, searchIndex, snippet } from '../../search/index.js';
import type { Community } from '../../store/communities.js';
import { heading, list, text, view } from '../../views/build.js';
import { pageFoot, pageOf, parsePage } from '../../views/paging.js';
import { dayOf, refLabel } from './views.js';

/** The sources the search names in words; another capability's new source is shown as its word until it has one. */
const SOURCES = new Set(['resource', 'norm', 'meeting-notes', 'reflection', 'takeaway']);

function sourceName(source: string, i18n: Translator): string {
  return SOURCES.has(source) ? i18n.t(`knowledge.search.source.${source}` as MessageKey) : source;
}

/** The longest search: a few words, not a text. */
const MAX_QUERY = 200;

/**
 * `search [page <n>] <words>`: one search over everything the asker may read in the community (resources,
 * norms, meeting notes, shared reflections and takeaways), best first, ten at a time. What they may not read
 * is never matched, so it shows neither as a hit nor in the count.
 */
export const searchCommand = command({
  words: ['search'],
  help: 'search',
  readOnly: true,
  access: 'member',
  community: 'required',
  schema: z.object({ page: z.number().int().positive(), words: z.string() }),
  parse: (c) => {
    const page = parsePage(c);
    const words = requireText(c.rest(), MAX_QUERY);
    if (parseQuery(words).length === 0) throw new UserError('knowledge.error.searchWords');
    return { page, words };
  },
  run: (ctx, { page, words }) => {
    const { i18n } = ctx;
    const community = ctx.community as Community;
    const asker = askerOf(community.id, ctx.actor.id, ctx.role, ctx.actor.isCoordinator);
    const hits = searchIndex(ctx.store).search(asker, words);
    const p = pageOf(hits, page);
    const blocks = [heading(i18n.t('knowledge.search.title', { words, community: community.name }))];
    if (hits.length === 0) blocks.push(text(i18n.t('knowledge.search.none', { community: community.name })));
    else
      blocks.push(
        list(
          p.items.map((h) =>
            i18n.t('knowledge.search.hit', {
              ref: refLabel(h.ref),
              source: sourceName(h.source, i18n),
              date: dayOf(h.at, community.tz, i18n),
              snippet: snippet(h.body, words),
            }),
          ),
        ),
      );
    blocks.push(...pageFoot(ctx, p, 'search', words));
    return [answer(view(i18n.locale, blocks))];
  },
});
