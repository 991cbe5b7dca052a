/**
 * bench:summary — a district of 200 communities and 5,000 members with a school year of activity: 200,000
 * reflections, 20,000 goal check-ins, 40,000 observation visits and 4,000 meetings (with 60,000 RSVPs).
 *
 * Meetings are the meetings capability's own tables and hooks. The reflections, goals and pairing capabilities
 * are not on this branch yet: bench-local stand-ins register their `figures` and `participants` hooks over
 * bench-local tables of the stated sizes, with the indexed SQL those capabilities would run. Switch them to the
 * real capabilities once those are merged.
 *
 * Measures, single-threaded, after 3 warm-up runs, the median of 20 runs of: `status all` without its chart (the
 * district's figures with trends over all 200 communities, and a page of ten), one community's `status` through
 * the bot, and the chart (twelve weeks of figures for a page of ten communities, vega-lite → vega → resvg). Then
 * the peak RSS of the whole process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { createApp } from '../src/app.js';
import { communities } from '../src/capabilities/communities/index.js';
import { general } from '../src/capabilities/general/index.js';
import { meetings } from '../src/capabilities/meetings/index.js';
import { chartReady, createSummaries } from '../src/capabilities/summaries/index.js';
import { allBlocks, chartBlocks, communitiesOf, type SummaryDeps } from '../src/capabilities/summaries/summary.js';
import type { Capability, CoreEnv, Figures, Period } from '../src/capability.js';
import { loadConfig } from '../src/config.js';
import { ruleFor } from '../src/grammar/recurrence.js';
import { translator } from '../src/i18n/translate.js';
import { ManualClock } from '../src/ports.js';
import type { Community } from '../src/store/communities.js';
import { type Db, prepared } from '../src/store/db.js';
import { Store } from '../src/store/store.js';

const COMMUNITIES = 200;
const MEMBERS = 5000;
const REFLECTIONS = 200_000;
const CHECKINS = 20_000;
const VISITS = 40_000;
const MEETINGS = 4000;
const WARMUP = 3;
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const YEAR_START = Date.parse('2026-09-01T07:00:00Z');
/** The end of the school year: the status is asked then. */
const NOW = Date.parse('2027-06-25T12:00:00Z');
const DAY = 86_400_000;

