import { z } from 'zod/v4';
import { UserError } from '../../errors.js';
import { answer, type Context, command, type Delivery, noArguments } from '../../grammar/command.js';
import { mention } from '../../grammar/people.js';
import { isRef, parseChoice, parseRef } from '../../grammar/values.js';
import type { ParamValue } from '../../i18n/translate.js';
import type { Community } from '../../store/communities.js';
import { text, view } from '../../views/build.js';
import type { Block, Text } from '../../views/view.js';
import { assignDuties, HORIZON_MS, nextMeeting, plannedOccurrences } from './plan.js';
import { refreshReminders } from './refresh.js';
import { repos } from './store/index.js';
import type { Meeting } from './store/meetings.js';
import { formatWhen, meetingBlocks, refLabel } from './views.js';

/** The meeting a command names with `#n`, which must belong to the community. */
export function meetingByRef(ctx: Context, community: Community, ref: number): Meeting {
  const meeting = repos(ctx.store).meetings.byRef(ctx.workspace.id, ref);
  if (!meeting || meeting.communityId !== community.id)
    throw new UserError('error.unknownMeeting', { ref: refLabel(ref), community: community.name });
  return meeting;
}

function scheduleTz(ctx: Context, community: Community): string {
  return repos(ctx.store).meetings.schedule(community.id)?.tz ?? community.tz;
}

/** `next`: the next meeting with its agenda, duties and attendance. */
export const nextCommand = command({
  words: ['next'],
  help: 'next',
  access: 'member',
  community: 'required',
  ...noArguments,
  run: (ctx) => {
    const { store, i18n } = ctx;
    const community = ctx.community as Community;
    const schedule = repos(store).meetings.schedule(community.id);
    if (!schedule?.rrule)
      throw new UserError('error.noSchedule', { community: community.name, command: { command: 'schedule weekly tue 15:30' } });
    const meeting = nextMeeting(store, community, ctx.now);
    if (!meeting) return [answer(view(i18n.locale, [text(i18n.t('nextMeeting.none', { community: community.name }))]))];
    return [
      answer(
        view(i18n.locale, meetingBlocks(store, community, meeting, i18n, { now: ctx.now, tz: schedule.tz, where: schedule.location })),
      ),
    ];
  },
});

/** `rsvp yes|no [#meeting]`: attendance; saying no hands one's duty to the next in the rotation. */
export const rsvpCommand = command({
  words: ['rsvp'],
  help: 'rsvp',
  access: 'member',
  community: 'required',
  schema: z.object({ answer: z.enum(['yes', 'no']), ref: z.number().int().positive().nullable() }),
  parse: (c) => {
    const tok = c.next();
    if (!tok) throw new UserError('error.missing');
    const choice = parseChoice(tok.value, ['yes', 'no'] as const);
    const ref = c.peek();
    if (ref && isRef(ref.value)) c.next();
    return { answer: choice, ref: ref && isRef(ref.value) ? parseRef(ref.value) : null };
  },
  run: (ctx, args): Delivery[] => {
    const { store, i18n, actor } = ctx;
    const community = ctx.community as Community;
    const meeting = args.ref !== null ? meetingByRef(ctx, community, args.ref) : nextMeeting(store, community, ctx.now);
    if (!meeting || meeting.status === 'cancelled' || meeting.endsAt <= ctx.now)
      throw new UserError('error.noUpcomingMeeting', { community: community.name });
    repos(store).meetings.rsvp(meeting.id, actor.id, args.answer, ctx.now);
    refreshReminders(store, meeting.id, ctx.now);
    const tz = scheduleTz(ctx, community);
    const when = formatWhen(meeting.startsAt, tz, i18n.locale, ctx.now);
    const blocks: Block[] = [text(i18n.t(args.answer === 'yes' ? 'rsvp.yes' : 'rsvp.no', { when }))];
    if (args.answer === 'no' && (meeting.facilitatorId === actor.id || meeting.noteTakerId === actor.id) && meeting.startsAt > ctx.now) {
      const after = assignDuties(store, community, meeting, tz, ctx.now);
      for (const [duty, before, now] of [
        ['duty.facilitator', meeting.facilitatorId, after.facilitatorId],
        ['duty.noteTaker', meeting.noteTakerId, after.noteTakerId],
      ] as const) {
        if (before !== actor.id || now === actor.id) continue;
        const user = now === null ? null : store.users.get(community.workspaceId, now);
        const name = user ? (mention(user) as ParamValue) : i18n.t('meeting.nobody');
        blocks.push(text(i18n.tr('rsvp.handedOver', { name, duty: i18n.t(duty) })));
      }
    }
    return [answer(view(i18n.locale, blocks))];
  },
});

/** The next meeting of each community a person belongs to, for the home view (reads only). */
export function nextMeetingLines(ctx: Context): Text[] {
  const { store, workspace, actor, i18n } = ctx;
  const lines: Text[] = [];
  for (const { community } of store.communities.ofUser(workspace.id, actor.id)) {
    const schedule = repos(store).meetings.schedule(community.id);
    if (!schedule?.rrule) continue;
    const next = plannedOccurrences(store, community, schedule, ctx.now, ctx.now + HORIZON_MS).find(
      (p) => p.state === 'held' && p.startsAt > ctx.now,
    );
    if (next)
      lines.push(
        i18n.t('home.nextMeeting', { community: community.name, when: formatWhen(next.startsAt, schedule.tz, i18n.locale, ctx.now) }),
      );
  }
  return lines;
}
