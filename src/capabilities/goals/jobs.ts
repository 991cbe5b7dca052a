import { localeFor } from '../../i18n/locales.js';
import { translator } from '../../i18n/translate.js';
import type { JobEnv, JobHandlers, Outbox } from '../../scheduler/handlers.js';
import type { Community } from '../../store/communities.js';
import type { Job } from '../../store/jobs.js';
import type { Store } from '../../store/store.js';
import { isAwayAt, type User } from '../../store/users.js';
import { heading, list, view } from '../../views/build.js';
import type { Block } from '../../views/view.js';
import { takesPart } from './access.js';
import { ASK_STALE_MS, type AskPayload, askInstant, askList, askTopic, type PlanPayload, planNext } from './asks.js';
import { goalItem } from './list.js';
import type { CheckinSchedule, Goal } from './store/goals.js';
import { repos } from './store/index.js';
import { checkinButton, checkinForm } from './views.js';

/** A check-in ask shows at most this many buttons; more goals than that are listed, and `goals` shows them all. */
const MAX_BUTTONS = 5;

/** The schedule a job was planned for, if it still stands unchanged, with its community (null: the school's). */
function current(env: JobEnv, p: PlanPayload): { schedule: CheckinSchedule; community: Community | null } | null {
  const schedule = repos(env.store).goals.schedule(p.workspaceId, p.communityId);
  if (!schedule || schedule.setAt !== p.setAt) return null;
  if (p.communityId === null) return { schedule, community: null };
  const community = env.store.communities.get(p.workspaceId, p.communityId);
  return community && !community.archivedAt ? { schedule, community } : null;
}

/** Queues one person's ask for a date, at their own local time; its key makes it once per person, scope and date. */
export function queueAsk(
  store: Store,
  schedule: CheckinSchedule,
  community: Community | null,
  date: string,
  user: User,
  goals: Goal[],
  now: number,
  suffix = '',
): void {
  const at = askInstant(schedule, date, user, community);
  // Before the cadence was set there was nothing to ask; a time that passed while planning ran late still goes out.
  if (at < schedule.setAt) return;
  const payload: AskPayload = {
    workspaceId: schedule.workspaceId,
    communityId: schedule.communityId,
    setAt: schedule.setAt,
    date,
    userId: user.id,
    goalIds: goals.map((g) => g.id),
  };
  store.jobs.queue(
    {
      kind: 'goals.ask',
      key: `goals.ask:${schedule.scope}:${user.id}:${date}${suffix}`,
      topic: askTopic(schedule.workspaceId, user.id),
      dueAt: Math.max(at, now),
      staleAt: at + ASK_STALE_MS,
      payload,
    },
    now,
  );
}

/** `goals.plan`: plans the next cadence date, and on this one queues each person's ask at their own time. */
function plan(job: Job, env: JobEnv): Outbox | null {
  const p = job.payload as PlanPayload;
  const found = current(env, p);
  if (!found) return null;
  const { schedule, community } = found;
  planNext(env.store, schedule, p.date, env.now);
  // A holiday of the community (or, for the school's goals, of the whole school) asks nobody.
  const holidays = community
    ? env.store.holidays.forCommunity(p.workspaceId, community.id)
    : env.store.holidays.forWorkspace(p.workspaceId);
  if (holidays.some((h) => h.startsOn <= p.date && p.date <= h.endsOn)) return null;
  for (const [userId, goals] of askList(env.store, schedule, community, p.date)) {
    const user = env.store.users.get(p.workspaceId, userId);
    if (user) queueAsk(env.store, schedule, community, p.date, user, goals, env.now);
  }
  return null;
}

/** Whether the goal is still one this person is asked about: open, and still theirs to answer for. */
function stillTheirs(store: Store, user: User, goal: Goal): boolean {
  if (goal.closedAt !== null) return false;
  // An individual goal is asked about by the community it was set in, while its owner still takes part there.
  if (goal.level === 'me') return goal.ownerId === user.id && goal.communityId !== null && takesPart(store, goal.communityId, user.id);
  if (goal.level === 'school') return user.isCoordinator;
  return goal.communityId !== null && takesPart(store, goal.communityId, user.id);
}

/** The ask itself: the goals, each with its latest check-in, a button per goal, and the form when there is one goal. */
export function askView(store: Store, user: User, community: Community | null, goals: Goal[], now: number) {
  const i18n = translator(localeFor(user, community));
  const names = new Map(store.communities.list(user.workspaceId).map((c) => [c.id, c.name]));
  const ctx = { store, actor: user, now };
  const blocks: Block[] = [
    heading(community ? i18n.t('goals.ask.title', { community: community.name }) : i18n.t('goals.ask.titleSchool')),
    list(goals.map((g) => goalItem(ctx, i18n, g, names))),
  ];
  if (goals.length === 1) blocks.push({ type: 'form', form: checkinForm(i18n, goals[0] as Goal) });
  blocks.push({ type: 'actions', buttons: goals.slice(0, MAX_BUTTONS).map((g) => checkinButton(i18n, g)) });
  return view(i18n.locale, blocks);
}

/** `goals.ask`: one direct message asking a person to check in on the goals they answer for. */
function ask(job: Job, env: JobEnv): Outbox | null {
  const p = job.payload as AskPayload;
  const found = current(env, p);
  if (!found) return null;
  const user = env.store.users.get(p.workspaceId, p.userId);
  if (!user || isAwayAt(user, env.now, found.community?.tz)) return null;
  const { goals } = repos(env.store);
  const asked = p.goalIds.flatMap((id) => goals.get(id) ?? []).filter((g) => stillTheirs(env.store, user, g));
  const workspace = env.store.workspaces.get(p.workspaceId);
  if (asked.length === 0 || !workspace) return null;
  return { workspace, deliveries: [{ to: 'user', user, view: askView(env.store, user, found.community, asked, env.now) }] };
}

/** Registers the check-in asks' job kinds. */
export function registerGoalJobs(handlers: JobHandlers): void {
  handlers.register('goals.plan', plan).register('goals.ask', ask);
}
