import { rebuildActivity } from '../../../src/capabilities/reflections/index.js';
import { chartReady } from '../../../src/capabilities/summaries/index.js';
import type { Community } from '../../../src/store/communities.js';
import { prepared } from '../../../src/store/db.js';
import { type TestApp, testApp } from '../../support/app.js';
import { answerText, run } from '../../support/bot.js';

/** Words that only private content holds: no status, digest, chart or export may contain them. */
export const MARKERS = {
  privateReflection: 'PRIVATE-REFLECTION-MARKER-3141',
  teamReflection: 'TEAM-ONLY-REFLECTION-MARKER-2718',
  individualGoal: 'INDIVIDUAL-GOAL-MARKER-1618',
  individualEvidence: 'INDIVIDUAL-EVIDENCE-MARKER-1414',
  observationNote: 'OBSERVATION-NOTE-MARKER-1732',
  observationFocus: 'OBSERVATION-FOCUS-MARKER-2236',
};
/** What coordinators may read, and the export carries. */
export const SHARED = {
  reflection: 'SHARED-WITH-COORDINATORS-MARKER-5772',
  teamGoal: 'Exit tickets in every class',
  schoolGoal: 'Reading across the school',
  norm: 'We start on time',
  resource: 'Retrieval practice starter pack',
  mission: 'We learn from each other’s classrooms',
};

/** 2026-10-01T08:00Z: the status is asked then, over the 30 days since September 1 at 08:00. */
export const ASKED = Date.parse('2026-10-01T08:00:00Z');
export const SEPTEMBER = { from: Date.parse('2026-09-01T08:00:00Z'), to: ASKED };
const at = (d: string) => Date.parse(`${d}T10:00:00Z`);

export interface RealSchool {
  app: TestApp;
  math: Community;
  art: Community;
  ids: Record<'carla' | 'ana' | 'ben' | 'cleo' | 'xav', number>;
}

export const sayIn = (app: TestApp, user: string, text: string, channel: string | null = 'math') =>
  answerText(run(app, user, text, { channel }));

/**
 * A school with the real capabilities, seeded with SQL that matches their migrations: Math (Carla, coordinator
 * and lead; Ana, Ben and Cleo, members) and Art (Xav). September's numbers in each test are worked out by hand
 * from the rows below.
 */
