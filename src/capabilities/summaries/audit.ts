import { z } from 'zod/v4';
import { type AuditRow, auditSince } from '../../audit.js';
import { UserError } from '../../errors.js';
import { type Context, command } from '../../grammar/command.js';
import type { MessageKey } from '../../i18n/translate.js';
import { heading, list, text, view } from '../../views/build.js';
import { formatWhen } from '../../views/dates.js';
import { pageFoot, pageOf, parsePage } from '../../views/paging.js';
import { DEFAULT_DAYS, privately, readSince } from './status.js';

/** The actions the trail names in words; any other is shown as its stable word. */
const ACTIONS: Record<string, MessageKey> = {
  'community.created': 'audit.action.communityCreated',
  'role.changed': 'audit.action.roleChanged',
  'coordinator.added': 'audit.action.coordinatorAdded',
  'coordinator.removed': 'audit.action.coordinatorRemoved',
  'settings.changed': 'audit.action.settingsChanged',
  'schedule.set': 'audit.action.scheduleSet',
  'schedule.off': 'audit.action.scheduleOff',
  'reminders.set': 'audit.action.remindersSet',
  'holiday.added': 'audit.action.holidayAdded',
  'meeting.cancelled': 'audit.action.meetingCancelled',
  'meeting.moved': 'audit.action.meetingMoved',
  'digest.set': 'audit.action.digestSet',
  'digest.off': 'audit.action.digestOff',
  'export.community': 'audit.action.exportCommunity',
  'export.me': 'audit.action.exportMe',
  'export.user': 'audit.action.exportUser',
  'forget.me': 'audit.action.forgetMe',
  'forget.user': 'audit.action.forgetUser',
};

/** Actions that are always about someone: with no one left to name, that someone has been erased. */
const ABOUT_SOMEONE = new Set(['role.changed', 'coordinator.added', 'coordinator.removed', 'export.user', 'forget.user']);

/** A person in the trail: their name while they are known, "a former member" once they used forget-me. */
function who(ctx: Context, kind: 'person' | 'system', id: number | null): string {
  if (kind === 'system') return ctx.i18n.t('audit.system');
  const user = id === null ? null : ctx.store.users.get(ctx.workspace.id, id);
  return user ? user.displayName : ctx.i18n.t('audit.formerMember');
}

function line(ctx: Context, row: AuditRow, tz: string): string {
  const { i18n } = ctx;
  const key = ACTIONS[row.action];
  const parts = [formatWhen(row.at, tz, i18n.locale, ctx.now), who(ctx, row.actorKind, row.actorId), key ? i18n.t(key) : row.action];
  const aboutSomeone = row.subjectId !== null || ABOUT_SOMEONE.has(row.action);
  if (aboutSomeone && (row.subjectId === null || row.subjectId !== row.actorId))
    parts.push(i18n.t('audit.about', { name: who(ctx, 'person', row.subjectId) }));
  const community = row.communityId === null ? null : ctx.store.communities.get(ctx.workspace.id, row.communityId);
  if (community) parts.push(community.name);
  const detail = Object.entries(row.detail)
    .map(([k, v]) => `${k}: ${v === null ? '–' : String(v)}`)
    .join(', ');
  if (detail) parts.push(detail);
  return parts.join(' · ');
}

/** `audit [since <n>d] [page <n>]`: who changed roles, schedules or settings, exported data or used forget-me, and when. */
export const auditCommand = command({
  words: ['audit'],
  readOnly: true,
  help: 'audit',
  access: 'coordinator',
  community: 'none',
  schema: z.object({ days: z.number().int(), page: z.number().int() }),
  parse: (c) => {
    let days = DEFAULT_DAYS;
    let page = 1;
    while (!c.atEnd()) {
      if (c.accept('since')) days = readSince(c);
      else if (c.peek()?.value.toLowerCase() === 'page') page = parsePage(c);
      else throw new UserError('error.unexpected', { value: c.peek()?.value.slice(0, 40) ?? '' });
    }
    return { days, page };
  },
  run: (ctx, { days, page }) => {
    const { i18n } = ctx;
    const tz = ctx.actor.tz ?? ctx.defaultTz;
    const rows = auditSince(ctx.store, ctx.workspace.id, ctx.now - days * 86_400_000).reverse();
    const shown = pageOf(rows, page);
    const since = days === DEFAULT_DAYS ? '' : ` since ${days}d`;
    const blocks = [
      heading(i18n.t('audit.title', { days })),
      rows.length ? list(shown.items.map((r) => line(ctx, r, tz))) : text(i18n.t('audit.none')),
      ...pageFoot({ ...ctx, community: null }, shown, `audit${since}`),
    ];
    return privately(ctx, view(i18n.locale, blocks));
  },
});
