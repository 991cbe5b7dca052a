import { z } from 'zod/v4';
import { recordAudit } from '../../audit.js';
import { UserError } from '../../errors.js';
import { answer, type Context, command } from '../../grammar/command.js';
import { cleanText, requireText } from '../../grammar/text.js';
import { parseDate } from '../../grammar/values.js';
import { startTerm, termAt, termsOf } from '../../terms.js';
import { heading, list, text, view } from '../../views/build.js';
import { formatDate } from '../../views/dates.js';
import { pageArgument, pageFoot, pageOf } from '../../views/paging.js';
import { planNormsReviews } from '../knowledge/index.js';
import { queueNewYear } from './terms-year.js';

/** A term's name is a label ("Spring term"), as short as a holiday's. */
const MAX_TERM_NAME = 120;

/**
 * `term start YYYY-MM-DD [new-year] [name]`: marks the start of a term (and with `new-year`, of a school year) for
 * the whole workspace. Options come before the name; `--` ends them, so a term may be called "new-year plans".
 */
export const termStartCommand = command({
  words: ['term', 'start'],
  help: 'term.start',
  access: 'coordinator',
  community: 'none',
  schema: z.object({ startsOn: z.string(), newYear: z.boolean(), name: z.string().nullable() }),
  parse: (c) => {
    const tok = c.next();
    if (!tok) throw new UserError('error.missing');
    const startsOn = parseDate(tok.value, c.now);
    const newYear = c.accept('new-year') !== null;
    const rest = c.rest();
    return { startsOn, newYear, name: cleanText(rest) ? requireText(rest, MAX_TERM_NAME) : null };
  },
  run: (ctx, args) => {
    const { store, i18n, workspace } = ctx;
    const existed = termsOf(store, workspace.id).some((t) => t.startsOn === args.startsOn);
    const term = startTerm(store, ctx.now, { workspaceId: workspace.id, ...args, createdBy: ctx.actor.id });
    recordAudit(store, ctx.now, {
      workspaceId: workspace.id,
      actorId: ctx.actor.id,
      action: 'term.started',
      detail: { startsOn: term.startsOn, newYear: term.newYear, replaced: existed },
    });
    planNormsReviews(store, workspace.id, ctx.now);
    if (term.newYear) queueNewYear(store, workspace.id, term, ctx.now);
    const date = formatDate(term.startsOn, i18n.locale);
    const blocks = [
      text(term.name ? i18n.t('term.startedNamed', { name: term.name, date }) : i18n.t('term.started', { date })),
      text(i18n.t(term.newYear ? 'term.newYearEffects' : 'term.effects')),
    ];
    if (existed) blocks.push(text(i18n.t('term.replaced')));
    return [answer(view(i18n.locale, blocks))];
  },
});

/** The workspace's terms, oldest first, one page; shared by `terms` and `term` alone. */
function listTerms(ctx: Context, page: number, words: string) {
  const { store, i18n, workspace } = ctx;
  const all = termsOf(store, workspace.id);
  // "Now" is judged in the asker's community's zone, else the workspace's default.
  const zone = ctx.community?.tz ?? ctx.actor.tz ?? ctx.defaultTz;
  const running = termAt(store, workspace.id, zone, ctx.now);
  const p = pageOf(all, page);
  const lines = p.items.map((t) =>
    [
      i18n.t(t.name ? 'terms.lineNamed' : 'terms.line', { date: formatDate(t.startsOn, i18n.locale), name: t.name ?? '' }),
      t.newYear ? i18n.t('terms.newYear') : '',
      running?.id === t.id ? i18n.t('terms.running') : '',
    ]
      .filter(Boolean)
      .join(' '),
  );
  return [
    answer(
      view(i18n.locale, [
        heading(i18n.t('terms.title')),
        lines.length ? list(lines) : text(i18n.tr('terms.none', { command: { command: 'term start YYYY-MM-DD [new-year] [name]' } })),
        ...pageFoot({ i18n, community: null }, p, words),
      ]),
    ),
  ];
}

/** `terms`: the terms the coordinators marked, with the school years they start and the one running now. */
export const termsCommand = command({
  words: ['terms'],
  help: 'terms',
  access: 'anyone',
  readOnly: true,
  community: 'none',
  ...pageArgument,
  run: (ctx, { page }) => listTerms(ctx, page, 'terms'),
});

/** `term` alone: the same list as `terms`. */
export const termCommand = command({
  words: ['term'],
  help: 'terms',
  access: 'anyone',
  readOnly: true,
  community: 'none',
  ...pageArgument,
  run: (ctx, { page }) => listTerms(ctx, page, 'term'),
});
