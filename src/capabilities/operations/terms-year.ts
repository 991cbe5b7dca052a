import { DateTime } from 'luxon';
import { recordAudit } from '../../audit.js';
import type { PersonalData, PrivacyNotice } from '../../capability.js';
import { UserError } from '../../errors.js';
import { answer, command, noArguments } from '../../grammar/command.js';
import { quoteName } from '../../grammar/communities.js';
import { localeFor } from '../../i18n/locales.js';
import { translator } from '../../i18n/translate.js';
import { localDate } from '../../local-date.js';
import type { JobEnv, JobHandlers, Outbox } from '../../scheduler/handlers.js';
import type { Community } from '../../store/communities.js';
import { prepared } from '../../store/db.js';
import type { Job } from '../../store/jobs.js';
import type { Store } from '../../store/store.js';
import { type PlacedTerm, placedTerms, type Term, termsOf } from '../../terms.js';
import { context, heading, list, text, view } from '../../views/build.js';
import { formatDate } from '../../views/dates.js';
import { normsCount } from '../knowledge/index.js';
import { meetingCadence } from '../meetings/index.js';

/** On the day a school year starts, the leads of every community are asked (one job for the workspace). */
export const NEW_YEAR_KIND = 'operations.newYear';
/** One lead's ask to confirm their community for the new year. */
export const YEAR_ASK_KIND = 'operations.yearAsk';

/** The ask reaches each lead at this hour of the first day, in their own zone (quiet hours may hold it longer). */
const ASK_HOUR = 9;
/** The earliest zone on Earth: its midnight is the first moment the date has begun anywhere. */
const EARLIEST_ZONE = 'Etc/GMT-14';

type NewYearPayload = { workspaceId: number; startsOn: string };
type AskPayload = NewYearPayload & { communityId: number; userId: number };

/**
 * After `term start … new-year`: the day's fan-out is queued for the first midnight of that date anywhere. Its key
 * names the workspace and date, so typing the command twice (or a restart) asks nobody twice.
 */
export function queueNewYear(store: Store, workspaceId: number, term: Term, now: number): void {
  const midnight = DateTime.fromISO(term.startsOn, { zone: EARLIEST_ZONE }).startOf('day').toMillis();
  const payload: NewYearPayload = { workspaceId, startsOn: term.startsOn };
  store.jobs.queue(
    { kind: NEW_YEAR_KIND, key: `${NEW_YEAR_KIND}:${workspaceId}:${term.startsOn}`, dueAt: Math.max(midnight, now), payload },
    now,
  );
}

/** The term that starts on `startsOn`, if it is still marked as starting a school year. */
function newYearTerm(store: Store, workspaceId: number, startsOn: string): Term | null {
  return termsOf(store, workspaceId).find((t) => t.startsOn === startsOn && t.newYear) ?? null;
}

/** The school year running at `now` in a community's zone: the latest `new-year` term begun there. */
function runningYear(store: Store, community: Community, now: number): PlacedTerm | null {
  let year: PlacedTerm | null = null;
  for (const t of placedTerms(store, community.workspaceId, community.tz)) {
    if (t.startsAt > now) break;
    if (t.newYear) year = t;
  }
  return year;
}

function confirmation(store: Store, communityId: number, termId: number): { confirmedAt: number } | null {
  return (
    (prepared(store.db, 'SELECT confirmed_at AS confirmedAt FROM year_confirmations WHERE community_id = ? AND term_id = ?').get(
      communityId,
      termId,
    ) as { confirmedAt: number } | undefined) ?? null
  );
}

/**
 * `operations.newYear`: on the first day of a school year, one ask per lead of every community that is not
 * archived, each due at nine in the morning in the lead's own zone (or now, when that has passed).
 */
function newYear(job: Job, env: JobEnv): Outbox | null {
  const p = job.payload as NewYearPayload;
  const { store, now } = env;
  // Unmarked since, or a later term began before this could run (a long outage): the moment has passed.
  if (!newYearTerm(store, p.workspaceId, p.startsOn)) return null;
  const later = termsOf(store, p.workspaceId).find((t) => t.startsOn > p.startsOn);
  if (later && later.startsOn <= localDate(now, 'UTC')) return null;
  for (const community of store.communities.list(p.workspaceId)) {
    for (const userId of store.communities.leadIds(community.id)) {
      const user = store.users.get(p.workspaceId, userId);
      if (!user || user.deactivatedAt !== null) continue;
      const morning = DateTime.fromISO(p.startsOn, { zone: user.tz ?? community.tz })
        .set({ hour: ASK_HOUR })
        .toMillis();
      const payload: AskPayload = { ...p, communityId: community.id, userId };
      const key = `${YEAR_ASK_KIND}:${community.id}:${p.startsOn}:${userId}`;
      store.jobs.queue({ kind: YEAR_ASK_KIND, key, dueAt: Math.max(morning, now), payload }, now);
    }
  }
  return null;
}

