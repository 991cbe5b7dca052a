import { DateTime } from 'luxon';
import { quoteName } from '../../grammar/communities.js';
import { localeFor } from '../../i18n/locales.js';
import { translator } from '../../i18n/translate.js';
import { localDate } from '../../local-date.js';
import type { JobEnv, JobHandlers, Outbox } from '../../scheduler/handlers.js';
import type { Job } from '../../store/jobs.js';
import { isAwayAt, type User } from '../../store/users.js';
import { context, heading, text, view } from '../../views/build.js';
import type { Button } from '../../views/view.js';
import { questionText, takeQuestion } from './bank.js';
import { nudgeTopic, type PromptJobPayload, personTz, planPerson, promptsOn } from './plan.js';
import { repos } from './store/index.js';

/** A prompt or nudge this much past its time is not sent (the bot was down): the next one is planned instead. */
const LATE_MS = 12 * 3_600_000;
/** A time zone that moved by less than this is not worth replanning for. */
const SLACK_MS = 60_000;

type NudgePayload = {
  workspaceId: number;
  userId: number;
  date: string;
};

const answerButton = (label: string, community: string): Button => ({ label, command: `in ${quoteName(community)} reflect` });

function onHoliday(env: JobEnv, workspaceId: number, communityId: number, date: string): boolean {
  return env.store.holidays.forCommunity(workspaceId, communityId).some((h) => h.startsOn <= date && date <= h.endsOn);
}

function userOf(env: JobEnv, p: { workspaceId: number; userId: number }): { user: User; workspace: Outbox['workspace'] } | null {
  const workspace = env.store.workspaces.get(p.workspaceId);
  const user = workspace ? env.store.users.get(p.workspaceId, p.userId) : null;
  return workspace && user ? { user, workspace } : null;
}

/**
 * `reflections.prompt`: one message to one person with the question of the day and a button per community that
 * asks them that day. Whatever happens, the person's next prompt is planned, so the chain never breaks.
 */
function prompt(job: Job, env: JobEnv): Outbox | null {
  const p = job.payload as unknown as PromptJobPayload;
  const found = userOf(env, p);
  if (!found) return null;
  const { user, workspace } = found;
  const { store, now } = env;
  const { prompts } = repos(store);
  const schedules = prompts.schedulesOf(user.workspaceId, user.id);
  const tz = personTz(user, schedules);
  // A community on holiday that day asks nothing, and its time does not set the message's.
  const due = promptsOn(schedules, tz, p.date).filter((d) => !onHoliday(env, user.workspaceId, d.schedule.communityId, p.date));
  const first = Math.min(...due.map((d) => d.at));
  // Planned for a time that is not (or no longer) the first of the day: the zone changed, or a community's
  // earlier prompt is on holiday. It is replanned for the right time.
  const early = due.length > 0 && first > now + SLACK_MS;
  const skip =
    due.length === 0 ||
    early ||
    now - first > LATE_MS ||
    prompts.promptedOn(user.id, p.date) ||
    isAwayAt(user, now, tz) ||
    localDate(now, tz) !== p.date;
  const open = skip ? [] : due;
  if (open.length === 0) {
    planPerson(store, user, now);
    return null;
  }
  const communities = open.map((d) => d.schedule);
  const locale = localeFor(user, store.communities.get(user.workspaceId, communities[0]?.communityId as number));
  const key = takeQuestion(
    store,
    user.id,
    communities.map((c) => c.communityId),
    locale,
    now,
  );
  for (const c of communities)
    prompts.recordPrompt(
      { workspaceId: user.workspaceId, communityId: c.communityId, userId: user.id, localDate: p.date, questionKey: key },
      now,
    );
  const nudgeAt = DateTime.fromMillis(now, { zone: tz }).plus({ days: 1 }).toMillis();
  store.jobs.queue(
    {
      kind: 'reflections.nudge',
      key: `${nudgeTopic(user.id)}:${p.date}`,
      topic: nudgeTopic(user.id),
      dueAt: nudgeAt,
      payload: { workspaceId: user.workspaceId, userId: user.id, date: p.date } satisfies NudgePayload,
    },
    now,
  );
  planPerson(store, user, now);
  const i18n = translator(locale);
  const names = communities.map((c) => c.communityName);
  const blocks = [
    heading(i18n.t('prompt.title', { count: names.length, community: names[0] as string, communities: names.join(', ') })),
    text(questionText(store, key, locale)),
    {
      type: 'actions' as const,
      buttons: names.map((n) => answerButton(names.length > 1 ? i18n.t('prompt.answerFor', { community: n }) : i18n.t('prompt.answer'), n)),
    },
    context(i18n.tr('prompt.how', { command: { command: `in ${quoteName(names[0] as string)} reflect <text>` } })),
  ];
  return { workspace, deliveries: [{ to: 'user', user, view: view(locale, blocks) }] };
}

/** `reflections.nudge`: one gentle reminder, a day after a prompt nobody answered; never a second one. */
function nudge(job: Job, env: JobEnv): Outbox | null {
  const p = job.payload as unknown as NudgePayload;
  const found = userOf(env, p);
  if (!found) return null;
  const { user, workspace } = found;
  const { store, now } = env;
  const { prompts } = repos(store);
  const tz = personTz(user, prompts.schedulesOf(user.workspaceId, user.id));
  if (now - job.dueAt > LATE_MS || isAwayAt(user, now, tz)) return null;
  const today = localDate(now, tz);
  const open = prompts
    .unansweredOn(user.id, p.date)
    .filter((s) => s.nudgedAt === null)
    .filter((s) => {
      const role = store.communities.roleOf(s.communityId, user.id);
      return role !== null && role !== 'guest' && !onHoliday(env, user.workspaceId, s.communityId, today);
    });
  if (open.length === 0) return null;
  prompts.markNudged(
    open.map((s) => s.id),
    now,
  );
  const named = open.flatMap((s) => {
    const c = store.communities.get(user.workspaceId, s.communityId);
    return c && !c.archivedAt ? [c] : [];
  });
  if (named.length === 0) return null;
  const locale = localeFor(user, named[0] ?? null);
  const i18n = translator(locale);
  const blocks = [
    text(i18n.t('nudge.text', { community: (named[0] as { name: string }).name, count: named.length })),
    text(questionText(store, (open[0] as { questionKey: string }).questionKey, locale)),
    {
      type: 'actions' as const,
      buttons: named.map((c) =>
        answerButton(named.length > 1 ? i18n.t('prompt.answerFor', { community: c.name }) : i18n.t('prompt.answer'), c.name),
      ),
    },
  ];
  return { workspace, deliveries: [{ to: 'user', user, view: view(locale, blocks) }] };
}

/** Registers the prompts' job kinds, and a seed that plans anyone with prompts but nothing planned (an older database, a broken chain). */
export function registerReflectionJobs(handlers: JobHandlers): JobHandlers {
  return handlers
    .register('reflections.prompt', prompt)
    .register('reflections.nudge', nudge)
    .seed((env) => {
      for (const s of repos(env.store).prompts.allSchedules()) {
        for (const m of env.store.communities.members(s.communityId)) {
          if (m.role === 'guest') continue;
          const user = env.store.users.get(s.workspaceId, m.userId);
          if (user) planPerson(env.store, user, env.now, { ifNone: true });
        }
      }
    });
}
