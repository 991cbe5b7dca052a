/**
 * bench:summary — a district of 200 communities and 5,000 members with a school year of activity: 200,000
 * reflections, 20,000 goal check-ins, 40,000 observation visits and 4,000 meetings (with 60,000 RSVPs).
 *
 * Every figure comes from the real capabilities (meetings, reflections, goals, pairing, knowledge) through their
 * `figuresOfMany`, `figures`, `attention` and `participants` hooks, over their own tables, seeded with SQL that
 * matches their migrations (commands would take minutes). Each community also has three team goals (one closed
 * in the year), ten monthly observation rounds, ten resources and three norms.
 *
 * Measures, single-threaded, after 3 warm-up runs, the median of 20 runs of: `status all` without its chart (the
 * district's figures with trends over all 200 communities, and a page of ten), one community's `status` through
 * the bot, and the chart (twelve local weeks of the whole district's figures, vega-lite → vega → resvg). Then
 * the peak RSS of the process that ran them (a child process of this file seeds the district first).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { createApp } from '../src/app.js';
import { communities } from '../src/capabilities/communities/index.js';
import { general } from '../src/capabilities/general/index.js';
import { goals } from '../src/capabilities/goals/index.js';
import { knowledge } from '../src/capabilities/knowledge/index.js';
import { meetings } from '../src/capabilities/meetings/index.js';
import { pairingCapability } from '../src/capabilities/pairing/index.js';
import { rebuildActivity, reflections } from '../src/capabilities/reflections/index.js';
import { chartBlocks } from '../src/capabilities/summaries/chart-blocks.js';
import { chartReady, createSummaries } from '../src/capabilities/summaries/index.js';
import { allBlocks, communitiesOf, type SummaryDeps } from '../src/capabilities/summaries/summary.js';
import type { Capability } from '../src/capability.js';
import { loadConfig } from '../src/config.js';
import { ruleFor } from '../src/grammar/recurrence.js';
import { translator } from '../src/i18n/translate.js';
import { ManualClock } from '../src/ports.js';
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

/**
 * A small deterministic generator (mulberry32), so every run seeds the same district. Its arithmetic stays in 32
 * bits: a product of two large numbers in doubles loses its low bits and falls into short cycles.
 */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// The district is seeded by a child process of this same file (`--seed-only <path>`), so that the peak memory
// measured here is what the summaries take, not what 300,000 inserts left behind.
const seedOnly = process.argv[2] === '--seed-only';
const dir = seedOnly ? '' : mkdtempSync(join(tmpdir(), 'plc-bench-summary-'));
const path = seedOnly ? (process.argv[3] as string) : join(dir, 'plc.sqlite');
if (!seedOnly) {
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1] as string, '--seed-only', path], {
    stdio: 'inherit',
  });
  if (child.status !== 0) throw new Error(`seeding the district failed (${child.status ?? child.signal})`);
}
const list: Capability[] = [];
const deps: SummaryDeps = { sources: () => list, publicUrl: () => undefined };

