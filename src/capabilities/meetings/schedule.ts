import { DateTime } from 'luxon';
import { z } from 'zod/v4';
import { recordAudit } from '../../audit.js';
import { UserError } from '../../errors.js';
import { type Cadence, formatCadence, readCadence } from '../../grammar/cadence.js';
import { answer, type Context, command } from '../../grammar/command.js';
import type { Cursor } from '../../grammar/cursor.js';
import { localInstant, ruleFor } from '../../grammar/recurrence.js';
import { cleanText, requireText } from '../../grammar/text.js';
import { durationMinutes, formatTime, normalizeDigits, parseDate, parseTime } from '../../grammar/values.js';
import type { Translator } from '../../i18n/translate.js';
import { localDate } from '../../local-date.js';
import type { Community } from '../../store/communities.js';
import { heading, list, text, view } from '../../views/build.js';
import { pageArgument, pageFoot, pageOf } from '../../views/paging.js';
import type { Block } from '../../views/view.js';
import { HORIZON_MS, planMeetings, plannedOccurrences } from './plan.js';
import { refreshReminders, retireUpcomingReminders } from './refresh.js';
import { repos } from './store/index.js';
import { formatDate, formatWhen } from './views.js';

const MAX_REMINDERS = 5;
const MIN_MEETING_MINUTES = 5;
const MAX_MEETING_MINUTES = 600;
const MAX_REMINDER_MINUTES = 7 * 1440;

/** A cadence in words, in the reader's language: "every other Thursday at 14:00". */
export function describeCadence(c: Cadence, i18n: Translator): string {
  const weekday = DateTime.fromObject({ weekYear: 2026, weekNumber: 10, weekday: c.weekday }).setLocale(i18n.locale).toFormat('cccc');
  const time = formatTime(c.time);
  if (c.freq === 'monthly') return i18n.t('cadence.monthly', { ordinal: c.ordinal === -1 ? 'last' : String(c.ordinal), weekday, time });
  return i18n.t(c.freq === 'weekly' ? 'cadence.weekly' : 'cadence.biweekly', { weekday, time });
}

/** One line of the audit trail for a change to a community's meetings (values only, never text anyone wrote). */
function audit(ctx: Context, community: Community | null, action: string, detail?: Record<string, string | number | boolean>): void {
  recordAudit(ctx.store, ctx.now, {
    workspaceId: ctx.workspace.id,
    actorId: ctx.actor.id,
    communityId: community?.id ?? null,
    action,
    ...(detail ? { detail } : {}),
  });
}

function requireSchedule(ctx: Context, community: Community) {
  const schedule = repos(ctx.store).meetings.schedule(community.id);
  if (!schedule?.rrule)
    throw new UserError('error.noSchedule', { community: community.name, command: { command: 'schedule weekly tue 15:30' } });
  return schedule;
}

function nextLine(ctx: Context, community: Community): Block {
  const meeting = planMeetings(ctx.store, community, ctx.now);
  const tz = repos(ctx.store).meetings.schedule(community.id)?.tz ?? community.tz;
  return text(
    meeting
      ? ctx.i18n.t('nextMeeting.line', { when: formatWhen(meeting.startsAt, tz, ctx.i18n.locale, ctx.now) })
      : ctx.i18n.t('nextMeeting.none', { community: community.name }),
  );
}

