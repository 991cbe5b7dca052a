import { z } from 'zod/v4';
import { UserError } from '../errors.js';
import type { Context } from '../grammar/command.js';
import { quoteName } from '../grammar/communities.js';
import type { Cursor } from '../grammar/cursor.js';
import { normalizeDigits } from '../grammar/values.js';
import type { Block } from './view.js';

/** Every listing command shows at most this many items at a time (COMMANDS.md, "Long lists"). */
export const PAGE_SIZE = 10;

/** The highest page anyone can ask for: 1,000 pages of ten is more than any list the bot keeps. */
const MAX_PAGE = 1000;

/**
 * Reads the option `page <n>` where a listing command's options stand (before its free text); 1 when it is
 * not there. A number that is no page is refused, not taken as the first page.
 */
export function parsePage(c: Cursor): number {
  if (!c.accept('page')) return 1;
  const tok = c.next();
  if (!tok) throw new UserError('error.pageMissing');
  const m = /^\d{1,4}$/.exec(normalizeDigits(tok.value));
  const n = m ? Number(m[0]) : 0;
  if (n < 1 || n > MAX_PAGE) throw new UserError('error.badPage', { value: tok.value });
  return n;
}

/** The arguments of a listing command that takes nothing but `page <n>`: spread into its definition. */
export const pageArgument = {
  schema: z.object({ page: z.number().int().positive() }),
  parse: (c: Cursor) => ({ page: parsePage(c) }),
};

/** One page of a list, with what the view needs to say where it is. */
export interface Page<T> {
  items: T[];
  page: number;
  pages: number;
  total: number;
}

/** The `page`-th page (from 1) of `all`; past the end it is the last page, so a stale button still shows something. */
export function pageOf<T>(all: readonly T[], page: number, size = PAGE_SIZE): Page<T> {
  const pages = Math.max(1, Math.ceil(all.length / size));
  const at = Math.min(Math.max(1, page), pages);
  return { items: all.slice((at - 1) * size, at * size), page: at, pages, total: all.length };
}

/**
 * The foot of a list page: where it is ("11–20 of 34") and a "More" button that runs the same command with
 * `page <n+1>`. `words` are the command's words and options before `page`, `rest` what comes after it (search
 * words, a tag), so `search page 2 fractions`. A command about a community names it with `in`, so the button
 * works wherever it is pressed. Nothing when everything fits on one page.
 */
export function pageFoot(ctx: Pick<Context, 'i18n' | 'community'>, p: Page<unknown>, words: string, rest = ''): Block[] {
  if (p.pages <= 1) return [];
  const from = (p.page - 1) * PAGE_SIZE + 1;
  const to = from + p.items.length - 1;
  const foot: Block[] = [{ type: 'context', text: ctx.i18n.t('list.range', { from, to, total: p.total }) }];
  if (p.page < p.pages) {
    const scope = ctx.community ? `in ${quoteName(ctx.community.name)} ` : '';
    const tail = rest ? ` ${rest}` : '';
    foot.push({ type: 'actions', buttons: [{ label: ctx.i18n.t('list.more'), command: `${scope}${words} page ${p.page + 1}${tail}` }] });
  }
  return foot;
}
