import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message, type TeamsHarness, teamsHarness } from '../teams/harness.js';
import {
  ALLOWED_STATUSES,
  ANSWER_WITHIN_MS,
  databaseProblems,
  errorLog,
  fuzzParameters,
  leakInJson,
  MAX_RSS_GROWTH,
  noteTyped,
  rss,
  watchProcess,
} from './checks.js';
import { post } from './http.js';
import { type TeamsActivity, type TeamsWorld, teamsActivity } from './teams-activities.js';

const TENANT = 'tenant-a';
const OTHER_TENANT = 'tenant-b';

describe('fuzzing Teams: messages, card actions, invokes and events through POST /api/messages', () => {
  let h: TeamsHarness;
  let world: TeamsWorld;
  let watch: ReturnType<typeof watchProcess>;
  const errors = errorLog();
  const typed = new Set<string>();
  let rssBefore = 0;

  beforeAll(async () => {
    h = await teamsHarness({}, {}, { log: errors.log });
    watch = watchProcess();
    const numbers = new Set<number>();
    const say = async (name: string, text: string, channel = 'math', tenant = TENANT) => {
      const res = await h.post(message(h.connector.url, { name, tenant }, { channel }, text));
      if (res.status !== 200) throw new Error(`setup: ${text} answered ${res.status}`);
      for (const m of JSON.stringify(h.connector.take().map((c) => c.body)).matchAll(/#(\d+)/g)) numbers.add(Number(m[1]));
    };
    await say('carla', 'create Math');
    await say('ana', 'join');
    await say('ben', 'join');
    await say('carla', 'role @gina guest');
    await say('carla', 'schedule weekly tue 15:30');
    await say('ana', 'agenda add Exit tickets');
    await say('other', 'create Other', 'other', OTHER_TENANT);
    await say('other', 'agenda add Their secret item', 'other', OTHER_TENANT);
    const theirs = [...numbers].slice(-2);
    world = {
      serviceUrl: h.connector.url,
      tenant: TENANT,
      otherTenant: OTHER_TENANT,
      people: ['carla', 'ana', 'ben', 'gina', 'omar', 'other'],
      communities: ['Math', 'Other', '"Grade 5 Math"'],
      items: [...numbers],
      otherTenantCommands: [
        'in Other agenda',
        'join Other',
        ...theirs.flatMap((n) => [`agenda remove #${n}`, `rsvp yes #${n}`, `notes #${n} leaked`]),
        'role <@aad-other|other> lead',
        'coordinator add <@aad-other|other>',
      ],
    };
    errors.take();
    rssBefore = rss();
  });

  afterAll(async () => {
    watch?.dispose();
    await h?.close();
  });

  /** Posts one activity; returns why it went wrong, or null. */
  async function deliver({ activity }: TeamsActivity): Promise<string | null> {
    const body = JSON.stringify(activity);
    noteTyped(typed, body);
    const mark = h.connector.calls.length;
    const res = await post(h.url, body, { 'content-type': 'application/json' });
    if (res.status === 0) return `no answer within ${ANSWER_WITHIN_MS} ms (${res.body})`;
    if (!ALLOWED_STATUSES.has(res.status)) return `answered ${res.status}: ${res.body.slice(0, 300)}`;
    if (res.ms > ANSWER_WITHIN_MS) return `answered after ${Math.round(res.ms)} ms`;
    // The turn is over when the answer comes; what is logged after it comes a turn later.
    await new Promise((resolve) => setImmediate(resolve));
    if (res.body.startsWith('{')) {
      const why = leakInJson(JSON.parse(res.body), typed);
      if (why) return `the invoke response: ${why}`;
    }
    for (const call of h.connector.calls.slice(mark)) {
      const why = leakInJson(call.body, typed);
      if (why) return `${call.kind} to ${call.conversation}: ${why}`;
    }
    const problems = [...watch.take(), ...errors.take()];
    return problems.length ? problems.join('\n') : null;
  }

  it('answers every activity at once with an allowed status, and nobody reads a crash', async () => {
    await fc.assert(
      fc.asyncProperty(teamsActivity(world), async (a) => {
        const why = await deliver(a);
        if (why) throw new Error(why);
      }),
      fuzzParameters(2000),
    );
  }, 180_000);

  it('leaves the database whole and the memory bounded', () => {
    expect(databaseProblems(h.app)).toEqual([]);
    expect(rss() - rssBefore).toBeLessThan(MAX_RSS_GROWTH);
  });
});
