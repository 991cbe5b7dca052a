import { occurrencesBetween } from '../../grammar/recurrence.js';
import { localeFor } from '../../i18n/locales.js';
import { translator } from '../../i18n/translate.js';
import { localDate } from '../../local-date.js';
import type { JobEnv, JobHandlers, Outbox } from '../../scheduler/handlers.js';
import type { Community } from '../../store/communities.js';
import type { Job } from '../../store/jobs.js';
import { text, view } from '../../views/build.js';
import { planNextRound, startRound } from './rounds.js';
import { pairing } from './store/index.js';
import { focusButtons, refLabel, scoped, windowEnd } from './views.js';

interface VisitJob {
  workspaceId: number;
  communityId: number;
  roundId: number;
  visitId: number;
  userId: number;
  ask?: number;
}

function communityOf(env: JobEnv, workspaceId: number, communityId: number): Community | null {
  const community = env.store.communities.get(workspaceId, communityId);
  return community && !community.archivedAt ? community : null;
}

function workspaceOf(env: JobEnv, community: Community) {
  const workspace = env.store.workspaces.get(community.workspaceId);
  if (!workspace) throw new Error(`workspace ${community.workspaceId} is gone`);
  return workspace;
}

/**
 * `pairing.round`: a scheduled round starts, unless the schedule changed since or a holiday (added after it was
 * planned) skips it; either way the next one is planned.
 */
function round(job: Job, env: JobEnv): Outbox | null {
  const p = job.payload as { workspaceId: number; communityId: number; startsAt: number };
  const community = communityOf(env, p.workspaceId, p.communityId);
  if (!community) return null;
  const schedule = pairing(env.store).schedule(community.id);
  const stillOn = schedule?.rrule && occurrencesBetween(schedule.rrule, p.startsAt, p.startsAt + 1).length > 0;
  const date = localDate(p.startsAt, schedule?.tz ?? community.tz);
  const holiday = env.store.holidays.forCommunity(community.workspaceId, community.id).some((h) => h.startsOn <= date && date <= h.endsOn);
  if (!stillOn || holiday) {
    planNextRound(env.store, community, env.now);
    return null;
  }
  const started = startRound(env.store, community, env.now);
  planNextRound(env.store, community, env.now);
  const posts = started.deliveries.filter((d) => d.to === 'user');
  return posts.length ? { workspace: workspaceOf(env, community), deliveries: posts } : null;
}

/** `pairing.focusReminder`: three days before the window ends, the observed teacher who chose no focus hears once. */
function focusReminder(job: Job, env: JobEnv): Outbox | null {
  const p = job.payload as unknown as VisitJob;
  const community = communityOf(env, p.workspaceId, p.communityId);
  const repo = pairing(env.store);
  const visit = repo.visit(p.visitId);
  const round = repo.round(p.roundId);
  if (!community || !visit || !round || visit.cancelledAt || visit.focusChoice || round.closedAt || visit.observedId !== p.userId)
    return null;
  const user = env.store.users.get(community.workspaceId, p.userId);
  if (!user) return null;
  const i18n = translator(localeFor(user, community));
  const observer = visit.observerId === null ? null : env.store.users.get(community.workspaceId, visit.observerId);
  const blocks = [
    text(
      i18n.t('pairing.focus.reminder', {
        community: community.name,
        name: observer?.displayName ?? '—',
        until: windowEnd(i18n, community, round, env.now),
      }),
    ),
    focusButtons(i18n, community, env.store),
  ];
  return { workspace: workspaceOf(env, community), deliveries: [{ to: 'user', user, view: view(i18n.locale, blocks) }] };
}

/** `pairing.ask`: when the window closes (and once more a week after "not yet"), the observer is asked if the visit happened. */
function ask(job: Job, env: JobEnv): Outbox | null {
  const p = job.payload as unknown as VisitJob;
  const community = communityOf(env, p.workspaceId, p.communityId);
  const repo = pairing(env.store);
  const visit = repo.visit(p.visitId);
  const round = repo.round(p.roundId);
  if (!community || !visit || !round || visit.cancelledAt || visit.observerId !== p.userId) return null;
  if (visit.happened === 'yes' || visit.happened === 'no' || (p.ask === 1 && visit.happened === 'not-yet')) return null;
  const user = env.store.users.get(community.workspaceId, p.userId);
  if (!user) return null;
  const observed = visit.observedId === null ? null : env.store.users.get(community.workspaceId, visit.observedId);
  const i18n = translator(localeFor(user, community));
  const command = (a: string) => `${scoped(community)}observe happened ${a} ${refLabel(round.ref)}`;
  const blocks = [
    text(
      i18n.t(p.ask === 2 ? 'pairing.ask.again' : 'pairing.ask.text', {
        community: community.name,
        name: observed?.displayName ?? '—',
        ref: refLabel(round.ref),
      }),
    ),
    {
      type: 'actions' as const,
      buttons: [
        { label: i18n.t('pairing.ask.yes'), command: command('yes'), style: 'primary' as const },
        ...(p.ask === 2 ? [] : [{ label: i18n.t('pairing.ask.notYet'), command: command('not-yet') }]),
        { label: i18n.t('pairing.ask.no'), command: command('no') },
      ],
    },
  ];
  return { workspace: workspaceOf(env, community), deliveries: [{ to: 'user', user, view: view(i18n.locale, blocks) }] };
}

/** Registers peer observation's job kinds. */
export function registerPairingJobs(handlers: JobHandlers): JobHandlers {
  return handlers.register('pairing.round', round).register('pairing.focusReminder', focusReminder).register('pairing.ask', ask);
}
