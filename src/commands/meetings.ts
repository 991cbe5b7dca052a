import { list } from '../views/build.js';
import type { CommandDef } from './command.js';
import { addHomeSection } from './home.js';
import { agendaAddCommand, agendaCommand, agendaRemoveCommand } from './meetings-agenda.js';
import { membershipChanged, nextCommand, nextMeetingLines, rsvpCommand } from './meetings-attend.js';
import { calendarCommand, notesCommand } from './meetings-notes.js';
import { cancelCommand, holidayCommand, holidaysCommand, moveCommand, remindCommand, scheduleCommand } from './meetings-schedule.js';

/** What the foundation tells the cadence when a membership changes (see `membershipChanged`). */
export { membershipChanged };

/** Where the calendar feed is served from, for the links `calendar` answers with. */
export interface MeetingOptions {
  publicUrl?: string | undefined;
}

// Once per process, however many registries are built (tests build many).
addHomeSection((ctx) => {
  const lines = nextMeetingLines(ctx);
  return lines.length ? [list(lines)] : [];
});

/** The meeting-cadence commands, in the order help lists them. */
export function meetingCommands(options: MeetingOptions = {}): CommandDef[] {
  return [
    nextCommand,
    agendaCommand,
    agendaAddCommand,
    agendaRemoveCommand,
    rsvpCommand,
    notesCommand,
    calendarCommand(options.publicUrl),
    scheduleCommand,
    remindCommand,
    holidayCommand,
    holidaysCommand,
    cancelCommand,
    moveCommand,
  ];
}