list.push(
  general,
  communities,
  meetings,
  reflections,
  goals,
  pairingCapability,
  knowledge,
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
    const ins = prepared(
      db,
      'INSERT INTO reflections (workspace_id, community_id, ref, author_id, visibility, text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const vis = ['private', 'private', 'team', 'coordinator'];
    for (let i = 0; i < REFLECTIONS; i++) {
      const c = pick(COMMUNITIES);
      ins.run(
        workspace.id,
        cids[c],
        i + 1,
        member(c),
        vis[pick(4)],
        'Exit tickets showed who needed the second example.',
        YEAR_START + pick(span),
      );
    }
    // Written by plain SQL, so counted for summaries as the reflections repository counts each one it writes.
    rebuildActivity(db);
  });
  tx(() => {
    // Three team goals per community (one closed during the year), each with its check-ins.
    const goal = prepared(
      db,
      `INSERT INTO goals (workspace_id, ref, level, community_id, text, author_id, created_at, closed_at, outcome)
         VALUES (?, ?, 'team', ?, ?, ?, ?, ?, ?)`,
    );
    const goalIds: number[][] = [];
    let goalRef = 1;
    for (let c = 0; c < COMMUNITIES; c++) {
      const ids: number[] = [];
      for (let g = 0; g < 3; g++) {
        const closed = g === 2 ? YEAR_START + pick(span) : null;
        const info = goal.run(
          workspace.id,
          goalRef++,
          cids[c],
          `Team goal ${g + 1}`,
          coordinator.id,
          YEAR_START,
          closed,
          closed ? 'achieved' : null,
        );
        ids.push(Number(info.lastInsertRowid));
      }
      goalIds.push(ids);
    }
    const checkin = prepared(db, 'INSERT INTO goal_checkins (goal_id, author_id, status, percent, evidence, at) VALUES (?, ?, ?, ?, ?, ?)');
    const statuses = ['on-track', 'on-track', 'at-risk', 'off-track'];
    for (let i = 0; i < CHECKINS; i++) {
      const c = pick(COMMUNITIES);
      checkin.run((goalIds[c] as number[])[pick(3)], member(c), statuses[pick(4)], pick(101), null, YEAR_START + pick(span));
    }
    // One observation round a month in every community (ten in the year), the visits spread over them.
    const round = prepared(
      db,
      `INSERT INTO pairing_rounds (workspace_id, community_id, ref, seq, seed, mode, length, started_at, ends_at, closed_at)
         VALUES (?, ?, ?, ?, 1, 'matching', 14, ?, ?, ?)`,
    );
    const rounds: { id: number; startedAt: number }[][] = [];
    let roundRef = 1;
    for (let c = 0; c < COMMUNITIES; c++) {
      const mine: { id: number; startedAt: number }[] = [];
      for (let r = 0; r < 10; r++) {
        const startedAt = YEAR_START + r * 30 * DAY;
        const info = round.run(workspace.id, cids[c], roundRef++, r + 1, startedAt, startedAt + 14 * DAY, startedAt + 14 * DAY);
        mine.push({ id: Number(info.lastInsertRowid), startedAt });
      }
      rounds.push(mine);
    }
    const visit = prepared(
      db,
      `INSERT INTO pairing_visits (round_id, grp, observer_id, observed_id, happened, happened_at, glow, grow, feedback_at)
         VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let i = 0; i < VISITS; i++) {
      const c = pick(COMMUNITIES);
      const r = (rounds[c] as { id: number; startedAt: number }[])[pick(10)] as { id: number; startedAt: number };
      const done = rnd() < 0.7;
      const at = r.startedAt + pick(14) * DAY;
      visit.run(
        r.id,
        member(c),
        member(c),
        done ? 'yes' : null,
        done ? at : null,
        done ? 'glow' : null,
        done ? 'grow' : null,
        done ? at : null,
      );
    }
    // A small library and a few norms per community.
    const resource = prepared(
      db,
      'INSERT INTO knowledge_resources (workspace_id, community_id, ref, url, text, sharer_id, shared_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const norm = prepared(
      db,
      'INSERT INTO knowledge_norms (workspace_id, community_id, ref, text, author_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    let libraryRef = 1;
    for (let c = 0; c < COMMUNITIES; c++) {
      for (let k = 0; k < 10; k++) {
        resource.run(
          workspace.id,
          cids[c],
          libraryRef++,
          `https://example.org/${c}/${k}`,
          'A protocol',
          member(c),
          YEAR_START + pick(span),
        );
      }
      for (let k = 0; k < 3; k++) norm.run(workspace.id, cids[c], libraryRef++, 'We start on time', member(c), YEAR_START);
    }
  });
  db.exec('ANALYZE');
  process.stdout.write(
    `Seeded ${COMMUNITIES} communities, ${MEMBERS} members, ${MEETINGS} meetings (${rsvps} RSVPs), ${REFLECTIONS} reflections, ` +
      `${CHECKINS} check-ins and ${VISITS} observation visits (in the real capabilities' tables, read through their hooks).\n`,
  );
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * Each run is its own turn of the event loop, as each request is in the bot: the renderer's pictures are native
 * memory V8 does not see, released by finalizers that run only once the loop turns (thx/resvg-js#216; 2.6.2, the
 * newest release, does not yet tell V8 about it). Twenty-three renders in one synchronous stretch would hold them
 * all, which no running bot does.
 */
async function measure(name: string, fn: () => void): Promise<number> {
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  for (let i = 0; i < WARMUP; i++) {
    fn();
    await turn();
  }
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
    await turn();
  }
  const ms = median(times);
  process.stdout.write(`${name}: median ${ms.toFixed(2)} ms of ${RUNS} warm runs (after ${WARMUP} warm-up runs), one at a time\n`);
  return ms;
}

if (seedOnly) {
  seed();
  await app.close();
  process.exit(0);
}
await chartReady();
clock.set(NOW);
const workspace = app.store.workspaces.find('console', 'district');
if (!workspace) throw new Error('no district');
const i18n = translator('en');
// A fresh env for every run: what one summary keeps for itself (counts asked twice) must not carry over.
const fresh = () => ({ store: app.store, now: NOW, log: app.log, i18n, zone: 'Europe/Berlin' });
const district = communitiesOf(fresh(), workspace);
const inTransaction = <T>(fn: () => T): T => app.store.transaction(fn);

const statusAllMs = await measure(
  'status all, chart excluded (district figures with 6-period trends over 200 communities, one page of 10)',
  () => inTransaction(() => allBlocks(deps, fresh(), workspace, 30, 1, { chart: false })),
);
const statusOneMs = await measure('status of one community, through the bot (as its lead types it in its channel)', () => {
  const h = app.bot.handle({
    workspace: { platform: 'console', externalId: 'district' },
    user: { externalId: 't0', displayName: 'Teacher 0' },
    place: { channel: 'c0', channelName: 'c0' },
    text: 'status',
  });
  if (h.refused) throw new Error('status was refused');
});
const chartMs = await measure('the chart (12 local weeks of figures for all 200 communities, vega-lite -> vega SVG -> resvg PNG)', () =>
  inTransaction(() => chartBlocks(deps, fresh(), workspace, district)),
);
const peakRssMb = Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
process.stdout.write(`peak RSS of the process that ran the summaries (the district was seeded by another): ${peakRssMb} MiB\n`);
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
