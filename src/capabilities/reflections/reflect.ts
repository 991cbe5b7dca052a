import { z } from 'zod/v4';
import { answer, type Context, command, type Delivery } from '../../grammar/command.js';
import type { Cursor } from '../../grammar/cursor.js';
import { cleanText, requireText } from '../../grammar/text.js';
import type { Community } from '../../store/communities.js';
import { context, text, view } from '../../views/build.js';
import { peekQuestion, questionText } from './bank.js';
import { repos } from './store/index.js';
import { VISIBILITIES, type Visibility } from './store/reflections.js';
import { streakOf } from './streak.js';
import { readersLine, refLabel, reflectForm, zoneOf } from './views.js';
import { saveReflection } from './write.js';

const WEEK = 7 * 86_400_000;

/**
 * Reads `[team|coordinator] [--] <text>`. `private` is read as an option only right before `--` (the form's
 * submission), so a reflection typed as "private school visits…" keeps its first word. Null text: no text given.
 */
export function readReflect(c: Cursor): { visibility: Visibility; text: string | null } {
  let visibility: Visibility = 'private';
  const shared = c.accept('team', 'coordinator');
  if (shared) visibility = shared as Visibility;
  else {
    const at = c.position;
    if (c.accept('private') && c.peek()?.value !== '--') c.reset(at);
  }
  const submitted = c.peek()?.value === '--';
  const raw = c.rest();
  return { visibility, text: submitted || cleanText(raw) ? requireText(raw) : null };
}

/** Today's question for a person in a community: their open prompt's, else the next one of their bank. */
export function todaysQuestion(ctx: Context, community: Community): string {
  const { store, actor, i18n } = ctx;
  const key =
    repos(store).prompts.openQuestion(community.id, actor.id, ctx.now - WEEK) ?? peekQuestion(store, actor.id, [community.id], i18n.locale);
  return questionText(store, key, i18n.locale);
}

/**
 * A Teams channel post is read by everyone in the channel: nothing is stored, the person gets the form in their
 * personal chat (with what they typed, which only they see there), and the channel hears only that.
 */
function refuseInChannel(ctx: Context, community: Community, args: { visibility: Visibility; text: string | null }): Delivery[] {
  const { i18n } = ctx;
  const form = reflectForm(ctx, community, todaysQuestion(ctx, community), {
    visibility: args.visibility,
    direct: true,
    ...(args.text ? { text: args.text } : {}),
  });
  return [
    { to: 'user', user: ctx.actor, view: view(i18n.locale, [text(i18n.t('reflect.channel.why')), { type: 'form', form }]) },
    answer(view(i18n.locale, [text(i18n.t('reflect.channel.refused'))])),
  ];
}

/** `reflect [team|coordinator] <text>`: saves a reflection at once; without text, the form with today's question. */
export const reflectCommand = command({
  words: ['reflect'],
  help: 'reflect',
  access: 'participant',
  community: 'required',
  schema: z.object({ visibility: z.enum(VISIBILITIES), text: z.string().nullable() }),
  parse: readReflect,
  run: (ctx, args) => {
    const { store, i18n, workspace, actor } = ctx;
    const community = ctx.community as Community;
    if (ctx.place.seenByOthers) return refuseInChannel(ctx, community, args);
    if (args.text === null) {
      const form = reflectForm(ctx, community, todaysQuestion(ctx, community), { visibility: args.visibility });
      return [answer(view(i18n.locale, [{ type: 'form', form }], form.title))];
    }
    const saved = saveReflection(
      store,
      { workspaceId: workspace.id, communityId: community.id, authorId: actor.id, visibility: args.visibility, text: args.text },
      ctx.now,
    );
    const weeks = streakOf(store, actor, zoneOf(ctx), ctx.now);
    return [
      answer(
        view(i18n.locale, [
          text(i18n.t('reflect.saved', { ref: refLabel(saved.ref), community: community.name })),
          text(readersLine(i18n, saved.visibility, community.name)),
          context(i18n.t('streak.line', { count: weeks })),
        ]),
      ),
    ];
  },
});
