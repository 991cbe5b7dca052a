import type { Store } from '../../../store/store.js';
import { AgendaRepo } from './agenda.js';
import { CalendarLinkRepo } from './calendar-links.js';
import { MeetingRepo } from './meetings.js';
import { ReminderPostRepo } from './reminder-posts.js';

export interface MeetingRepos {
  meetings: MeetingRepo;
  agenda: AgendaRepo;
  reminderPosts: ReminderPostRepo;
  calendarLinks: CalendarLinkRepo;
}

/** The meeting cadence's repositories on a store, made once per store. */
export function repos(store: Store): MeetingRepos {
  return store.extension('meetings', (db) => ({
    meetings: new MeetingRepo(db),
    agenda: new AgendaRepo(db),
    reminderPosts: new ReminderPostRepo(db),
    calendarLinks: new CalendarLinkRepo(db),
  }));
}
