import type { Capability } from '../../capability.js';
import { readCadence } from '../../grammar/cadence.js';
import { Cursor } from '../../grammar/cursor.js';
import type { Translator } from '../../i18n/translate.js';
import type { Store } from '../../store/store.js';
import { list } from '../../views/build.js';
import { agendaAddCommand, agendaCommand, agendaRemoveCommand } from './agenda.js';
import { nextCommand, nextMeetingLines, rsvpCommand } from './attend.js';
import { calendarCommand } from './calendar.js';
import { registerMeetingJobs } from './jobs.js';
import { messages } from './messages.js';
import { meetings as meetingTables } from './migrations/003-meetings.js';
import { reminderPosts } from './migrations/004-reminder-posts.js';
import { meetingIds } from './migrations/005-meeting-ids.js';
import { calendarLinks } from './migrations/300-calendar-links.js';
import { sharedCalendarLinks } from './migrations/301-shared-calendar-links.js';
import { anonymousRsvps } from './migrations/302-anonymous-rsvps.js';
import { meetingSummaryIndexes } from './migrations/310-summary-indexes.js';
import { rsvpAnswersIndex } from './migrations/311-rsvp-answers-index.js';
import { rsvpYesIndex } from './migrations/312-rsvp-yes-index.js';
import { meetingYesMembers } from './migrations/313-yes-members.js';
import { meetingsSummaryIndex } from './migrations/314-meetings-summary-index.js';
import { notesCommand, notesDocument } from './notes.js';
import { personalData, privacy } from './personal-data.js';
import { reactions } from './reactions.js';
import {
  cancelCommand,
  describeCadence,
  holidayAllCommand,
  holidayCommand,
  holidaysCommand,
  moveCommand,
  remindCommand,
  scheduleCommand,
} from './schedule.js';
import { repos } from './store/index.js';
import {
  meetingAttention,
  meetingExport,
  meetingFigures,
  meetingFiguresOfMany,
  meetingParticipants,
  meetingParticipantsOfMany,
} from './summary.js';

/**
 * Meeting cadence: a weekly, biweekly or monthly meeting at a local time, with reminders in the channel, an
 * agenda, rotating duties, notes, attendance, holidays and a calendar feed.
 */
export const meetings: Capability<typeof messages> = {
  name: 'meetings',
  // The kinds shipped as `meeting.*`; pending rows and idempotency keys carry them.
  jobPrefix: 'meeting',
  versions: [
    [3, 9],
    [300, 399],
  ],
  migrations: [
    meetingTables,
    reminderPosts,
    meetingIds,
    calendarLinks,
    sharedCalendarLinks,
    anonymousRsvps,
    meetingSummaryIndexes,
    rsvpAnswersIndex,
    rsvpYesIndex,
    meetingYesMembers,
    meetingsSummaryIndex,
  ],
  messages,
  commands: ({ publicUrl }) => [
    nextCommand,
    agendaCommand,
    agendaAddCommand,
    agendaRemoveCommand,
    rsvpCommand,
    notesCommand,
    calendarCommand(publicUrl),
    scheduleCommand,
    remindCommand,
    holidayCommand,
    holidayAllCommand,
    holidaysCommand,
    cancelCommand,
    moveCommand,
  ],
  jobs: (handlers, options) => {
    registerMeetingJobs(handlers, options?.preambles);
  },
  home: (ctx) => {
    const lines = nextMeetingLines(ctx);
    return lines.length ? [list(lines)] : [];
  },
  reactions,
  personalData,
  // Meeting notes are read by the whole community in its channel, and found by its search.
  searchable: (community, { store }) => repos(store).meetings.withNotes(community.id).map(notesDocument),
  privacy,
  figures: meetingFigures,
  figuresOfMany: meetingFiguresOfMany,
  attention: meetingAttention,
  participants: meetingParticipants,
  participantsOfMany: meetingParticipantsOfMany,
  coordinatorExport: meetingExport,
};

export { weekFacilitator } from './duty-of-week.js';
export { calendarFeed, type Feed, type FeedEvent } from './feed.js';
export { describeCadence } from './schedule.js';
export { formatWhen } from './views.js';

/**
 * The community's meeting cadence in the reader's words ("every Tuesday at 15:30"), or null without a schedule:
 * for the new school year's ask to its leads (operations).
 */
export function meetingCadence(store: Store, communityId: number, i18n: Translator): string | null {
  const cadence = repos(store).meetings.schedule(communityId)?.cadence;
  return cadence ? describeCadence(readCadence(new Cursor(cadence)), i18n) : null;
}
