import { z } from 'zod/v4';
import { isUserError, UserError } from '../../errors.js';
import { answer, type Context, command, type Delivery } from '../../grammar/command.js';
import type { Cursor } from '../../grammar/cursor.js';
import { cleanText, requireText } from '../../grammar/text.js';
import { parseRef } from '../../grammar/values.js';
import type { MessageKey, Params } from '../../i18n/translate.js';
import { text, view } from '../../views/build.js';
import { closedGoal, takesPart, visibleGoal } from './access.js';
import { looksLikePercent, readPercent } from './domain/percent.js';
import { type Goal, STATUSES, type Status } from './store/goals.js';
import { repos } from './store/index.js';
import { checkinForm, refLabel, statusLabel } from './views.js';

type Field = 'status' | 'percent' | 'evidence';

/** A mistake in a submitted form, to be shown on its field with what was typed. */
interface Again {
  field: Field;
  key: MessageKey;
  params: Params;
  values: Partial<Record<Field, string>>;
}

type Args =
  | { ref: number; mode: 'form' }
  | { ref: number; mode: 'again'; again: Again }
  | { ref: number; mode: 'save'; status: Status; percent: number | null; evidence: string | null };

/** Whether the words ahead hold the `--` a submitted form puts before its evidence. */
function submittedForm(c: Cursor): boolean {
  const start = c.position;
  try {
    for (let tok = c.next(); tok; tok = c.next()) if (!tok.quoted && tok.value === '--') return true;
    return false;
  } catch {
    return false;
  } finally {
    c.reset(start);
  }
}

function readStatus(raw: string | undefined): Status {
  const s = raw?.toLowerCase();
  if (!s) throw new UserError('error.checkinStatus', { value: '' });
  if (!(STATUSES as readonly string[]).includes(s)) throw new UserError('error.checkinStatus', { value: raw?.slice(0, 40) ?? '' });
  return s as Status;
}

function readPercentOrRefuse(raw: string): number {
  const n = readPercent(raw);
  if (n === null) throw new UserError('error.badPercent', { value: raw.slice(0, 40) });
  return n;
}

/**
 * Reads what a submitted form sent: status, then the percent field (whatever stands before `--`), then the
 * evidence. A mistake becomes the form again, with the error on the field it is about.
 */
function parseSubmitted(c: Cursor, ref: number): Args {
  const values: Partial<Record<Field, string>> = {};
  const words: string[] = [];
  for (let tok = c.next(); tok && !(tok.value === '--' && !tok.quoted); tok = c.next()) words.push(tok.value);
  const raw = c.rest();
  values.evidence = raw;
  const [status, percent, ...extra] = words;
  values.status = status ?? '';
  values.percent = [percent, ...extra].filter(Boolean).join(' ');
  let field: Field = 'status';
  try {
    const s = readStatus(status);
    field = 'percent';
    const p = values.percent ? readPercentOrRefuse(values.percent) : null;
    field = 'evidence';
    const evidence = cleanText(raw) ? requireText(raw) : null;
    return { ref, mode: 'save', status: s, percent: p, evidence };
  } catch (e) {
    if (!isUserError(e)) throw e;
    return { ref, mode: 'again', again: { field, key: e.key, params: e.params, values } };
  }
}

/** Reads a typed check-in: `<status> [NN%] [evidence]`; a word ending in % is the percent, and must be one. */
function parseTyped(c: Cursor, ref: number): Args {
  const status = readStatus(c.next()?.value);
  let percent: number | null = null;
  const tok = c.peek();
  if (tok && !tok.quoted && looksLikePercent(tok.value)) {
    c.next();
    percent = readPercentOrRefuse(tok.value);
  }
  const raw = c.rest();
  return { ref, mode: 'save', status, percent, evidence: cleanText(raw) ? requireText(raw) : null };
}

/** Who may check in on a goal: its owner (individual), the team's members and leads (team), coordinators (school). */
function requireCheckinRight(ctx: Context, goal: Goal): void {
  const ref = refLabel(goal.ref);
  if (goal.level === 'school' && !ctx.actor.isCoordinator) throw new UserError('error.schoolGoalCoordinators', { ref });
  if (
    goal.level === 'team' &&
    !ctx.actor.isCoordinator &&
    !(goal.communityId !== null && takesPart(ctx.store, goal.communityId, ctx.actor.id))
  )
    throw new UserError('error.unknownGoal', { ref });
  if (goal.closedAt !== null) throw closedGoal(ctx, goal);
}

function formView(ctx: Context, goal: Goal, intro: string | null, again?: Again): Delivery {
  const { i18n } = ctx;
  const errors = again ? { [again.field]: i18n.t(again.key, again.params) } : {};
  const form = checkinForm(i18n, goal, again?.values ?? {}, errors);
  return answer(view(i18n.locale, [...(intro ? [text(intro)] : []), { type: 'form', form }], form.title));
}

/** `checkin #n on-track|at-risk|off-track [NN%] [evidence]`; `checkin #n` alone opens the form. */
export const checkinCommand = command({
  words: ['checkin'],
  help: 'checkin',
  access: 'anyone',
  community: 'none',
  schema: z.custom<Args>(),
  parse: (c): Args => {
    const tok = c.next();
    if (!tok) throw new UserError('error.missing');
    const ref = parseRef(tok.value);
    if (c.atEnd()) return { ref, mode: 'form' };
    return submittedForm(c) ? parseSubmitted(c, ref) : parseTyped(c, ref);
  },
  run: (ctx, args) => {
    const { store, i18n, actor } = ctx;
    const goal = visibleGoal(ctx, args.ref);
    requireCheckinRight(ctx, goal);
    if (args.mode === 'form') return [formView(ctx, goal, null)];
    if (args.mode === 'again') return [formView(ctx, goal, null, args.again)];
    // Typed in a Teams channel, the evidence is already a post everyone reads: nothing is kept, and the form
    // (the private way) comes in the personal chat.
    if (ctx.place.seenByOthers && args.evidence !== null) {
      const form = checkinForm(i18n, goal, { status: args.status, ...(args.percent !== null ? { percent: `${args.percent}%` } : {}) });
      const dm = view(i18n.locale, [text(i18n.t('checkin.private', { ref: refLabel(goal.ref) })), { type: 'form', form }], form.title);
      return [
        { to: 'asker', view: view(i18n.locale, [text(i18n.t('checkin.privateChannel'))]) },
        { to: 'user', user: actor, view: dm },
      ];
    }
    repos(store).goals.checkin({
      goalId: goal.id,
      authorId: actor.id,
      status: args.status,
      percent: args.percent,
      evidence: args.evidence,
      at: ctx.now,
    });
    const line = i18n.t('checkin.done', {
      ref: refLabel(goal.ref),
      status: statusLabel(i18n, args.status),
      hasPercent: args.percent === null ? 'no' : 'yes',
      percent: args.percent ?? 0,
    });
    return [answer(view(i18n.locale, [text(line), text(i18n.t('checkin.readers', { level: goal.level }))]))];
  },
});
