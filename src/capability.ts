import type { CommandDef, Context, Delivery } from './grammar/command.js';
import type { Registry } from './grammar/registry.js';
import type { MessageModule } from './i18n/define.js';
import type { MessageKey, Translator } from './i18n/translate.js';
import type { Logger } from './log.js';
import type { JobHandlers } from './scheduler/handlers.js';
import type { Community } from './store/communities.js';
import { prepared } from './store/db.js';
import type { Migration } from './store/migrations/index.js';
import type { Store } from './store/store.js';
import type { User } from './store/users.js';
import type { Workspace } from './store/workspaces.js';
import type { Block, Text } from './views/view.js';

/** What the composition root hands every capability when it builds its commands. */
export interface CapabilityOptions {
  /** Where the shared HTTP server is reached from outside, for links (calendar feeds, charts). */
  publicUrl?: string | undefined;
  /** The registry being built from every capability's commands (help lists it). */
  registry: Registry;
  /** What every capability puts at the head of meeting reminders and of help (see `Preambles`). */
  preambles: Preambles;
  /** Days that reflections, notes and check-ins are kept (RETENTION_DAYS); 0 keeps everything. */
  retentionDays?: number | undefined;
  /** Everything that holds data about people (capabilities and adapters), for the data-rights capability. */
  personalData?: (() => readonly PersonalDataHolder[]) | undefined;
}

/** A part of the home view that a capability contributes (next meeting, open observations, check-ins). */
export type HomeSection = (ctx: Context) => Block[];

/**
 * What capabilities put at the head of another's views about a community, collected by the composition root
 * from every capability's hooks (`meetingPreamble`, `helpPreamble`), in list order, so that neither imports the other.
 */
export interface Preambles {
  /** Short lines at the head of every meeting reminder (the team's norms), in the community's language. */
  meeting(community: Community, env: CoreEnv & { i18n: Translator }): Text[];
  /** Blocks at the head of `help` typed in the community's channel (its charter). */
  help(community: Community, env: CoreEnv & { i18n: Translator }): Block[];
}

/** What a reaction or a data hook sees: the store, the instant (from the clock) and the log. */
export interface CoreEnv {
  store: Store;
  now: number;
  log: Logger;
  /** The asker's language, when a command caused what is being handled. */
  i18n?: Translator;
}

/** A person as the data hooks name them: one row of `users`, within one workspace. */
export interface Person {
  workspace: Workspace;
  user: User;
}

/**
 * How a capability reacts to what happens to people, whichever platform or command it came from. Each runs
 * inside the transaction that made the change, after the core's own rows say so; it returns what to send.
 */
export interface Reactions {
  /** Someone left the community, or their role in it changed (they may be a guest now). */
  membershipChanged?(env: CoreEnv, community: Community, user: User): Delivery[];
  /** Someone was deactivated on their platform, or paused themselves: they are away from every community. */
  away?(env: CoreEnv, user: User): Delivery[];
  /** A community's time zone changed from `from` to `community.tz`. */
  timeZoneChanged?(env: CoreEnv, community: Community, from: string): Delivery[];
  /** A holiday was added; `community` is null for a holiday of the whole workspace. */
  holidayAdded?(env: CoreEnv, workspace: Workspace, community: Community | null, holidayId: number): Delivery[];
  /**
   * The community was archived (`community.archivedAt` is set): its schedules stop. The core has already removed
   * every queued job whose payload names the community; a capability clears what it plans otherwise (per person).
   */
  communityArchived?(env: CoreEnv, community: Community): Delivery[];
  /** An archived community is back: each capability plans its schedules again from their stored cadences, from now on. */
  communityRestored?(env: CoreEnv, community: Community): Delivery[];
}

/**
 * A capability's part of one person's data. The data-rights capability calls these; an adapter that keeps
 * its own tables about people registers the same two hooks.
 */
