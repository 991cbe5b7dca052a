import { z } from 'zod/v4';
import { UserError } from '../../errors.js';
import { answer, command } from '../../grammar/command.js';
import { cleanText, requireText } from '../../grammar/text.js';
import { parseChoice, parseRef } from '../../grammar/values.js';
import { text, view } from '../../views/build.js';
import { closedGoal, requireSteward, visibleGoal } from './access.js';
import { repos } from './store/index.js';
import { refLabel } from './views.js';

/** `goal close #n achieved|dropped [note]`. */
export const goalCloseCommand = command({
  words: ['goal', 'close'],
  help: 'goal',
  access: 'anyone',
  community: 'none',
  schema: z.object({ ref: z.number().int().positive(), outcome: z.enum(['achieved', 'dropped']), note: z.string().nullable() }),
  parse: (c) => {
    const tok = c.next();
    if (!tok) throw new UserError('error.missing');
    const ref = parseRef(tok.value);
    const word = c.next();
    if (!word) throw new UserError('error.missing');
    const outcome = parseChoice(word.value, ['achieved', 'dropped'] as const);
    const raw = c.rest();
    return { ref, outcome, note: cleanText(raw) ? requireText(raw) : null };
  },
  run: (ctx, { ref, outcome, note }) => {
    const { store, i18n, actor } = ctx;
    const goal = visibleGoal(ctx, ref);
    requireSteward(store, actor, goal);
    if (goal.closedAt !== null) throw closedGoal(ctx, goal);
    repos(store).goals.close(goal.id, outcome, note, actor.id, ctx.now);
    return [answer(view(i18n.locale, [text(i18n.t('goal.closed', { ref: refLabel(goal.ref), outcome, text: goal.text }))]))];
  },
});
