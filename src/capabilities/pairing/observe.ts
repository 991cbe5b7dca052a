import { z } from 'zod/v4';
import { UserError } from '../../errors.js';
import { answer, type Context, command, type Delivery } from '../../grammar/command.js';
import type { Cursor } from '../../grammar/cursor.js';
import { mention } from '../../grammar/people.js';
import { cleanText, MAX_TEXT, requireText } from '../../grammar/text.js';
import { isRef, parseChoice, parseRef } from '../../grammar/values.js';
import { localeFor } from '../../i18n/locales.js';
import { type ParamValue, translator } from '../../i18n/translate.js';
import type { Community } from '../../store/communities.js';
import type { User } from '../../store/users.js';
import { context, text, view } from '../../views/build.js';
import { ASK_AGAIN_MS } from './rounds.js';
import { type Happened, pairing, type Round, type Visit } from './store/index.js';
import { FOCUS_CHOICES, feedbackBlocks, feedbackForm, focusForm, focusText, formView, OWN_FOCUS, refLabel, scoped } from './views.js';

/** A visit that can still be answered: asked about, or its round not over long ago. */
const ANSWER_GRACE_MS = 30 * 86_400_000;

/** An optional `#round` first (buttons and forms name the round they are about). */
function readRound(c: Cursor): number | null {
  const tok = c.peek();
  if (!tok || !isRef(tok.value)) return null;
  c.next();
  return parseRef(tok.value);
}

function userOf(ctx: Context, id: number | null): User | null {
  return id === null ? null : ctx.store.users.get(ctx.workspace.id, id);
}

/**
 * The visit the actor makes that an `observe happened` or `observe feedback` is about: in the round named, else
 * the latest round they visit in that still waits for what is being said (an earlier round whose window closed
 * is asked about while the next is already under way), else the round under way.
 */
function observerVisit(
  ctx: Context,
  community: Community,
  ref: number | null,
  waiting: (v: Visit) => boolean,
): { round: Round; visit: Visit } {
  const repo = pairing(ctx.store);
  const current = repo.currentRound(community.id, ctx.now);
  if (ref !== null) {
    const round = repo.roundByRef(ctx.workspace.id, ref);
    if (!round || round.communityId !== community.id)
      throw new UserError('pairing.error.unknownRound', { ref: refLabel(ref), community: community.name });
    const visit = repo.visitBy(round.id, ctx.actor.id);
    if (!visit) throw new UserError('pairing.error.notObserver', { ref: refLabel(ref) });
    return { round, visit };
  }
  for (const round of repo.recentRounds(community.id, 2)) {
    if (round.id === current?.id || round.endsAt + ANSWER_GRACE_MS <= ctx.now) continue;
    const visit = repo.visitBy(round.id, ctx.actor.id);
    if (visit && waiting(visit)) return { round, visit };
  }
  if (!current) throw new UserError('pairing.error.noRound', { community: community.name });
  const visit = repo.visitBy(current.id, ctx.actor.id);
  if (!visit) throw new UserError('pairing.error.notObserver', { ref: refLabel(current.ref) });
  return { round: current, visit };
}

/** `observe focus <choice|text>`: the observed teacher says what the observer should look for. */
export const observeFocusCommand = command({
  words: ['observe', 'focus'],
  help: 'observe focus',
  access: 'participant',
  community: 'required',
  schema: z.object({ choice: z.string().nullable(), text: z.string().nullable() }),
  parse: (c) => {
    const submitted = c.peek()?.value === '--';
    if (submitted) c.next();
    const first = c.peek();
    const word = first && !first.quoted ? first.value.toLowerCase() : null;
    if (word && [...FOCUS_CHOICES, OWN_FOCUS].includes(word as never)) {
      c.next();
      const rest = cleanText(c.rest());
      if (word === OWN_FOCUS) return { choice: OWN_FOCUS, text: requireText(rest) };
      return { choice: word, text: rest ? requireText(rest) : null };
    }
    const raw = c.rest();
    if (!submitted && !cleanText(raw)) return { choice: null, text: null };
    return { choice: OWN_FOCUS, text: requireText(raw) };
  },
  run: (ctx, args): Delivery[] => {
    const { store, i18n, actor } = ctx;
    const community = ctx.community as Community;
    const repo = pairing(store);
    const round = repo.currentRound(community.id, ctx.now);
    if (!round) throw new UserError('pairing.error.noRound', { community: community.name });
    const visit = repo.visitTo(round.id, actor.id);
    if (!visit) throw new UserError('pairing.error.notObserved', { ref: refLabel(round.ref) });
    if (args.choice === null) return [answer(formView(i18n, focusForm(i18n, community)))];
    repo.setFocus(visit.id, args.choice, args.text, ctx.now);
    const focus = focusText(i18n, { focusChoice: args.choice, focusText: args.text }, { store, community }) as string;
    const out: Delivery[] = [answer(view(i18n.locale, [text(i18n.t('pairing.focus.set', { focus }))]))];
    const observer = userOf(ctx, visit.observerId);
    if (observer) {
      const theirs = translator(localeFor(observer, community));
      const line = theirs.tr('pairing.focus.told', {
        name: mention(actor) as ParamValue,
        community: community.name,
        focus: focusText(theirs, { focusChoice: args.choice, focusText: args.text }, { store, community }) as string,
      });
      out.push({ to: 'user', user: observer, view: view(theirs.locale, [text(line)]) });
    }
    return out;
  },
});