/** A small deterministic generator, so every run seeds the same district. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

const dir = mkdtempSync(join(tmpdir(), 'plc-bench-summary-'));
const path = join(dir, 'plc.sqlite');
const list: Capability[] = [];
const deps: SummaryDeps = { sources: () => list, publicUrl: () => undefined };

const emptyMessages = { en: {}, de: {}, da: {}, nl: {}, ar: {} };
const noPersonalData = { export: () => ({}), forget: () => {} };
const stub = (name: string, hooks: Partial<Capability>): Capability => ({
  name,
  versions: [],
  migrations: [],
  messages: emptyMessages,
  commands: () => [],
  personalData: noPersonalData,
  ...hooks,
});
const sql = (env: CoreEnv, text: string) => prepared(env.store.db, text);

/** The stand-ins for reflections, goals and pairing: their hooks, over the bench's tables. */
const benchReflections = stub('reflections', {
  figures: (c: Community, p: Period, env: CoreEnv): Figures => {
    const r = sql(
      env,
      `SELECT COUNT(*) AS n, COUNT(DISTINCT user_id) AS people, COALESCE(SUM(visibility != 'private'), 0) AS shared
         FROM bench_reflections WHERE community_id = ? AND at >= ? AND at < ?`,
    ).get(c.id, p.from, p.to) as { n: number; people: number; shared: number };
    return { 'reflections.count': r.n, 'reflections.reflectors': r.people, 'reflections.shared': r.shared };
  },
  figuresOfMany: (cs: readonly Community[], p: Period, env: CoreEnv) => {
    const rows = sql(
      env,
      `SELECT community_id AS id, COUNT(*) AS n, COUNT(DISTINCT user_id) AS people, COALESCE(SUM(visibility != 'private'), 0) AS shared
         FROM bench_reflections WHERE community_id IN (SELECT value FROM json_each(?)) AND at >= ? AND at < ? GROUP BY community_id`,
    ).all(JSON.stringify(cs.map((c) => c.id)), p.from, p.to) as { id: number; n: number; people: number; shared: number }[];
    const out = new Map<number, Figures>(
      cs.map((c) => [c.id, { 'reflections.count': 0, 'reflections.reflectors': 0, 'reflections.shared': 0 }]),
    );
    for (const r of rows) out.set(r.id, { 'reflections.count': r.n, 'reflections.reflectors': r.people, 'reflections.shared': r.shared });
    return out;
  },
  participants: (c: Community, p: Period, env: CoreEnv) =>
    (
      sql(env, 'SELECT DISTINCT user_id AS id FROM bench_reflections WHERE community_id = ? AND at >= ? AND at < ?').all(
        c.id,
        p.from,
        p.to,
      ) as {
        id: number;
      }[]
    ).map((r) => r.id),
});
const benchGoals = stub('goals', {
  figures: (c: Community, p: Period, env: CoreEnv): Figures => {
    const goals = sql(
      env,
      `SELECT g.status AS status, (SELECT MAX(at) FROM bench_checkins k WHERE k.goal_id = g.id AND k.at < ?) AS last
         FROM bench_goals g WHERE g.community_id = ?`,
    ).all(p.to, c.id) as { status: string; last: number | null }[];
    const checkins = sql(env, 'SELECT COUNT(*) AS n FROM bench_checkins WHERE community_id = ? AND at >= ? AND at < ?').get(
      c.id,
      p.from,
      p.to,
    ) as {
      n: number;
    };
    const open = goals.filter((g) => g.status !== 'achieved' && g.status !== 'dropped');
    const count = (s: string) => goals.filter((g) => g.status === s).length;
    return {
      'goals.open': open.length,
      'goals.onTrack': count('on-track'),
      'goals.atRisk': count('at-risk'),
      'goals.offTrack': count('off-track'),
      'goals.noCheckin': open.filter((g) => g.last === null || g.last < p.from).length,
      'goals.achieved': count('achieved'),
      'goals.dropped': count('dropped'),
      'goals.checkins': checkins.n,
    };
  },
  figuresOfMany: (cs: readonly Community[], p: Period, env: CoreEnv) => {
    const ids = JSON.stringify(cs.map((c) => c.id));
    const goals = sql(
      env,
      `SELECT g.community_id AS id, g.status AS status, (SELECT MAX(at) FROM bench_checkins k WHERE k.goal_id = g.id AND k.at < ?) AS last
         FROM bench_goals g WHERE g.community_id IN (SELECT value FROM json_each(?))`,
    ).all(p.to, ids) as { id: number; status: string; last: number | null }[];
    const checkins = sql(
      env,
      'SELECT community_id AS id, COUNT(*) AS n FROM bench_checkins WHERE community_id IN (SELECT value FROM json_each(?)) AND at >= ? AND at < ? GROUP BY community_id',
    ).all(ids, p.from, p.to) as { id: number; n: number }[];
    const out = new Map<number, Figures>();
    for (const c of cs) {
      const mine = goals.filter((g) => g.id === c.id);
      const open = mine.filter((g) => g.status !== 'achieved' && g.status !== 'dropped');
      const count = (s: string) => mine.filter((g) => g.status === s).length;
      out.set(c.id, {
        'goals.open': open.length,
        'goals.onTrack': count('on-track'),
        'goals.atRisk': count('at-risk'),
        'goals.offTrack': count('off-track'),
        'goals.noCheckin': open.filter((g) => g.last === null || g.last < p.from).length,
        'goals.achieved': count('achieved'),
        'goals.dropped': count('dropped'),
        'goals.checkins': 0,
      });
    }
    for (const r of checkins) (out.get(r.id) as Figures)['goals.checkins'] = r.n;
    return out;
  },
  attention: (c: Community, _p: Period, env: CoreEnv) => {
    const r = sql(env, "SELECT COUNT(*) AS n FROM bench_goals WHERE community_id = ? AND status = 'at-risk'").get(c.id) as { n: number };
    return r.n > 0 ? [`${r.n} team goals at risk`] : [];
  },
});
const benchPairing = stub('pairing', {
  figures: (c: Community, p: Period, env: CoreEnv): Figures => {
    const r = sql(
      env,
      `SELECT COUNT(*) AS paired, COALESCE(SUM(done_at IS NOT NULL), 0) AS done, COUNT(DISTINCT round) AS rounds
         FROM bench_visits WHERE community_id = ? AND paired_at >= ? AND paired_at < ?`,
    ).get(c.id, p.from, p.to) as { paired: number; done: number; rounds: number };
    return { 'pairing.rounds': r.rounds, 'pairing.visitsPaired': r.paired, 'pairing.visitsDone': r.done };
  },
  figuresOfMany: (cs: readonly Community[], p: Period, env: CoreEnv) => {
    const rows = sql(
      env,
      `SELECT community_id AS id, COUNT(*) AS paired, COALESCE(SUM(done_at IS NOT NULL), 0) AS done, COUNT(DISTINCT round) AS rounds
         FROM bench_visits WHERE community_id IN (SELECT value FROM json_each(?)) AND paired_at >= ? AND paired_at < ? GROUP BY community_id`,
    ).all(JSON.stringify(cs.map((c) => c.id)), p.from, p.to) as { id: number; paired: number; done: number; rounds: number }[];
    const out = new Map<number, Figures>(
      cs.map((c) => [c.id, { 'pairing.rounds': 0, 'pairing.visitsPaired': 0, 'pairing.visitsDone': 0 }]),
    );
    for (const r of rows) out.set(r.id, { 'pairing.rounds': r.rounds, 'pairing.visitsPaired': r.paired, 'pairing.visitsDone': r.done });
    return out;
  },
  participants: (c: Community, p: Period, env: CoreEnv) =>
    (
      sql(env, 'SELECT DISTINCT observer_id AS id FROM bench_visits WHERE community_id = ? AND done_at >= ? AND done_at < ?').all(
        c.id,
        p.from,
        p.to,
      ) as {
        id: number;
      }[]
    ).map((r) => r.id),
});
list.push(
  general,
  communities,
  meetings,
  benchReflections,
  benchGoals,
  benchPairing,
  createSummaries(() => list),
);