export interface PersonalData {
  /** Everything held about the person, as JSON-ready entries (each with its date and who could read it). */
  export(person: Person, env: CoreEnv): Record<string, unknown>;
  /**
   * Erases the person: their own words go, what others rely on stays credited to nobody. Afterwards no row
   * of this capability's tables points at the person.
   */
  forget(person: Person, env: CoreEnv): void;
  /**
   * The retention rule (RETENTION_DAYS): deletes, as `forget` would, the personal writing made before `before`
   * (reflections, check-in notes, observation notes, meeting notes), never the library, norms or audit. Returns
   * how many items went. A holder that keeps no such writing leaves it out.
   */
  expire?(before: number, env: CoreEnv): number;
}

/** Who can read one kind of data, as `privacy` explains it. */
/** `pair`: the two teachers of one observation visit, the observer and the observed. */
export type PrivacyReaders = 'self' | 'pair' | 'community' | 'leads' | 'coordinators' | 'chosen' | 'workspace';

/** One kind of data a capability keeps about a person, for `privacy` and the forget-me question. */
export interface PrivacyKind {
  /** What it is, in the capability's own catalog ("agenda items you add"). */
  what: MessageKey;
  readers: PrivacyReaders;
  /** How long it is kept: until RETENTION_DAYS deletes it, or as long as the person uses the bot. */
  kept: 'retention' | 'whileUsed';
  /** What `forget me` does to it: deletes it, or keeps it for the others, credited to "a former member". */
  onForget: 'deleted' | 'anonymous';
}

/** What a capability says about the personal data it keeps: every capability describes itself. */
export interface PrivacyNotice {
  stores: readonly PrivacyKind[];
}

/**
 * Who may read a searchable document, from the widest to the narrowest. Coordinators read everything except
 * `people` and, in a community they do not belong to, the team's texts (`participants`); `userIds` add readers
 * beyond the kind (the author of a reflection, whatever their role becomes).
 */
export type Readers =
  /** Everyone in the community, guests too (resources, meeting notes). */
  | { kind: 'community' }
  /** The community's members and leads, not its guests nor coordinators from outside it (a reflection shared with the team). */
  | { kind: 'participants'; userIds?: number[] }
  /** The community's leads (and the workspace's coordinators). */
  | { kind: 'leads'; userIds?: number[] }
  /** The workspace's coordinators and these people (a reflection shared with the coordinator, by its author). */
  | { kind: 'coordinators'; userIds: number[] }
  /** Only these people: a private reflection is `{ kind: 'people', userIds: [author] }`. */
  | { kind: 'people'; userIds: number[] };

/** One piece of text a capability offers the community search. */
export interface SearchDocument {
  /** The stable `#n` it is shown with. */
  ref: number;
  /**
   * What it is, for "where it came from": an i18n-free word the search names in every language:
   * `resource`, `norm`, `meeting-notes`, `reflection`, `takeaway` (others are shown as they are).
   */
  source: string;
  text: string;
  at: number;
  readers: Readers;
}

/** A span of time that summaries count over, in milliseconds since the epoch. */
export interface Period {
  from: number;
  to: number;
}

/**
 * Community counts for status summaries: never about one person. Keys are the capability's name and a word,
 * `meetings.held`, `reflections.count`, so that summaries can read each without knowing the others.
 */
export type Figures = Record<string, number>;

