import { quoteName } from '../../grammar/communities.js';
import { mention } from '../../grammar/people.js';
import { type Translator, translator } from '../../i18n/translate.js';
import type { Community } from '../../store/communities.js';
import type { Store } from '../../store/store.js';
import { context, heading, text, view } from '../../views/build.js';
import { formatDate, formatWhen } from '../../views/dates.js';
import { pageFoot, pageOf } from '../../views/paging.js';
import type { Block, Text, View } from '../../views/view.js';
import { type HolidayRange, holidayOn } from './domain/meeting-plan.js';
import type { AgendaItem } from './store/agenda.js';
import { repos } from './store/index.js';
import type { Meeting } from './store/meetings.js';

export { formatDate, formatWhen };

/** An item number as shown everywhere: `#12`. */
export const refLabel = (ref: number): string => `#${ref}`;

function person(store: Store, userId: number | null, i18n: Translator): Text {
  const user = userId === null ? null : repos(store).meetings.person(userId);
  return user ? [mention(user)] : i18n.t('meeting.nobody');
}

/** The agenda items of a meeting: its own once it started, else those waiting for it. */
export function agendaOf(store: Store, community: Community, meeting: Meeting | null, now: number): AgendaItem[] {
  if (meeting && meeting.startsAt <= now) return repos(store).agenda.ofMeeting(meeting.id);
  return repos(store).agenda.open(community.id);
}

export function agendaLines(items: AgendaItem[], i18n: Translator): Text[] {
  return items.map((a) => i18n.t('agenda.line', { ref: refLabel(a.ref), text: a.text, name: a.authorName ?? '?' }));
}

/** " (ana, ben)" after a count, or nothing. */
const names = (answers: { displayName: string | null }[]): string => {
  // A former member's answer is counted and not named.
  const named = answers.flatMap((r) => (r.displayName === null ? [] : [r.displayName]));
  return named.length ? ` (${named.join(', ')})` : '';
};

/** A meeting with its time, place, duties, agenda and attendance, and the RSVP buttons. */
export function meetingBlocks(
  store: Store,
  community: Community,
  meeting: Meeting,
  i18n: Translator,
  opts: { now: number; tz: string; where: string | null; intro?: Text; preamble?: readonly Text[] },
): Block[] {
  const rsvps = repos(store).meetings.rsvps(meeting.id);
  const yes = rsvps.filter((r) => r.answer === 'yes');
  const no = rsvps.filter((r) => r.answer === 'no');
  const when = formatWhen(meeting.startsAt, opts.tz, i18n.locale, opts.now);
  const blocks: Block[] = [heading(i18n.t('meeting.title', { community: community.name, ref: refLabel(meeting.ref) }))];
  // What other capabilities put at the head of a reminder (the team's norms, in short).
  for (const line of opts.preamble ?? []) blocks.push(context(line));
  if (opts.intro) blocks.push(text(opts.intro));
  const fields: { label: string; value: Text }[] = [{ label: i18n.t('meeting.label.when'), value: when }];
  if (opts.where) fields.push({ label: i18n.t('meeting.label.where'), value: opts.where });
  fields.push(
    { label: i18n.t('meeting.label.facilitator'), value: person(store, meeting.facilitatorId, i18n) },
    { label: i18n.t('meeting.label.noteTaker'), value: person(store, meeting.noteTakerId, i18n) },
    // Who comes and who cannot, each with its own count and names: one line with both read as if the names
    // followed the wrong count ("1 person, 1 can't make it (ben)").
    {
      label: i18n.t('meeting.label.attendance'),
      value: i18n.t('meeting.attendance', { yes: yes.length }) + names(yes),
    },
  );
  if (no.length) fields.push({ label: i18n.t('meeting.label.declined'), value: i18n.t('meeting.declined', { no: no.length }) + names(no) });
  blocks.push({ type: 'fields', fields });
  const items = agendaOf(store, community, meeting, opts.now);
  blocks.push(heading(i18n.t('meeting.agendaTitle')));
  // The first page of the agenda, as `agenda` shows it; its More button runs `agenda page 2`. A meeting that has
  // started keeps its own agenda, which `agenda` no longer lists, so its foot only says how many there are.
  const page = pageOf(items, 1);
  const started = meeting.startsAt <= opts.now;
  const agenda: Block = {
    type: 'list',
    items: agendaLines(page.items, i18n),
    ...(started ? {} : { more: `in ${quoteName(community.name)} agenda` }),
  };
  blocks.push(page.items.length ? agenda : text(i18n.tr('meeting.agendaEmpty', { command: { command: 'agenda add' } })));
  const foot = pageFoot({ i18n, community }, page, 'agenda');
  blocks.push(...(started ? foot.filter((b) => b.type !== 'actions') : foot));
  blocks.push({
    type: 'actions',
    buttons: [
      { label: i18n.t('meeting.rsvpYes'), command: `rsvp yes ${refLabel(meeting.ref)}`, style: 'primary' },
      { label: i18n.t('meeting.rsvpNo'), command: `rsvp no ${refLabel(meeting.ref)}` },
    ],
  });
  return blocks;
}

/** A reminder reduced to its heading and one notice: the meeting no longer takes place, so no RSVP buttons. */
function noticeView(i18n: Translator, community: Community, meeting: Meeting, notice: string): View {
  return view(
    i18n.locale,
    [heading(i18n.t('meeting.title', { community: community.name, ref: refLabel(meeting.ref) })), text(notice)],
    notice,
  );
}

/** The holiday that skips a meeting; a moved meeting is held even in a holiday, as in the plan. */
function holidayOf(store: Store, community: Community, meeting: Meeting): HolidayRange | null {
  if (meeting.status !== 'scheduled' || meeting.moved) return null;
  return holidayOn(meeting.occurrence, store.holidays.forCommunity(community.workspaceId, community.id));
}

/**
 * A meeting's reminder as the channel reads it, in the community's language: the meeting with its current
 * state, or a notice that it is cancelled or skipped for a holiday (without RSVP buttons). Posting and
 * updating a reminder both use it.
 */
export function reminderView(store: Store, community: Community, meeting: Meeting, now: number, preamble: readonly Text[] = []): View {
  const schedule = repos(store).meetings.schedule(community.id);
  const tz = schedule?.tz ?? community.tz;
  const i18n = translator(community.locale);
  const when = formatWhen(meeting.startsAt, tz, i18n.locale, now);
  if (meeting.status === 'cancelled')
    return noticeView(i18n, community, meeting, i18n.t('reminder.cancelled', { community: community.name, when }));
  const holiday = holidayOf(store, community, meeting);
  if (holiday) {
    const name = holiday.name ?? i18n.t('skipped.holiday');
    return noticeView(i18n, community, meeting, i18n.t('reminder.holiday', { community: community.name, when, holiday: name }));
  }
  const intro = i18n.t('meeting.reminder', { community: community.name, when });
  const blocks = meetingBlocks(store, community, meeting, i18n, { now, tz, where: schedule?.location ?? null, intro, preamble });
  return view(i18n.locale, blocks, intro);
}

/** The last state of a reminder whose meeting a new schedule (or `schedule off`) removed. */
export function unscheduledView(store: Store, community: Community, meeting: Meeting, now: number): View {
  const tz = repos(store).meetings.schedule(community.id)?.tz ?? community.tz;
  const i18n = translator(community.locale);
  const when = formatWhen(meeting.startsAt, tz, i18n.locale, now);
  return noticeView(i18n, community, meeting, i18n.t('reminder.unscheduled', { community: community.name, when }));
}