const clock = new ManualClock(YEAR_START);
const config = loadConfig({ DATABASE_PATH: path, LOG_LEVEL: 'silent', NODE_ENV: 'test' });
const app = createApp(config, { clock, store: Store.open(path), log: pino({ level: 'silent' }), capabilities: list });
const db: Db = app.store.db;

/** Seeds the district straight into the tables, in one transaction per table: commands would take minutes. */
function seed(): void {
  const rnd = random(42);
  const pick = (n: number) => Math.floor(rnd() * n);
  db.exec(`
    CREATE TABLE bench_reflections (id INTEGER PRIMARY KEY, community_id INTEGER NOT NULL, user_id INTEGER NOT NULL, at INTEGER NOT NULL, visibility TEXT NOT NULL);
    CREATE INDEX bench_reflections_at ON bench_reflections (community_id, at, user_id, visibility);
    CREATE TABLE bench_goals (id INTEGER PRIMARY KEY, community_id INTEGER NOT NULL, status TEXT NOT NULL);
    CREATE INDEX bench_goals_community ON bench_goals (community_id, status);
    CREATE TABLE bench_checkins (id INTEGER PRIMARY KEY, community_id INTEGER NOT NULL, goal_id INTEGER NOT NULL, at INTEGER NOT NULL);
    CREATE INDEX bench_checkins_at ON bench_checkins (community_id, at);
    CREATE INDEX bench_checkins_goal ON bench_checkins (goal_id, at);
    CREATE TABLE bench_visits (id INTEGER PRIMARY KEY, community_id INTEGER NOT NULL, round INTEGER NOT NULL, observer_id INTEGER NOT NULL, paired_at INTEGER NOT NULL, done_at INTEGER);
    CREATE INDEX bench_visits_paired ON bench_visits (community_id, paired_at, done_at, round);
    CREATE INDEX bench_visits_done ON bench_visits (community_id, done_at, observer_id);
  `);
  const tx = (fn: () => void) => db.transaction(fn)();
  const workspace = app.store.workspaces.ensure('console', 'district', 'District', YEAR_START).workspace;
  const coordinator = app.store.users.upsert(workspace.id, { externalId: 'coordinator', displayName: 'Coordinator' }, YEAR_START);
  app.store.users.setCoordinator(workspace.id, coordinator.id, true);
  const members: number[][] = [];
  const cids: number[] = [];
  tx(() => {
    for (let c = 0; c < COMMUNITIES; c++) {
      const community = app.store.communities.create(
        workspace.id,
        {
          name: `Community ${String(c + 1).padStart(3, '0')}`,
          channel: `c${c}`,
          channelName: `c${c}`,
          tz: 'Europe/Berlin',
          locale: 'en',
          createdBy: coordinator.id,
        },
        YEAR_START,
      );
      cids.push(community.id);
      members.push([]);
    }
    for (let u = 0; u < MEMBERS; u++) {
      const user = app.store.users.upsert(workspace.id, { externalId: `t${u}`, displayName: `Teacher ${u}` }, YEAR_START);
      const c = u % COMMUNITIES;
      app.store.communities.setRole(cids[c] as number, user.id, u < COMMUNITIES ? 'lead' : 'member', YEAR_START);
      members[c]?.push(user.id);
    }
  });
  const schedule = prepared(db, 'INSERT INTO meeting_schedules (community_id, rrule, tz, cadence, updated_at) VALUES (?, ?, ?, ?, ?)');
  const meeting = prepared(
    db,
    `INSERT INTO meetings (workspace_id, community_id, ref, occurrence, starts_at, ends_at, status, notes, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const rsvp = prepared(db, 'INSERT OR IGNORE INTO rsvps (meeting_id, user_id, answer, answered_at) VALUES (?, ?, ?, ?)');
  let ref = 1;
  let rsvps = 0;
  tx(() => {
    const perCommunity = MEETINGS / COMMUNITIES;
    for (let c = 0; c < COMMUNITIES; c++) {
      const cadence = { freq: 'biweekly' as const, weekday: 3 as const, time: { hour: 15, minute: 30 }, from: null };
      schedule.run(cids[c], ruleFor(cadence, 'Europe/Berlin', '2026-09-02'), 'Europe/Berlin', 'biweekly wed 15:30', YEAR_START);
      for (let m = 0; m < perCommunity; m++) {
        const startsAt = Date.parse('2026-09-02T13:30:00Z') + m * 14 * DAY;
        const date = new Date(startsAt).toISOString().slice(0, 10);
        const cancelled = pick(20) === 0;
        const info = meeting.run(
          workspace.id,
          cids[c],
          ref++,
          date,
          startsAt,
          startsAt + 3_600_000,
          cancelled ? 'cancelled' : 'scheduled',
          cancelled ? null : 'notes',
          startsAt,
        );
        if (cancelled) continue;
        for (const user of members[c] ?? []) {
          if (rnd() < 0.6) {
            rsvp.run(Number(info.lastInsertRowid), user, rnd() < 0.9 ? 'yes' : 'no', startsAt - DAY);
            rsvps++;
          }
        }
      }
    }
  });
  app.store.holidays.add(
    {
      workspaceId: workspace.id,
      communityId: null,
      startsOn: '2026-12-21',
      endsOn: '2027-01-03',
      name: 'Winter break',
      createdBy: coordinator.id,
    },
    YEAR_START,
  );
  const span = NOW - YEAR_START;
  const member = (c: number) => (members[c] as number[])[pick((members[c] as number[]).length)] as number;
  tx(() => {
    const ins = prepared(db, 'INSERT INTO bench_reflections (community_id, user_id, at, visibility) VALUES (?, ?, ?, ?)');
    const vis = ['private', 'private', 'team', 'coordinator'];
    for (let i = 0; i < REFLECTIONS; i++) {
      const c = pick(COMMUNITIES);
      ins.run(cids[c], member(c), YEAR_START + pick(span), vis[pick(4)]);
    }
  });
  tx(() => {
    const goal = prepared(db, 'INSERT INTO bench_goals (community_id, status) VALUES (?, ?)');
    const statuses = ['on-track', 'on-track', 'at-risk', 'off-track', 'achieved', 'dropped'];
    for (let c = 0; c < COMMUNITIES; c++) for (let g = 0; g < 3; g++) goal.run(cids[c], statuses[pick(statuses.length)]);
    const checkin = prepared(db, 'INSERT INTO bench_checkins (community_id, goal_id, at) VALUES (?, ?, ?)');
    for (let i = 0; i < CHECKINS; i++) {
      const c = pick(COMMUNITIES);
      checkin.run(cids[c], c * 3 + 1 + pick(3), YEAR_START + pick(span));
    }
    const visit = prepared(db, 'INSERT INTO bench_visits (community_id, round, observer_id, paired_at, done_at) VALUES (?, ?, ?, ?, ?)');
    for (let i = 0; i < VISITS; i++) {
      const c = pick(COMMUNITIES);
      const paired = YEAR_START + pick(span);
      visit.run(cids[c], Math.floor((paired - YEAR_START) / (30 * DAY)), member(c), paired, rnd() < 0.7 ? paired + pick(14) * DAY : null);
    }
  });
  db.exec('ANALYZE');
  process.stdout.write(
    `Seeded ${COMMUNITIES} communities, ${MEMBERS} members, ${MEETINGS} meetings (${rsvps} RSVPs), ${REFLECTIONS} reflections, ` +
      `${CHECKINS} check-ins and ${VISITS} observation visits (reflections, goals and visits in bench-local tables read by stand-in capabilities).\n`,
  );
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function measure(name: string, fn: () => void): number {
  for (let i = 0; i < WARMUP; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  const ms = median(times);
  process.stdout.write(`${name}: median ${ms.toFixed(2)} ms of ${RUNS} warm runs (after ${WARMUP} warm-up runs), one at a time\n`);
  return ms;
}

seed();
await chartReady();
clock.set(NOW);
const workspace = app.store.workspaces.find('console', 'district');
if (!workspace) throw new Error('no district');
const i18n = translator('en');
// A fresh env for every run: what one summary keeps for itself (counts asked twice) must not carry over.
const fresh = () => ({ store: app.store, now: NOW, log: app.log, i18n });
const page = communitiesOf(fresh(), workspace).slice(0, 10);
const inTransaction = <T>(fn: () => T): T => app.store.transaction(fn);

const statusAllMs = measure('status all, chart excluded (district figures with 6-period trends over 200 communities, one page of 10)', () =>
  inTransaction(() => allBlocks(deps, fresh(), workspace, 30, 1, { chart: false })),
);
const statusOneMs = measure('status of one community, through the bot (as its lead types it in its channel)', () => {
  const h = app.bot.handle({
    workspace: { platform: 'console', externalId: 'district' },
    user: { externalId: 't0', displayName: 'Teacher 0' },
    place: { channel: 'c0', channelName: 'c0' },
    text: 'status',
  });
  if (h.refused) throw new Error('status was refused');
});
const chartMs = measure('the chart (12 weeks of figures for a page of 10 communities, vega-lite -> vega SVG -> resvg PNG)', () =>
  inTransaction(() => chartBlocks(deps, fresh(), workspace, page)),
);
const peakRssMb = Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
process.stdout.write(`peak RSS of the whole process: ${peakRssMb} MiB\n`);
process.stdout.write(
  `(the machine's load average was ${loadavg()
    .map((l) => l.toFixed(1))
    .join(', ')} during the run)\n`,
);
await app.close();
rmSync(dir, { recursive: true, force: true });
process.stdout.write(
  `${JSON.stringify({ statusAllMs: Math.round(statusAllMs * 100) / 100, statusOneMs: Math.round(statusOneMs * 100) / 100, chartMs: Math.round(chartMs * 100) / 100, peakRssMb })}\n`,
);