/** Everything about one capability: the folder's `index.ts` exports one value of this type. */
export interface Capability<M extends MessageModule = MessageModule> {
  /** The folder's name; job kinds start with it (or with `jobPrefix`). */
  name: string;
  /** The prefix of this capability's job kinds, when it is not `name` (shipped kinds keep theirs). */
  jobPrefix?: string;
  /** The migration versions this capability owns, as inclusive ranges; no two capabilities' blocks overlap. */
  versions: readonly (readonly [number, number])[];
  migrations: readonly Migration[];
  messages: M;
  /** Its commands, in the order help lists them. */
  commands(options: CapabilityOptions): readonly CommandDef[];
  /**
   * Runs at start, after the migrations, for a change to stored data that SQL alone cannot make (a new rule for
   * comparing names, say). It must be idempotent: a meta key in the store says whether it has run.
   */
  upgrade?(env: CoreEnv): void;
  /** Registers its job kinds and tracked-message kinds; `options` as `commands` gets them (missing in contract checks). */
  jobs?(handlers: JobHandlers, options?: CapabilityOptions): void;
  home?: HomeSection;
  reactions?: Reactions;
  personalData: PersonalData;
  /**
   * What it keeps about people, who reads it and how long, for `privacy`. Optional in the type so that a
   * capability built before it still loads (privacy then says it has not described itself); the contract test
   * requires it of every capability in the list.
   */
  privacy?: PrivacyNotice;
  /** The documents it contributes to the community search, each with who may read it. */
  searchable?(community: Community, env: CoreEnv): SearchDocument[];
  /** Short lines for the head of every meeting reminder of the community (the knowledge capability: its norms). */
  meetingPreamble?(community: Community, env: CoreEnv & { i18n: Translator }): Text[];
  /** Blocks for the head of `help` typed in the community's channel (the knowledge capability: its charter). */
  helpPreamble?(community: Community, env: CoreEnv & { i18n: Translator }): Block[];
  /** The community counts it contributes to status summaries. */
  figures?(community: Community, period: Period, env: CoreEnv): Figures;
  /**
   * The same counts for many communities over several periods at once (a district's `status all` and its trends,
   * the chart's weeks): one map by community id for each period, in their order. A capability reads its rows for
   * all of them in one pass rather than once per community and period. Optional: without it, summaries call
   * `figures` for each community and period.
   */
  figuresOfMany?(communities: readonly Community[], periods: readonly Period[], env: CoreEnv): Map<number, Figures>[];
  /**
   * What a community's status should point out in `period` (a skipped meeting, an overdue team goal), in the
   * asker's language: about the community, never naming or counting one person.
   */
  attention?(community: Community, period: Period, env: CoreEnv & { i18n: Translator }): Text[];
  /**
   * The members who did something this capability records in `period` (answered an RSVP, reflected): summaries
   * only ever count them, together with every capability's, as the community's active members; never shown.
   */
  participants?(community: Community, period: Period, env: CoreEnv): Iterable<number>;
  /**
   * The same members for many communities and several periods at once (a status's trend periods): one map by
   * community id for each period, in their order. A capability with `participants` offers this too (the contract
   * test checks that both agree); a community where nobody did anything may be missing from a map.
   */
  participantsOfMany?(communities: readonly Community[], periods: readonly Period[], env: CoreEnv): Map<number, Iterable<number>>[];
  /**
   * What the community's coordinators may read, for `export community`: named lists of JSON-ready entries
   * (meeting notes, the library, team goals, reflections shared with coordinators). Never private or team-only
   * words, observation notes or individual goals.
   */
  coordinatorExport?(community: Community, env: CoreEnv): Record<string, unknown[]>;
}

/** Something outside the capabilities (an adapter) that keeps tables about people. */
export interface PersonalDataHolder {
  name: string;
  personalData: PersonalData;
  /**
   * The module that exports this holder (its `import.meta.url`), for the command thread (src/thread) to load it
   * too, so that `forget me` run there erases this holder's tables. Without one, commands stay on the adapters' thread.
   */
  module?: string;
}

/**
 * The periods as a table for one query over them all: `periods (i, f, t)`, each period's index, start and end, from
 * a `:periods` parameter (`periodsParam`). MATERIALIZED: read as `json_each` beside every row, SQLite would
 * parse the JSON each time.
 */
export const PERIODS_CTE =
  "WITH periods AS MATERIALIZED (SELECT key AS i, value ->> '$.from' AS f, value ->> '$.to' AS t FROM json_each(:periods))";