/** `observe happened yes|not-yet|no [#round]`: the observer says whether the visit took place. */
export const observeHappenedCommand = command({
  words: ['observe', 'happened'],
  help: 'observe happened',
  access: 'participant',
  community: 'required',
  schema: z.object({ answer: z.enum(['yes', 'not-yet', 'no']), ref: z.number().int().positive().nullable() }),
  parse: (c) => {
    const tok = c.next();
    if (!tok) throw new UserError('error.missing');
    const choice = parseChoice(tok.value, ['yes', 'not-yet', 'no'] as const);
    return { answer: choice, ref: readRound(c) };
  },
  run: (ctx, args): Delivery[] => {
    const { store, i18n } = ctx;
    const community = ctx.community as Community;
    const repo = pairing(store);
    const { round, visit } = observerVisit(ctx, community, args.ref, (v) => v.happened === null || v.happened === 'not-yet');
    const answerWas = visit.happened;
    repo.setHappened(visit.id, args.answer as Happened, ctx.now);
    const blocks = [text(i18n.t(`pairing.happened.said.${args.answer === 'not-yet' ? 'notYet' : args.answer}`))];
    if (args.answer === 'not-yet' && answerWas !== 'not-yet' && visit.observerId !== null && round.endsAt <= ctx.now + ASK_AGAIN_MS) {
      store.jobs.queue(
        {
          kind: 'pairing.ask',
          key: `pairing.ask:${visit.id}:2`,
          topic: `pairing.round:${round.id}`,
          dueAt: Math.max(ctx.now, round.endsAt) + ASK_AGAIN_MS,
          payload: {
            workspaceId: round.workspaceId,
            communityId: community.id,
            roundId: round.id,
            visitId: visit.id,
            userId: visit.observerId,
            ask: 2,
          },
        },
        ctx.now,
      );
    }
    if (args.answer === 'yes' && !visit.feedbackAt)
      blocks.push({
        type: 'actions',
        buttons: [{ label: i18n.t('pairing.feedback.button'), command: `${scoped(community)}observe feedback ${refLabel(round.ref)}` }],
      });
    return [answer(view(i18n.locale, blocks))];
  },
});

const MARKERS = /(^|\s)(glow|grow|notes):/gi;

/**
 * Reads `glow: … grow: … [notes: …]`: each marker once, in that order. The notes may hold anything; a glow
 * cannot hold "grow:", nor a grow "notes:" (they would be read as the next part).
 */
export function readFeedback(raw: string): { glow: string; grow: string; notes: string | null } {
  const marks = [...raw.matchAll(MARKERS)].map((m) => ({
    word: (m[2] as string).toLowerCase(),
    at: (m.index ?? 0) + (m[1] as string).length,
  }));
  const glow = marks.find((m) => m.word === 'glow');
  const grow = marks.find((m) => m.word === 'grow' && glow && m.at > glow.at);
  const notes = marks.find((m) => m.word === 'notes' && grow && m.at > grow.at);
  if (!glow || !grow || cleanText(raw.slice(0, glow.at))) throw new UserError('pairing.error.feedbackShape');
  const part = (from: { at: number; word: string }, to?: { at: number }) => cleanText(raw.slice(from.at + from.word.length + 1, to?.at));
  const g = part(glow, grow);
  const r = part(grow, notes);
  if (!g) throw new UserError('pairing.error.glowMissing');
  if (!r) throw new UserError('pairing.error.growMissing');
  const n = notes ? part(notes) : '';
  const length = Array.from(g + r + n).length;
  if (length > MAX_TEXT) throw new UserError('pairing.error.feedbackTooLong', { length, max: MAX_TEXT });
  return { glow: g, grow: r, notes: n || null };
}

