import { DateTime } from 'luxon';
import { z } from 'zod/v4';
import { recordAudit } from '../../audit.js';
import { type Cadence, formatCadence, readCadence } from '../../grammar/cadence.js';
import { answer, command } from '../../grammar/command.js';
import { occurrencesBetween, ruleFor } from '../../grammar/recurrence.js';
import { formatTime } from '../../grammar/values.js';
import { localeFor } from '../../i18n/locales.js';
import { type Translator, translator } from '../../i18n/translate.js';
import { localDate } from '../../local-date.js';
import type { JobEnv, JobHandlers, Outbox } from '../../scheduler/handlers.js';
import type { Job } from '../../store/jobs.js';
import type { Store } from '../../store/store.js';
import { text, view } from '../../views/build.js';
import { formatWhen } from '../../views/dates.js';
import { DEFAULT_DAYS } from './status.js';
import { type Digest, summaryRepo } from './store/index.js';
import { allBlocks, type SummaryDeps } from './summary.js';

export const DIGEST_KIND = 'summaries.digest';
/** A digest more than a day late (the bot was down) is skipped: the next one is on its way. */
const DIGEST_STALE_MS = 86_400_000;
/** How far ahead the next digest is looked for: a monthly cadence always falls within it. */
const LOOKAHEAD_MS = 62 * 86_400_000;

type DigestPayload = { workspaceId: number; userId: number };

const topic = (userId: number) => `${DIGEST_KIND}:${userId}`;

/** The next instant the digest falls due after `now`, or null (no occurrence in two months: cannot happen for a cadence). */
function nextDue(digest: Digest, now: number): number | null {
  return occurrencesBetween(digest.rrule, now + 1, now + LOOKAHEAD_MS)[0]?.startsAt ?? null;
}

/** Queues the coordinator's next digest; the key (person and instant) makes it idempotent. */
function queueNext(store: Store, digest: Digest, now: number): number | null {
  const dueAt = nextDue(digest, now);
  if (dueAt === null) return null;
  store.jobs.queue(
    {
      kind: DIGEST_KIND,
      key: `${DIGEST_KIND}:${digest.userId}:${dueAt}`,
      topic: topic(digest.userId),
      dueAt,
      staleAt: dueAt + DIGEST_STALE_MS,
      payload: { workspaceId: digest.workspaceId, userId: digest.userId } satisfies DigestPayload,
    },
    now,
  );
  return dueAt;
}

/** A cadence in words: "every Monday at 07:30". */
function describe(c: Cadence, i18n: Translator): string {
  const weekday = DateTime.fromObject({ weekYear: 2026, weekNumber: 10, weekday: c.weekday }).setLocale(i18n.locale).toFormat('cccc');
  const time = formatTime(c.time);
  if (c.freq === 'monthly') return i18n.t('digest.monthly', { ordinal: c.ordinal === -1 ? 'last' : String(c.ordinal), weekday, time });
  return i18n.t(c.freq === 'weekly' ? 'digest.weekly' : 'digest.biweekly', { weekday, time });
}

/** `digest <cadence>` and `digest off`: the summary of every community in the coordinator's direct messages. */
export const digestCommand = command({
  words: ['digest'],
  help: 'digest',
  access: 'coordinator',
  community: 'none',
  schema: z.union([z.object({ off: z.literal(true) }), z.object({ off: z.literal(false), cadence: z.custom<Cadence>() })]),
  parse: (c) => (c.accept('off') ? { off: true } : { off: false, cadence: readCadence(c) }),
  run: (ctx, args) => {
    const { store, i18n, actor, workspace } = ctx;
    const repo = summaryRepo(store);
    store.jobs.unqueueTopic(topic(actor.id), ctx.now);
    if (args.off) {
      const had = repo.deleteDigest(actor.id);
      if (had) recordAudit(store, ctx.now, { workspaceId: workspace.id, actorId: actor.id, subjectId: actor.id, action: 'digest.off' });
      return [answer(view(i18n.locale, [text(i18n.t(had ? 'digest.off' : 'digest.alreadyOff'))]))];
    }
    // Personal messages follow the recipient's own zone.
    const tz = actor.tz ?? ctx.defaultTz;
    const from = args.cadence.from ?? localDate(ctx.now, tz);
    const digest: Digest = {
      userId: actor.id,
      workspaceId: workspace.id,
      cadence: formatCadence(args.cadence),
      rrule: ruleFor(args.cadence, tz, from),
      tz,
    };
    repo.saveDigest(digest, ctx.now);
    const first = queueNext(store, digest, ctx.now);
    recordAudit(store, ctx.now, {
      workspaceId: workspace.id,
      actorId: actor.id,
      subjectId: actor.id,
      action: 'digest.set',
      detail: { cadence: digest.cadence, tz },
    });
    const when = first === null ? '' : formatWhen(first, tz, i18n.locale, ctx.now);
    return [answer(view(i18n.locale, [text(i18n.t('digest.done', { cadence: describe(args.cadence, i18n), zone: tz, when }))]))];
  },
});

/**
 * `summaries.digest`: the coordinator's summary of every community, in their language and zone, then the next
 * one queued. Someone who is no longer a coordinator, or has left the platform, gets nothing and no more; on a
 * holiday of the whole school (in the coordinator's zone) nothing goes, and the next one is queued as usual.
 */
function sendDigest(deps: SummaryDeps) {
  return (job: Job, env: JobEnv): Outbox | null => {
    const { workspaceId, userId } = job.payload as DigestPayload;
    const digest = summaryRepo(env.store).digest(userId);
    const user = env.store.users.get(workspaceId, userId);
    const workspace = env.store.workspaces.get(workspaceId);
    if (!digest || !user || !workspace) return null;
    if (!user.isCoordinator || user.deactivatedAt !== null) {
      summaryRepo(env.store).deleteDigest(userId);
      return null;
    }
    queueNext(env.store, digest, env.now);
    // A holiday of the whole school (`holiday all`) sends none: the next, after it, covers the last 30 days as always.
    const today = localDate(env.now, digest.tz);
    if (env.store.holidays.forWorkspace(workspaceId).some((h) => h.startsOn <= today && today <= h.endsOn)) return null;
    const i18n = translator(localeFor(user, null));
    const { blocks, page } = allBlocks(deps, { ...env, i18n, zone: user.tz ?? digest.tz }, workspace, DEFAULT_DAYS, 1);
    const more =
      page.pages > 1
        ? [text(i18n.tr('digest.more', { shown: page.items.length, total: page.total, command: { command: 'status all page 2' } }))]
        : [];
    const title = text(i18n.t('digest.intro', { when: formatWhen(env.now, digest.tz, i18n.locale, env.now) }));
    return {
      workspace,
      deliveries: [{ to: 'user', user, view: view(i18n.locale, [title, ...blocks, ...more], i18n.t('digest.summary')) }],
    };
  };
}

/**
 * Registers the digest; a seed requeues every digest after downtime. Expired charts need no job of their own:
 * each chart stored deletes those whose seven days are over, and an expired link answers 410 until then.
 */
export function registerSummaryJobs(handlers: JobHandlers, deps: SummaryDeps): JobHandlers {
  return handlers.register(DIGEST_KIND, sendDigest(deps)).seed((env) => {
    for (const digest of summaryRepo(env.store).digests()) queueNext(env.store, digest, env.now);
  });
}
