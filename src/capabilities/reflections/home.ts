import type { Context } from '../../grammar/command.js';
import { quoteName } from '../../grammar/communities.js';
import { context, list } from '../../views/build.js';
import type { Block, Button } from '../../views/view.js';
import { questionText } from './bank.js';
import { repos } from './store/index.js';
import { streakOf } from './streak.js';
import { zoneOf } from './views.js';

/** Prompts older than this are no longer waiting in `home`. */
const OPEN_FOR_MS = 7 * 86_400_000;

/** The home view's part: prompts I have not answered (with a button each) and my own streak, which only I see. */
export function reflectionsHome(ctx: Context): Block[] {
  const { store, actor, i18n } = ctx;
  // Typed in a Teams channel, home is a post everyone reads: a streak and one's questions are nobody else's.
  if (ctx.place.seenByOthers) return [];
  const blocks: Block[] = [];
  const open = repos(store).prompts.unansweredSince(actor.id, ctx.now - OPEN_FOR_MS);
  if (open.length > 0) {
    blocks.push(
      list(
        open.map((p) =>
          i18n.t('home.promptOpen', { community: p.communityName, question: questionText(store, p.questionKey, i18n.locale) }),
        ),
      ),
    );
    const buttons: Button[] = [...new Set(open.map((p) => p.communityName))].map((name) => ({
      label: i18n.t('prompt.answerFor', { community: name }),
      command: `in ${quoteName(name)} reflect`,
    }));
    blocks.push({ type: 'actions', buttons });
  }
  const weeks = streakOf(store, actor, zoneOf(ctx), ctx.now);
  if (weeks > 0) blocks.push(context(i18n.t('streak.line', { count: weeks })));
  return blocks;
}