/** `operations.yearAsk`: one lead is asked, in their language, to confirm the members, the cadence and the norms. */
function yearAsk(job: Job, env: JobEnv): Outbox | null {
  const p = job.payload as AskPayload;
  const { store } = env;
  const workspace = store.workspaces.get(p.workspaceId);
  const community = store.communities.get(p.workspaceId, p.communityId);
  const user = store.users.get(p.workspaceId, p.userId);
  const term = newYearTerm(store, p.workspaceId, p.startsOn);
  if (!workspace || !community || community.archivedAt || !user || user.deactivatedAt !== null || !term) return null;
  // No longer a lead, or another lead confirmed already: nothing to ask.
  if (store.communities.roleOf(community.id, user.id) !== 'lead' || confirmation(store, community.id, term.id)) return null;
  const i18n = translator(localeFor(user, community));
  const scope = `in ${quoteName(community.name)}`;
  const cadence = meetingCadence(store, community.id, i18n);
  const members = store.communities.memberCount(community.id);
  const norms = normsCount(store, community.id);
  const blocks = [
    heading(i18n.t('year.ask.title', { community: community.name })),
    text(i18n.t('year.ask.intro', { community: community.name, date: formatDate(p.startsOn, i18n.locale) })),
    list([
      i18n.tr('year.ask.members', { count: members, command: { command: `${scope} members` } }),
      cadence
        ? i18n.tr('year.ask.cadence', { cadence, command: { command: `${scope} schedule <cadence>` } })
        : i18n.tr('year.ask.noCadence', { command: { command: `${scope} schedule weekly tue 15:30` } }),
      i18n.tr('year.ask.norms', { count: norms, command: { command: norms > 0 ? `${scope} norms` : `${scope} norms add <text>` } }),
    ]),
    {
      type: 'actions' as const,
      buttons: [
        { label: i18n.t('year.button.members'), command: `${scope} members` },
        { label: i18n.t('year.button.norms'), command: `${scope} norms` },
        { label: i18n.t('year.button.confirm'), command: `${scope} term confirm`, style: 'primary' as const },
      ],
    },
    context(i18n.tr('year.ask.how', { command: { command: `${scope} term confirm` } })),
  ];
  return { workspace, deliveries: [{ to: 'user', user, view: view(i18n.locale, blocks) }] };
}

/** Registers the new school year's jobs. */
export function registerYearJobs(handlers: JobHandlers): JobHandlers {
  return handlers.register(NEW_YEAR_KIND, newYear).register(YEAR_ASK_KIND, yearAsk);
}

/**
 * `term confirm`: a lead says the community's members, cadence and norms are right for the school year running
 * now. The first confirmation is kept; the other leads are not asked any more, and a second press says so.
 */
export const termConfirmCommand = command({
  words: ['term', 'confirm'],
  help: 'term.confirm',
  access: 'lead',
  community: 'required',
  ...noArguments,
  run: (ctx) => {
    const { store, i18n } = ctx;
    const community = ctx.community as Community;
    const year = runningYear(store, community, ctx.now);
    if (!year) throw new UserError('error.noSchoolYear', { command: { command: 'term start YYYY-MM-DD new-year' } });
    const date = formatDate(year.startsOn, i18n.locale);
    const before = confirmation(store, community.id, year.id);
    if (before) {
      const on = formatDate(localDate(before.confirmedAt, community.tz), i18n.locale);
      return [answer(view(i18n.locale, [text(i18n.t('term.alreadyConfirmed', { community: community.name, date: on }))]))];
    }
    prepared(store.db, 'INSERT INTO year_confirmations (community_id, term_id, confirmed_by, confirmed_at) VALUES (?, ?, ?, ?)').run(
      community.id,
      year.id,
      ctx.actor.id,
      ctx.now,
    );
    recordAudit(store, ctx.now, {
      workspaceId: ctx.workspace.id,
      actorId: ctx.actor.id,
      communityId: community.id,
      action: 'term.confirmed',
      detail: { startsOn: year.startsOn },
    });
    return [answer(view(i18n.locale, [text(i18n.t('term.confirmed', { community: community.name, date }))]))];
  },
});

/** A lead's confirmations are theirs to see; forgotten, the confirmation stays, credited to nobody. */
export const personalData: PersonalData = {
  export: ({ workspace, user }, { store }) => {
    const rows = prepared(
      store.db,
      `SELECT c.name AS community, t.starts_on AS schoolYear, y.confirmed_at AS at FROM year_confirmations y
         JOIN communities c ON c.id = y.community_id JOIN terms t ON t.id = y.term_id
         WHERE c.workspace_id = ? AND y.confirmed_by = ? ORDER BY y.confirmed_at`,
    ).all(workspace.id, user.id) as { community: string; schoolYear: string; at: number }[];
    return rows.length ? { yearConfirmations: rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() })) } : {};
  },
  forget: ({ workspace, user }, { store }) => {
    prepared(store.db, 'UPDATE year_confirmations SET confirmed_by = NULL WHERE confirmed_by = ?').run(user.id);
    // The core's terms table names who marked each term; the mark stays, credited to nobody.
    prepared(store.db, 'UPDATE terms SET created_by = NULL WHERE workspace_id = ? AND created_by = ?').run(workspace.id, user.id);
  },
};

export const privacy: PrivacyNotice = {
  stores: [{ what: 'privacy.operations.yearConfirmed', readers: 'leads', kept: 'whileUsed', onForget: 'anonymous' }],
};