/** `observe feedback [#round] glow: <text> grow: <text> [notes: <text>]`: the observer's notes, for the two of them. */
export const observeFeedbackCommand = command({
  words: ['observe', 'feedback'],
  help: 'observe feedback',
  access: 'participant',
  community: 'required',
  // The text is read only in `run`: typed in a channel it is refused unread.
  schema: z.object({ ref: z.number().int().positive().nullable(), text: z.string().nullable() }),
  parse: (c) => {
    const ref = readRound(c);
    const submitted = c.peek()?.value === '--';
    const raw = c.rest();
    return { ref, text: submitted || cleanText(raw) ? raw : null };
  },
  run: (ctx, args): Delivery[] => {
    const { store, i18n, actor } = ctx;
    const community = ctx.community as Community;
    const { round, visit } = observerVisit(ctx, community, args.ref, (v) => v.happened !== 'no' && v.feedbackAt === null);
    const form = feedbackForm(i18n, community, round);
    if (ctx.place.seenByOthers) {
      // Typed in a channel, the text was read by everyone there already: nothing is stored, and the form waits in private.
      const why = text(i18n.t('pairing.feedback.notHere'));
      return [
        answer(view(i18n.locale, [why])),
        { to: 'user', user: actor, view: formView(i18n, form, [text(i18n.t('pairing.feedback.privateForm'))]) },
      ];
    }
    if (args.text === null) return [answer(formView(i18n, form))];
    const feedback = readFeedback(args.text);
    pairing(store).setFeedback(visit.id, feedback, ctx.now);
    const out: Delivery[] = [
      answer(view(i18n.locale, [text(i18n.t('pairing.feedback.saved')), context(i18n.t('pairing.feedback.whoReads'))])),
    ];
    const observed = userOf(ctx, visit.observedId);
    if (observed) {
      const theirs = translator(localeFor(observed, community));
      const stored = { ...visit, ...feedback };
      out.push({
        to: 'user',
        user: observed,
        view: view(theirs.locale, [
          text(theirs.tr('pairing.feedback.told', { name: mention(actor) as ParamValue, community: community.name })),
          ...feedbackBlocks(theirs, 'pairing.status.feedbackFor', mention(actor) as ParamValue, stored).slice(1),
          context(theirs.t('pairing.feedback.whoReads')),
        ]),
      });
    }
    return out;
  },
});

/** `observe share <text>`: either of a pair shares a takeaway with the community; only then does anything leave the pair. */
export const observeShareCommand = command({
  words: ['observe', 'share'],
  help: 'observe share',
  access: 'participant',
  community: 'required',
  schema: z.object({ text: z.string() }),
  parse: (c) => ({ text: requireText(c.rest()) }),
  run: (ctx, args): Delivery[] => {
    const { store, i18n, actor, workspace } = ctx;
    const community = ctx.community as Community;
    const repo = pairing(store);
    const latest = repo.latestRound(community.id);
    const inRound = latest && (repo.visitBy(latest.id, actor.id) || repo.visitTo(latest.id, actor.id));
    if (!latest || !inRound) throw new UserError('pairing.error.noRound', { community: community.name });
    const ref = store.workspaces.nextRef(workspace.id);
    repo.addTakeaway({
      workspaceId: workspace.id,
      communityId: community.id,
      ref,
      roundId: latest.id,
      authorId: actor.id,
      text: args.text,
      createdAt: ctx.now,
    });
    const ci18n = translator(community.locale);
    return [
      answer(view(i18n.locale, [text(i18n.t('pairing.share.done', { ref: refLabel(ref), community: community.name }))])),
      {
        to: 'channel',
        community,
        view: view(ci18n.locale, [
          text(ci18n.tr('pairing.share.post', { name: mention(actor) as ParamValue, ref: refLabel(ref) })),
          text(args.text),
        ]),
      },
    ];
  },
});
