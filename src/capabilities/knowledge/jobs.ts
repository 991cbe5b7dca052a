import { DateTime } from 'luxon';
import { translator } from '../../i18n/translate.js';
import type { JobEnv, JobHandlers, Outbox } from '../../scheduler/handlers.js';
import type { Community } from '../../store/communities.js';
import type { Job } from '../../store/jobs.js';
import type { Store } from '../../store/store.js';
import { placedTerms } from '../../terms.js';
import { heading, list, text, view } from '../../views/build.js';
import { library } from './store/index.js';
import { resourceLine } from './views.js';

/** The weekly "New in the library" note. */
export const WEEKLY_KIND = 'knowledge.newInLibrary';
/** The ask to review the norms. */
export const REVIEW_KIND = 'knowledge.normsReview';

/** The note goes out on Fridays at 15:00 in the community's zone, about the week before it. */
const NOTE_WEEKDAY = 5;
const NOTE_HOUR = 15;
const WEEK_MS = 7 * 86_400_000;
/**
 * The team reviews its norms at each term start the coordinators marked (`term start`); with no term start ahead,
 * every twelve weeks.
 */
export const REVIEW_WEEKS = 12;
/** A term-start review goes out on the term's first day at this hour, in the community's zone. */
const TERM_REVIEW_HOUR = 9;
/** Norms all written this recently are not up for review yet: the team has only just agreed them. */
const FRESH_NORMS_MS = 4 * WEEK_MS;
/** The most resources the note lists; the rest is one command away. */
const NOTE_ITEMS = 10;

type Payload = { workspaceId: number; communityId: number };

/** The next note's time after `now`: the coming Friday at 15:00 in the community's zone (DST-safe, in local time). */
export function nextNoteAt(now: number, tz: string): DateTime {
  const local = DateTime.fromMillis(now, { zone: tz });
  let at = local.set({ weekday: NOTE_WEEKDAY, hour: NOTE_HOUR, minute: 0, second: 0, millisecond: 0 });
  if (at.toMillis() <= now) at = at.plus({ weeks: 1 });
  return at;
}

/**
 * After something is added to the library, the week's note is queued (once per community and week, by its
 * key); a week in which nothing is added has no job and sends nothing.
 */
export function queueWeeklyNote(store: Store, community: Community, now: number): void {
  const at = nextNoteAt(now, community.tz);
  const payload: Payload = { workspaceId: community.workspaceId, communityId: community.id };
  const key = `${WEEKLY_KIND}:${community.id}:${at.toISODate()}`;
  store.jobs.queue({ kind: WEEKLY_KIND, key, dueAt: at.toMillis(), staleAt: at.toMillis() + WEEK_MS, payload }, now);
}

function load(env: JobEnv, p: Payload) {
  const community = env.store.communities.get(p.workspaceId, p.communityId);
  const workspace = env.store.workspaces.get(p.workspaceId);
  if (!community || community.archivedAt || !workspace) return null;
  return { community, workspace };
}

/** `knowledge.newInLibrary`: what was added in the seven days before the note and is still there, in the channel. */
function newInLibrary(job: Job, env: JobEnv): Outbox | null {
  const found = load(env, job.payload as Payload);
  if (!found) return null;
  const { community, workspace } = found;
  const added = library(env.store).sharedBetween(community.id, job.dueAt - WEEK_MS, job.dueAt);
  if (added.length === 0) return null;
  const i18n = translator(community.locale);
  const blocks = [
    heading(i18n.t('knowledge.weekly.title', { community: community.name })),
    text(i18n.t('knowledge.weekly.intro', { count: added.length })),
    list(added.slice(0, NOTE_ITEMS).map((r) => resourceLine(r, i18n, community.tz))),
    text(i18n.tr('knowledge.weekly.more', { command: { command: 'resources' } })),
  ];
  return { workspace, deliveries: [{ to: 'channel', community, view: view(i18n.locale, blocks) }] };
}

const reviewTopic = (communityId: number) => `${REVIEW_KIND}:${communityId}`;

type ReviewPayload = Payload & { termStartsOn?: string };

/** When the next review is due after `now`: the next term start's morning, else twelve weeks on. */
export function nextNormsReview(store: Store, community: Community, now: number): { at: number; termStartsOn: string | null } {
  for (const term of placedTerms(store, community.workspaceId, community.tz)) {
    const at = DateTime.fromMillis(term.startsAt, { zone: community.tz }).set({ hour: TERM_REVIEW_HOUR }).toMillis();
    if (at > now) return { at, termStartsOn: term.startsOn };
  }
  return { at: DateTime.fromMillis(now, { zone: community.tz }).plus({ weeks: REVIEW_WEEKS }).toMillis(), termStartsOn: null };
}

/**
 * Once the team has norms, one ask to review them is pending per community: at the next term start, or twelve
 * weeks on when none is known. A term start marked later replaces a twelve-week ask; each term's ask has a key of
 * its own, so a term start typed twice, or a restart, never asks twice.
 */
export function queueNormsReview(store: Store, community: Community, now: number): void {
  const topic = reviewTopic(community.id);
  const next = nextNormsReview(store, community, now);
  const key = next.termStartsOn ? `${topic}:term:${next.termStartsOn}` : `${topic}:${next.at}`;
  const pending = store.jobs.pendingInTopic(topic);
  if (next.termStartsOn ? pending.some((j) => j.key === key) : pending.length > 0) return;
  store.jobs.unqueueTopic(topic, now);
  const payload: ReviewPayload = { workspaceId: community.workspaceId, communityId: community.id };
  if (next.termStartsOn) payload.termStartsOn = next.termStartsOn;
  store.jobs.queue({ kind: REVIEW_KIND, key, topic, dueAt: next.at, payload }, now);
}

/** After a term start is marked: every community of the workspace that has norms asks at that term's start. */
export function planNormsReviews(store: Store, workspaceId: number, now: number): void {
  for (const community of store.communities.list(workspaceId)) {
    if (library(store).norms(community.id).length > 0) queueNormsReview(store, community, now);
  }
}

/** `knowledge.normsReview`: the channel is asked to look at its norms again; the next ask is queued. */
function normsReview(job: Job, env: JobEnv): Outbox | null {
  const p = job.payload as ReviewPayload;
  const found = load(env, p);
  if (!found) return null;
  const { community, workspace } = found;
  const norms = library(env.store).norms(community.id);
  // No norms, no chain: the next `norms add` starts it again.
  if (norms.length === 0) return null;
  queueNormsReview(env.store, community, env.now);
  if (norms.every((n) => n.createdAt > env.now - FRESH_NORMS_MS)) return null;
  const i18n = translator(community.locale);
  const params = { community: community.name, count: norms.length, command: { command: 'norms' } };
  const line = p.termStartsOn
    ? i18n.tr('knowledge.norms.termReview', params)
    : i18n.tr('knowledge.norms.review', { ...params, weeks: REVIEW_WEEKS });
  return { workspace, deliveries: [{ to: 'channel', community, view: view(i18n.locale, [text(line)]) }] };
}

/** Registers the knowledge capability's job kinds. */
export function registerKnowledgeJobs(handlers: JobHandlers): JobHandlers {
  return handlers.register(WEEKLY_KIND, newInLibrary).register(REVIEW_KIND, normsReview);
}