/** The `:periods` parameter of a query that starts with PERIODS_CTE. */
export const periodsParam = (periods: readonly Period[]): string => JSON.stringify(periods.map((p) => ({ from: p.from, to: p.to })));

/**
 * `participantsOfMany` from one query over the periods' whole span: `sql` takes `:ids` (the communities, as a JSON
 * array), `:from` and `:to`, and returns rows of (communityId, id, at), when each member did what counts. SQLite
 * sorts those rows into the periods and keeps each member once a period: one row comes back for each community and
 * period, its members' ids in one string (an RSVP, a check-in or a visit each make a row, and copying rows out
 * costs far more than reading them).
 */
export function participantsFromQuery(sql: string): NonNullable<Capability['participantsOfMany']> {
  const wrapped = `${PERIODS_CTE}
    SELECT e.communityId, periods.i, group_concat(DISTINCT e.id) FROM (${sql}) e CROSS JOIN periods ON e.at >= periods.f AND e.at < periods.t
      GROUP BY e.communityId, periods.i`;
  return (communities, periods, env) => {
    const out = periods.map(() => new Map<number, Set<number>>());
    if (periods.length === 0) return out;
    const { from, to } = spanOf(periods);
    const rows = prepared(env.store.db, wrapped)
      .raw()
      .all({ ids: JSON.stringify(communities.map((c) => c.id)), from, to, periods: periodsParam(periods) }) as [
      number,
      number,
      string | null,
    ][];
    // A community and period whose events name nobody (all NULL) come back as NULL: nobody is counted.
    for (const [communityId, i, ids] of rows) if (ids !== null) out[i]?.set(communityId, new Set(ids.split(',').map(Number)));
    return out;
  };
}

/** `participants` for one community and period, from the capability's `participantsOfMany`. */
export function participantsOfOne(many: NonNullable<Capability['participantsOfMany']>): NonNullable<Capability['participants']> {
  return (community, period, env) => [...(many([community], [period], env)[0]?.get(community.id) ?? [])];
}

/** What one summary (one env) has read of members joined, by the communities asked for. */
const joinedMemo = new WeakMap<CoreEnv, Map<string, (communityId: number, at: number) => number>>();

/**
 * `store.communities.membersJoinedBy`, read once for each summary: a district's figures count members at each
 * period's end, and its meetings count them at each meeting's start, over the same communities.
 */
export function membersJoinedBy(env: CoreEnv, communityIds: readonly number[]): (communityId: number, at: number) => number {
  const memo = joinedMemo.get(env) ?? new Map<string, (communityId: number, at: number) => number>();
  joinedMemo.set(env, memo);
  const key = communityIds.join(',');
  let joined = memo.get(key);
  if (!joined) {
    joined = env.store.communities.membersJoinedBy(communityIds);
    memo.set(key, joined);
  }
  return joined;
}

/** The periods' starts and ends as typed arrays, for the small counting loops that walk them for every row. */
export function boundsOf(periods: readonly Period[]): { froms: Float64Array; tos: Float64Array } {
  return { froms: Float64Array.from(periods, (p) => p.from), tos: Float64Array.from(periods, (p) => p.to) };
}

/** The span from the first period's start to the last one's end, for one query over all of them. */
export function spanOf(periods: readonly Period[]): Period {
  return periods.length === 0
    ? { from: 0, to: 0 }
    : { from: Math.min(...periods.map((p) => p.from)), to: Math.max(...periods.map((p) => p.to)) };
}

/**
 * Rows of (community, member), as one `participantsOfMany` query returns them, as each community's members: the
 * shape the hook answers with.
 */
export function membersByCommunity(rows: readonly { communityId: number; id: number }[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const r of rows) {
    const ids = out.get(r.communityId);
    if (ids) ids.push(r.id);
    else out.set(r.communityId, [r.id]);
  }
  return out;
}
