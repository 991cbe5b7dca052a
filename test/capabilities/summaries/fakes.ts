import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createApp } from '../../../src/app.js';
import { communities } from '../../../src/capabilities/communities/index.js';
import { general } from '../../../src/capabilities/general/index.js';
import { meetings } from '../../../src/capabilities/meetings/index.js';
import { createSummaries } from '../../../src/capabilities/summaries/index.js';
import type { Capability, Figures, Period } from '../../../src/capability.js';
import { loadConfig } from '../../../src/config.js';
import { ManualClock } from '../../../src/ports.js';
import type { Community } from '../../../src/store/communities.js';
import { Store } from '../../../src/store/store.js';
import { SCHOOL_YEAR_START, type TestApp } from '../../support/app.js';

/** Words that must never appear in any summary, digest, chart, export or audit. */
export const PRIVATE = {
  reflection: 'SECRET-PRIVATE-REFLECTION-7731',
  teamOnly: 'TEAM-ONLY-REFLECTION-5512',
  observation: 'OBSERVATION-NOTE-9034',
  individualGoal: 'INDIVIDUAL-GOAL-4410',
};
/** A reflection shared with coordinators: in the export, never in a status. */
export const SHARED_WITH_COORDINATORS = 'SHARED-WITH-COORDINATORS-2201';

const emptyMessages = { en: {}, de: {}, da: {}, nl: {}, ar: {} };

/** A reflection as the stand-in keeps it. */
export interface FakeReflection {
  community: string;
  userId: number;
  at: number;
  visibility: 'private' | 'team' | 'coordinator';
  text: string;
}

/** Stand-ins for the capabilities other helpers build, with the agreed figure keys over data the test seeds. */
export interface Fakes {
  reflections: FakeReflection[];
  list: Capability[];
}

const within = (p: Period, at: number) => at >= p.from && at < p.to;
/** The seeded data belong to the first workspace's communities; another workspace's "Math" is another community. */
const isMath = (c: Community) => c.name === 'Math' && c.workspaceId === 1;

export function fakeCapabilities(): Fakes {
  const reflections: FakeReflection[] = [];
  const mine = (c: Community, p: Period) => reflections.filter((r) => c.workspaceId === 1 && r.community === c.name && within(p, r.at));
  const base = (name: string): Capability => ({
    name,
    versions: [],
    migrations: [],
    messages: emptyMessages,
    commands: () => [],
    personalData: {
      // What a person gets of their own data holds their private words: summaries must never ask for it.
      export: () => ({ private: [PRIVATE.reflection, PRIVATE.observation, PRIVATE.individualGoal] }),
      forget: () => {},
    },
    // Private documents for the search: summaries must never read these either.
    searchable: () => [
      { ref: 1, source: 'reflection', text: PRIVATE.reflection, at: 0, readers: { kind: 'people', userIds: [1] } },
      { ref: 2, source: 'observation', text: PRIVATE.observation, at: 0, readers: { kind: 'people', userIds: [1] } },
    ],
  });
  const fakeReflections: Capability = {
    ...base('reflections'),
    figures: (c, p): Figures => {
      const rs = mine(c, p);
      return {
        'reflections.count': rs.length,
        'reflections.reflectors': new Set(rs.map((r) => r.userId)).size,
        'reflections.shared': rs.filter((r) => r.visibility !== 'private').length,
      };
    },
    participants: (c, p) => mine(c, p).map((r) => r.userId),
    coordinatorExport: (c) => ({
      shared: reflections
        .filter((r) => c.workspaceId === 1 && r.community === c.name && r.visibility === 'coordinator')
        .map((r) => ({ text: r.text, at: new Date(r.at).toISOString() })),
    }),
  };
  const fakeGoals: Capability = {
    ...base('goals'),
    figures: (c): Figures =>
      isMath(c)
        ? {
            'goals.open': 3,
            'goals.onTrack': 1,
            'goals.atRisk': 1,
            'goals.offTrack': 0,
            'goals.noCheckin': 1,
            'goals.achieved': 0,
            'goals.dropped': 0,
            'goals.checkins': 2,
          }
        : {},
    attention: (c) =>
      isMath(c) ? ['Team goal #70 “Exit tickets in every class” is at risk.', 'Team goal #71 “Shared rubric” has no check-in.'] : [],
    coordinatorExport: (c): Record<string, unknown[]> =>
      isMath(c) ? { team: [{ goal: '#70', text: 'Exit tickets in every class' }] } : {},
  };
  const fakePairing: Capability = {
    ...base('pairing'),
    figures: (c): Figures =>
      isMath(c) ? { 'pairing.rounds': 1, 'pairing.visitsPaired': 8, 'pairing.visitsDone': 5, 'pairing.takeawaysShared': 2 } : {},
    attention: (c) => (isMath(c) ? ['Observation round #90 has few visits done.'] : []),
  };
  const fakeKnowledge: Capability = {
    ...base('knowledge'),
    figures: (c): Figures => (isMath(c) ? { 'knowledge.resources': 10, 'knowledge.resourcesAdded': 3, 'knowledge.norms': 4 } : {}),
    coordinatorExport: (c): Record<string, unknown[]> => (isMath(c) ? { norms: [{ norm: '#80', text: 'We start on time' }] } : {}),
  };
  return { reflections, list: [fakeReflections, fakeGoals, fakePairing, fakeKnowledge] };
}

/**
 * A whole app on a real SQLite file, assembled with the shipped capabilities and the stand-ins, and a summaries
 * capability that reads exactly that list.
 */
export function summaryApp(options: { env?: Record<string, string>; fakes?: boolean } = {}): TestApp & { fakes: Fakes } {
  const dir = mkdtempSync(join(tmpdir(), 'plc-summaries-'));
  const dbPath = join(dir, 'plc.sqlite');
  const config = loadConfig({ DATABASE_PATH: dbPath, LOG_LEVEL: 'silent', NODE_ENV: 'test', ...options.env });
  const clock = new ManualClock(SCHOOL_YEAR_START);
  const fakes = fakeCapabilities();
  const others = options.fakes === false ? [] : fakes.list;
  const list: Capability[] = [];
  list.push(
    general,
    communities,
    meetings,
    ...others,
    createSummaries(() => list),
  );
  const app = createApp(config, { clock, store: Store.open(dbPath), log: pino({ level: 'silent' }), capabilities: list });
  return Object.assign(app, {
    clock,
    dbPath,
    fakes,
    async dispose() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}