export async function realSchool(): Promise<RealSchool> {
  await chartReady();
  const app = testApp();
  sayIn(app, 'carla', 'create Math');
  for (const u of ['ana', 'ben', 'cleo']) sayIn(app, u, 'join');
  sayIn(app, 'carla', 'create Art', 'art');
  sayIn(app, 'xav', 'join', 'art');
  const id = (name: string) => app.store.users.findByExternal(1, name)?.id as number;
  const ids = { carla: id('carla'), ana: id('ana'), ben: id('ben'), cleo: id('cleo'), xav: id('xav') };
  const all = app.store.communities.list(1);
  const math = all.find((c) => c.name === 'Math') as Community;
  const art = all.find((c) => c.name === 'Art') as Community;
  const sql = (text: string, ...args: unknown[]) => prepared(app.store.db, text).run(...args).lastInsertRowid as number;

  // Reflections: in September, Math has three (one private, one for the team, one for coordinators), Art one.
  const reflection =
    'INSERT INTO reflections (workspace_id, community_id, ref, author_id, visibility, text, created_at) VALUES (1, ?, ?, ?, ?, ?, ?)';
  sql(reflection, math.id, 101, ids.ana, 'private', MARKERS.privateReflection, at('2026-09-10'));
  sql(reflection, math.id, 102, ids.ana, 'team', MARKERS.teamReflection, at('2026-09-20'));
  sql(reflection, math.id, 103, ids.ben, 'coordinator', SHARED.reflection, at('2026-09-25'));
  sql(reflection, math.id, 104, ids.ben, 'private', MARKERS.privateReflection, at('2026-08-20'));
  sql(reflection, art.id, 105, ids.xav, 'private', MARKERS.privateReflection, at('2026-09-12'));
  // Written by plain SQL, so counted for summaries as the reflections repository counts each one it writes.
  rebuildActivity(app.store.db);

  // Goals: Math's three team goals (one on track, one never checked in, one achieved in September), an
  // individual goal of Ana's set in Math, and a school goal.
  const goal = `INSERT INTO goals (workspace_id, ref, level, owner_id, community_id, text, author_id, created_at, closed_at, outcome)
    VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
  const checkin = 'INSERT INTO goal_checkins (goal_id, author_id, status, percent, evidence, at) VALUES (?, ?, ?, ?, ?, ?)';
  const onTrack = sql(goal, 201, 'team', null, math.id, SHARED.teamGoal, ids.carla, at('2026-08-01'), null, null);
  sql(checkin, onTrack, ids.cleo, 'at-risk', 20, 'Half the classes', at('2026-08-25'));
  sql(checkin, onTrack, ids.cleo, 'on-track', 60, 'Most classes now', at('2026-09-15'));
  sql(goal, 202, 'team', null, math.id, 'Shared rubric', ids.carla, at('2026-08-01'), null, null);
  sql(goal, 203, 'team', null, math.id, 'Common assessment', ids.carla, at('2026-08-01'), at('2026-09-20'), 'achieved');
  const mine = sql(goal, 204, 'me', ids.ana, math.id, MARKERS.individualGoal, ids.ana, at('2026-08-01'), null, null);
  sql(checkin, mine, ids.ana, 'off-track', 10, MARKERS.individualEvidence, at('2026-09-12'));
  const school = sql(goal, 205, 'school', null, null, SHARED.schoolGoal, ids.carla, at('2026-08-01'), null, null);
  sql(checkin, school, ids.carla, 'on-track', 40, 'Library hours doubled', at('2026-09-18'));

  // Pairing: one round in Math from September 5: Ana visits Ben (done, with feedback), Ben visits Ana (not
  // yet), Cleo's visit was cancelled. One takeaway shared.
  const round = sql(
    `INSERT INTO pairing_rounds (workspace_id, community_id, ref, seq, seed, mode, length, started_at, ends_at)
      VALUES (1, ?, 301, 1, 7, 'matching', 14, ?, ?)`,
    math.id,
    at('2026-09-05'),
    at('2026-09-19'),
  );
  const visit = `INSERT INTO pairing_visits (round_id, grp, observer_id, observed_id, focus_text, happened, happened_at, glow, grow, notes, feedback_at, cancelled_at)
    VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
  const note = MARKERS.observationNote;
  sql(visit, round, ids.ana, ids.ben, MARKERS.observationFocus, 'yes', at('2026-09-10'), note, note, note, at('2026-09-11'), null);
  sql(visit, round, ids.ben, ids.ana, MARKERS.observationFocus, 'not-yet', at('2026-09-12'), null, null, null, null, null);
  sql(visit, round, ids.cleo, ids.carla, null, null, null, null, null, null, null, at('2026-09-06'));
  sql(
    'INSERT INTO pairing_takeaways (workspace_id, community_id, ref, round_id, author_id, text, created_at) VALUES (1, ?, 302, ?, ?, ?, ?)',
    math.id,
    round,
    ids.ana,
    'Cold calling with wait time',
    at('2026-09-12'),
  );

  // Knowledge: two resources in Math (one shared in September by Cleo), a norm and the charter.
  const resource = `INSERT INTO knowledge_resources (workspace_id, community_id, ref, url, text, sharer_id, shared_at)
    VALUES (1, ?, ?, ?, ?, ?, ?)`;
  const pack = sql(resource, math.id, 401, 'https://example.org/retrieval', SHARED.resource, ids.cleo, at('2026-09-08'));
  sql("INSERT INTO knowledge_resource_tags (resource_id, tag_key, tag) VALUES (?, 'retrieval', 'retrieval')", pack);
  sql(resource, math.id, 402, null, 'Exit ticket templates', ids.carla, at('2026-08-10'));
  sql(
    'INSERT INTO knowledge_norms (workspace_id, community_id, ref, text, author_id, created_at) VALUES (1, ?, 403, ?, ?, ?)',
    math.id,
    SHARED.norm,
    ids.carla,
    at('2026-08-10'),
  );
  sql(
    'INSERT INTO knowledge_charters (community_id, mission, set_by, set_at) VALUES (?, ?, ?, ?)',
    math.id,
    SHARED.mission,
    ids.carla,
    at('2026-08-10'),
  );

  await app.advance(ASKED);
  app.clock.set(ASKED);
  return { app, math, art, ids };
}

/** The environment the hooks get. */
export const envOf = (app: TestApp) => ({ store: app.store, now: app.clock.now().getTime(), log: app.log });

/** Whether any marker of private content appears in `text`. */
export const leaks = (text: string) => Object.values(MARKERS).filter((m) => text.includes(m));
