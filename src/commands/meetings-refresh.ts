import type { JobEnv, JobHandlers, Outbox, Tracker } from '../scheduler/handlers.js';
import type { Community } from '../store/communities.js';
import type { Job } from '../store/jobs.js';
import type { Store } from '../store/store.js';
import { reminderView } from './meetings-views.js';

/** The job kind that updates a meeting's posted reminders in place. */
export const REFRESH_KIND = 'meeting.refresh';
/** The tracked-message kind of a posted reminder. */
export const REMINDER_POST = 'meeting.reminder';

const refreshTopic = (meetingId: number): string => `${REFRESH_KIND}:${meetingId}`;

/**
 * Asks for the posted reminders of a meeting to show its current state, off the request path: a job due now.
 * While one waits, later changes ride on it (it renders the state when it runs), so a burst of RSVPs is one update.
 */
export function refreshReminders(store: Store, meetingId: number, now: number): void {
  if (!store.reminderPosts.has(meetingId)) return;
  const topic = refreshTopic(meetingId);
  if (store.jobs.pendingInTopic(topic).length > 0) return;
  // A running refresh may have read the state before this change, so the next one needs a key of its own.
  const revision = store.meetings.touch(meetingId);
  store.jobs.queue({ kind: REFRESH_KIND, key: `${topic}:${revision}`, topic, dueAt: now, payload: { meetingId } }, now);
}

/** Refreshes the posted reminders of the community's meetings that have not started: they show its open agenda. */
export function refreshUpcomingReminders(store: Store, community: Community, now: number): void {
  for (const id of store.reminderPosts.upcomingMeetings(community.id, now)) refreshReminders(store, id, now);
}

/** `meeting.refresh`: every posted reminder of the meeting, updated to what it shows now; never a new post. */
function refresh(job: Job, env: JobEnv): Outbox | null {
  const { meetingId } = job.payload as { meetingId: number };
  const meeting = env.store.meetings.get(meetingId);
  const posts = env.store.reminderPosts.ofMeeting(meetingId);
  if (!meeting || posts.length === 0) return null;
  const community = env.store.communities.get(meeting.workspaceId, meeting.communityId);
  const workspace = env.store.workspaces.get(meeting.workspaceId);
  if (!community || !workspace) return null;
  const view = reminderView(env.store, community, meeting, env.now);
  const track = { kind: REMINDER_POST, data: { meetingId } };
  return { workspace, deliveries: [], edits: posts.map((sent) => ({ sent, view, track })) };
}

/** Keeps where each reminder was posted, and forgets posts the platform says are gone. */
const reminderPosts: Tracker = {
  posted(sent, track, env) {
    env.store.reminderPosts.add(Number(track.data.meetingId), sent, env.now);
  },
  gone(sent, _track, env) {
    env.store.reminderPosts.forget(sent);
  },
};

/** Registers live reminders: the refresh job and the tracker of posted reminders. */
export function registerReminderRefresh(handlers: JobHandlers): JobHandlers {
  return handlers.register(REFRESH_KIND, refresh).track(REMINDER_POST, reminderPosts);
}