/** `schedule <cadence> [duration <minutes>] [where <text>]` and `schedule off`. */
export const scheduleCommand = command({
  words: ['schedule'],
  help: 'schedule',
  access: 'lead',
  community: 'required',
  schema: z.union([
    z.object({ off: z.literal(true) }),
    z.object({
      off: z.literal(false),
      cadence: z.custom<Cadence>(),
      duration: z.number().int().min(5).max(600).nullable(),
      where: z.string().max(500).nullable(),
    }),
  ]),
  parse: (c) => {
    if (c.accept('off')) return { off: true };
    const cadence = readCadence(c);
    let duration: number | null = null;
    if (c.accept('duration')) {
      const tok = c.next();
      const minutes = tok ? durationMinutes(tok.value.replace(/min$/i, 'm'), { bare: 'm', max: MAX_MEETING_MINUTES }) : null;
      if (minutes === null || minutes < MIN_MEETING_MINUTES) throw new UserError('error.badMinutes', { value: tok?.value ?? '' });
      duration = minutes;
    }
    const where = c.accept('where') ? requireText(c.rest(), 500) : null;
    return { off: false, cadence, duration, where };
  },
  run: (ctx, args) => {
    const { store, i18n } = ctx;
    const community = ctx.community as Community;
    if (args.off) {
      const had = repos(store).meetings.schedule(community.id)?.rrule;
      repos(store).meetings.saveSchedule(community.id, community.tz, { rrule: null, cadence: null }, ctx.now);
      retireUpcomingReminders(store, community, ctx.now);
      repos(store).meetings.deleteUpcoming(community.id, ctx.now);
      planMeetings(store, community, ctx.now);
      if (had) audit(ctx, community, 'schedule.off');
      return [answer(view(i18n.locale, [text(i18n.t(had ? 'schedule.off' : 'schedule.alreadyOff', { community: community.name }))]))];
    }
    // Meetings of the old schedule that have not started no longer exist, nor their cancellations and moves;
    // their posted reminders say so.
    retireUpcomingReminders(store, community, ctx.now);
    repos(store).meetings.deleteUpcoming(community.id, ctx.now);
    const tz = community.tz;
    const from = args.cadence.from ?? localDate(ctx.now, tz);
    const schedule = repos(store).meetings.saveSchedule(
      community.id,
      tz,
      {
        rrule: ruleFor(args.cadence, tz, from),
        cadence: formatCadence(args.cadence),
        ...(args.duration !== null ? { durationMin: args.duration } : {}),
        ...(args.where !== null ? { location: args.where } : {}),
      },
      ctx.now,
    );
    audit(ctx, community, 'schedule.set', { cadence: formatCadence(args.cadence), tz, duration: schedule.durationMin });
    const blocks = [
      text(
        i18n.t('schedule.done', {
          community: community.name,
          cadence: describeCadence(args.cadence, i18n),
          zone: tz,
          duration: schedule.durationMin,
        }),
      ),
    ];
    if (schedule.location) blocks.push(text(i18n.t('schedule.where', { where: schedule.location })));
    blocks.push(nextLine(ctx, community));
    return [answer(view(i18n.locale, blocks))];
  },
});

/** Reads `24h,1h,30m` (or separated by spaces) as minutes before the meeting, largest first. */
function readReminders(raw: string): number[] {
  const parts = normalizeDigits(raw)
    .split(/[\s,]+/)
    .filter(Boolean);
  const minutes = parts.map((p) => durationMinutes(p, { max: MAX_REMINDER_MINUTES }));
  if (minutes.length === 0 || minutes.length > MAX_REMINDERS || minutes.some((m) => m === null))
    throw new UserError('error.badReminders', { value: raw });
  return [...new Set(minutes as number[])].sort((a, b) => b - a);
}

