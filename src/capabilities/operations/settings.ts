import { DateTime } from 'luxon';
import { z } from 'zod/v4';
import { recordAudit } from '../../audit.js';
import { UserError } from '../../errors.js';
import { answer, command } from '../../grammar/command.js';
import { formatQuietHours, formatWorkdays, parseQuietHours, parseWorkdays } from '../../quiet-hours.js';
import { prepared } from '../../store/db.js';
import { text, view } from '../../views/build.js';

/** `settings quiet 07:00-19:00`: the hours in which the bot writes to the workspace's people. */
export const settingsQuietCommand = command({
  words: ['settings', 'quiet'],
  help: 'settings.quiet',
  access: 'coordinator',
  community: 'none',
  schema: z.object({ hours: z.string() }),
  parse: (c) => {
    const tok = c.next();
    if (!tok) throw new UserError('error.missing');
    return { hours: formatQuietHours(parseQuietHours(tok.value)) };
  },
  run: (ctx, { hours }) => {
    prepared(ctx.store.db, 'UPDATE workspaces SET quiet_hours = ? WHERE id = ?').run(hours, ctx.workspace.id);
    recordAudit(ctx.store, ctx.now, {
      workspaceId: ctx.workspace.id,
      actorId: ctx.actor.id,
      action: 'settings.changed',
      detail: { setting: 'quiet', value: hours },
    });
    const [from = '', to = ''] = hours.split('-');
    return [answer(view(ctx.i18n.locale, [text(ctx.i18n.t('settings.quiet.done', { from, to }))]))];
  },
});

/** `settings workdays mon-fri`: the days on which the bot writes to the workspace's people. */
export const settingsWorkdaysCommand = command({
  words: ['settings', 'workdays'],
  help: 'settings.workdays',
  access: 'coordinator',
  community: 'none',
  schema: z.object({ days: z.array(z.number().int().min(1).max(7)).min(1) }),
  parse: (c) => {
    const tok = c.next();
    if (!tok) throw new UserError('error.missing');
    return { days: parseWorkdays(tok.value) };
  },
  run: (ctx, { days }) => {
    const typed = formatWorkdays(days);
    prepared(ctx.store.db, 'UPDATE workspaces SET workdays = ? WHERE id = ?').run(typed, ctx.workspace.id);
    recordAudit(ctx.store, ctx.now, {
      workspaceId: ctx.workspace.id,
      actorId: ctx.actor.id,
      action: 'settings.changed',
      detail: { setting: 'workdays', value: typed },
    });
    // 2024-01-01 was a Monday: each day's name in the asker's language.
    const names = days.map((d) => DateTime.utc(2024, 1, d).setLocale(ctx.i18n.locale).toFormat('cccc'));
    return [answer(view(ctx.i18n.locale, [text(ctx.i18n.t('settings.workdays.done', { days: names.join(', ') }))]))];
  },
});
