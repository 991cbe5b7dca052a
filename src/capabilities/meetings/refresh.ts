import type { SentMessage } from '../../ports.js';
import type { JobEnv, JobHandlers, Outbox, Tracker } from '../../scheduler/handlers.js';
import type { Community } from '../../store/communities.js';
import type { Job } from '../../store/jobs.js';
import type { Store } from '../../store/store.js';
import type { Text, View } from '../../views/view.js';
import { repos } from './store/index.js';
import { reminderView, unscheduledView } from './views.js';

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
  if (!repos(store).reminderPosts.has(meetingId)) return;
  const topic = refreshTopic(meetingId);
  if (store.jobs.pendingInTopic(topic).length > 0) return;
  // A running refresh may have read the state before this change, so the next one needs a key of its own.
  const revision = repos(store).meetings.touch(meetingId);
  store.jobs.queue({ kind: REFRESH_KIND, key: `${topic}:${revision}`, topic, dueAt: now, payload: { meetingId } }, now);
}

/** Refreshes the posted reminders of the community's meetings that have not started: they show its open agenda. */
export function refreshUpcomingReminders(store: Store, community: Community, now: number): void {
  for (const id of repos(store).reminderPosts.upcomingMeetings(community.id, now)) refreshReminders(store, id, now);
}

/** The job kind that shows, in the posts of a meeting that no longer exists, that it is no longer scheduled. */
export const RETIRED_KIND = 'meeting.retired';

type RetiredPayload = { workspaceId: number; posts: SentMessage[]; view: View };

/**
 * Before a new schedule (or `schedule off`) deletes the meetings that have not started, their posted reminders
 * are told so. The final view is rendered here, while the meeting row exists, and the job carries it with the
 * posts: once the row is gone (its reminder_posts rows cascade with it) nothing is left to render from, and a
 * row kept behind as "unscheduled" would hold its occurrence date against the new schedule's meetings.
 */
export function retireUpcomingReminders(store: Store, community: Community, now: number): void {
  for (const id of repos(store).reminderPosts.upcomingMeetings(community.id, now)) {
    const meeting = repos(store).meetings.get(id);
    if (!meeting) continue;
    const payload: RetiredPayload = {
      workspaceId: meeting.workspaceId,
      posts: repos(store).reminderPosts.ofMeeting(id),
      view: unscheduledView(store, community, meeting, now),
    };
    // Refs are never reused within a workspace (ids can be), so a meeting is retired once.
    const key = `${RETIRED_KIND}:${meeting.workspaceId}:${meeting.ref}`;
    store.jobs.queue({ kind: RETIRED_KIND, key, dueAt: now, payload }, now);
  }
}

/** `meeting.retired`: the carried view, put in place of each post; untracked, since the post rows are gone. */
function retired(job: Job, env: JobEnv): Outbox | null {
  const { workspaceId, posts, view } = job.payload as RetiredPayload;
  const workspace = env.store.workspaces.get(workspaceId);
  if (!workspace || posts.length === 0) return null;
  return { workspace, deliveries: [], edits: posts.map((sent) => ({ sent, view })) };
}

/** What other capabilities put at the head of a reminder, in the community's language (see `Preambles.meeting`). */
export type ReminderPreamble = (community: Community, env: JobEnv) => Text[];

/** `meeting.refresh`: every posted reminder of the meeting, updated to what it shows now; never a new post. */
const refresh =
  (preamble: ReminderPreamble) =>
  (job: Job, env: JobEnv): Outbox | null => {
    const { meetingId } = job.payload as { meetingId: number };
    const meeting = repos(env.store).meetings.get(meetingId);
    const posts = repos(env.store).reminderPosts.ofMeeting(meetingId);
    if (!meeting || posts.length === 0) return null;
    const community = env.store.communities.get(meeting.workspaceId, meeting.communityId);
    const workspace = env.store.workspaces.get(meeting.workspaceId);
    if (!community || !workspace) return null;
    const view = reminderView(env.store, community, meeting, env.now, preamble(community, env));
    const track = { kind: REMINDER_POST, data: { meetingId } };
    return { workspace, deliveries: [], edits: posts.map((sent) => ({ sent, view, track })) };
  };

/** Keeps where each reminder was posted, and forgets posts the platform says are gone. */
const reminderPosts: Tracker = {
  posted(sent, track, env) {
    repos(env.store).reminderPosts.add(Number(track.data.meetingId), sent, env.now);
  },
  gone(sent, _track, env) {
    repos(env.store).reminderPosts.forget(sent);
  },
};

/** Registers live reminders: the refresh and retire jobs and the tracker of posted reminders. */
export function registerReminderRefresh(handlers: JobHandlers, preamble: ReminderPreamble): JobHandlers {
  return handlers.register(REFRESH_KIND, refresh(preamble)).register(RETIRED_KIND, retired).track(REMINDER_POST, reminderPosts);
}