function reminderLabel(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440}d`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  return `${minutes}m`;
}

/** `remind <24h,1h,…>`: when reminders go out before each meeting. */
export const remindCommand = command({
  words: ['remind'],
  help: 'remind',
  access: 'lead',
  community: 'required',
  schema: z.object({ minutes: z.array(z.number().int().positive()) }),
  parse: (c) => ({ minutes: readReminders(c.rest()) }),
  run: (ctx, { minutes }) => {
    const { store, i18n } = ctx;
    const community = ctx.community as Community;
    repos(store).meetings.saveSchedule(
      community.id,
      repos(store).meetings.schedule(community.id)?.tz ?? community.tz,
      { reminders: minutes },
      ctx.now,
    );
    planMeetings(store, community, ctx.now);
    audit(ctx, community, 'reminders.set', { minutes: minutes.join(',') });
    const params = { community: community.name, count: minutes.length, list: minutes.map(reminderLabel).join(', ') };
    return [answer(view(i18n.locale, [text(i18n.t('remind.done', params))]))];
  },
});

/** `<from> <to> [name]`, as `holiday` and `holiday all` read it. */
const holidayGrammar = {
  schema: z.object({ from: z.string(), to: z.string(), name: z.string().nullable() }),
  parse: (c: Cursor) => {
    const a = c.next();
    const b = c.next();
    if (!a || !b) throw new UserError('error.missing');
    const from = parseDate(a.value, c.now);
    const to = parseDate(b.value, c.now);
    if (to < from) throw new UserError('error.holidayOrder', { from, to });
    const rest = c.rest();
    return { from, to, name: cleanText(rest) ? requireText(rest, 120) : null };
  },
};

/** `holiday <from> <to> [name]`: no meetings on those dates; the team hears once. */
export const holidayCommand = command({
  words: ['holiday'],
  help: 'holiday',
  access: 'lead',
  community: 'required',
  ...holidayGrammar,
  run: (ctx, { from, to, name }) => {
    const { store, i18n, workspace, actor } = ctx;
    const community = ctx.community as Community;
    const holiday = store.holidays.add(
      { workspaceId: workspace.id, communityId: community.id, startsOn: from, endsOn: to, name, createdBy: actor.id },
      ctx.now,
    );
    audit(ctx, community, 'holiday.added', { from, to });
    const sends = ctx.reactions.holidayAdded(ctx, workspace, community, holiday.id);
    const schedule = repos(store).meetings.schedule(community.id);
    const skipped = schedule
      ? plannedOccurrences(store, community, schedule, ctx.now, ctx.now + HORIZON_MS).filter(
          (p) => p.state === 'holiday' && p.occurrence >= from && p.occurrence <= to,
        ).length
      : 0;
    const blocks = [text(i18n.t('holiday.done', { community: community.name, from, to, count: skipped }))];
    if (schedule?.rrule) blocks.push(nextLine(ctx, community));
    return [answer(view(i18n.locale, blocks)), ...sends];
  },
});

/**
 * `holiday all <from> <to> [name]`: a holiday of the whole workspace (a school break), for coordinators. Every
 * capability's schedule skips it; each community's team hears once, as with its own holidays.
 */
export const holidayAllCommand = command({
  words: ['holiday', 'all'],
  help: 'holiday',
  access: 'coordinator',
  community: 'none',
  ...holidayGrammar,
  run: (ctx, { from, to, name }) => {
    const { store, i18n, workspace, actor } = ctx;
    const holiday = store.holidays.add(
      { workspaceId: workspace.id, communityId: null, startsOn: from, endsOn: to, name, createdBy: actor.id },
      ctx.now,
    );
    audit(ctx, null, 'holiday.added', { from, to, wholeSchool: true });
    const sends = ctx.reactions.holidayAdded(ctx, workspace, null, holiday.id);
    const count = store.communities.list(workspace.id).length;
    return [answer(view(i18n.locale, [text(i18n.t('holiday.allDone', { from, to, count }))])), ...sends];
  },
});

/** `holidays`: the community's own holidays and the school's. */
export const holidaysCommand = command({
  words: ['holidays'],
  help: 'holidays',
  access: 'member',
  community: 'required',
  ...pageArgument,
  run: (ctx, args) => {
    const { store, i18n } = ctx;
    const community = ctx.community as Community;
    const page = pageOf(store.holidays.forCommunity(community.workspaceId, community.id), args.page);
    const lines = page.items.map((h) =>
      i18n
        .t('holidays.line', {
          from: h.startsOn,
          to: h.endsOn,
          name: [h.name ?? '', h.communityId === null ? i18n.t('holidays.wholeSchool') : ''].filter(Boolean).join(' '),
        })
        .trim(),
    );
    return [
      answer(
        view(i18n.locale, [
          heading(i18n.t('holidays.title', { community: community.name })),
          lines.length ? list(lines) : text(i18n.tr('holidays.none', { command: { command: 'holiday <from> <to> [name]' } })),
          ...pageFoot(ctx, page, 'holidays'),
        ]),
      ),
    ];
  },
});

/** Finds the occurrence the rule gives on a date (a cancelled or moved one included). */
function occurrenceOn(ctx: Context, community: Community, date: string) {
  const schedule = requireSchedule(ctx, community);
  const dayStart = DateTime.fromISO(date, { zone: schedule.tz });
  const found = plannedOccurrences(
    ctx.store,
    community,
    schedule,
    dayStart.minus({ days: 1 }).toMillis(),
    dayStart.plus({ days: 2 }).toMillis(),
  ).find((p) => p.occurrence === date);
  const moved = repos(ctx.store).meetings.byOccurrence(community.id, date);
  if (!found && !moved) throw new UserError('error.noOccurrence', { community: community.name, date: formatDate(date, ctx.i18n.locale) });
  return { schedule, startsAt: found?.startsAt ?? (moved?.startsAt as number), state: found?.state ?? 'held' };
}

function ensureMeetingRow(ctx: Context, community: Community, date: string, startsAt: number, durationMin: number) {
  return repos(ctx.store).meetings.upsert(
    { workspaceId: community.workspaceId, communityId: community.id, occurrence: date, startsAt, endsAt: startsAt + durationMin * 60_000 },
    () => ctx.store.workspaces.nextRef(community.workspaceId),
    ctx.now,
  );
}

/** `cancel <date>`: one meeting does not take place. */
export const cancelCommand = command({
  words: ['cancel'],
  help: 'cancel',
  access: 'lead',
  community: 'required',
  schema: z.object({ date: z.string() }),
  parse: (c) => {
    const tok = c.next();
    if (!tok) throw new UserError('error.missing');
    return { date: parseDate(tok.value, c.now) };
  },
  run: (ctx, { date }) => {
    const { store, i18n } = ctx;
    const community = ctx.community as Community;
    const { schedule, startsAt, state } = occurrenceOn(ctx, community, date);
    const shown = formatDate(date, i18n.locale);
    if (state === 'cancelled') return [answer(view(i18n.locale, [text(i18n.t('cancel.already', { date: shown }))]))];
    const existing = repos(store).meetings.byOccurrence(community.id, date);
    const meeting = existing ?? ensureMeetingRow(ctx, community, date, startsAt, schedule.durationMin);
    repos(store).meetings.setStatus(meeting.id, 'cancelled');
    audit(ctx, community, 'meeting.cancelled', { date });
    refreshReminders(store, meeting.id, ctx.now);
    return [answer(view(i18n.locale, [text(i18n.t('cancel.done', { community: community.name, date: shown })), nextLine(ctx, community)]))];
  },
});

/** `move <date> <new date> <HH:MM>`: one meeting takes place at another time. */
export const moveCommand = command({
  words: ['move'],
  help: 'move',
  access: 'lead',
  community: 'required',
  schema: z.object({ date: z.string(), to: z.string(), time: z.object({ hour: z.number(), minute: z.number() }) }),
  parse: (c) => {
    const a = c.next();
    const b = c.next();
    const t = c.next();
    if (!a || !b || !t) throw new UserError('error.missing');
    return { date: parseDate(a.value, c.now), to: parseDate(b.value, c.now), time: parseTime(t.value) };
  },
  run: (ctx, { date, to, time }) => {
    const { store, i18n } = ctx;
    const community = ctx.community as Community;
    const { schedule, startsAt } = occurrenceOn(ctx, community, date);
    const newStart = localInstant(to, time, schedule.tz);
    const when = formatWhen(newStart, schedule.tz, i18n.locale, ctx.now);
    // A meeting moved into the past would never be reminded of nor start; the lead most likely mistyped.
    if (newStart <= ctx.now) throw new UserError('error.moveToPast', { when });
    const meeting =
      repos(store).meetings.byOccurrence(community.id, date) ?? ensureMeetingRow(ctx, community, date, startsAt, schedule.durationMin);
    repos(store).meetings.move(meeting.id, newStart, newStart + schedule.durationMin * 60_000);
    audit(ctx, community, 'meeting.moved', { date, to, time: formatTime(time) });
    refreshReminders(store, meeting.id, ctx.now);
    return [
      answer(
        view(i18n.locale, [
          text(i18n.t('move.done', { community: community.name, date: formatDate(date, i18n.locale), when })),
          nextLine(ctx, community),
        ]),
      ),
    ];
  },
});
