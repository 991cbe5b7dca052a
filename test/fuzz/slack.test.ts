import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNING_SECRET, type SlackHarness, sign, startSlackHarness, TEAM, typeCommand } from '../slack/support.js';
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
import { type SlackRequest, type SlackWorld, slackRequest } from './slack-requests.js';

const OTHER_TEAM = 'T0OTHER';
const USERS = { carla: 'UCARLA', ana: 'UANA', ben: 'UBEN', gina: 'UGINA', omar: 'UOMAR', other: 'UOTHER' };
/** Work after the ack (answers through response_url, modals, the App Home) must settle within this too. */
const SETTLE_MS = 5000;
/** The Web API methods whose bodies a person reads. */
const READ = new Set(['respond', 'chat.postMessage', 'chat.postEphemeral', 'chat.update', 'views.open', 'views.publish', 'views.update']);

describe('fuzzing Slack: signed commands, button presses, modal submissions and events through POST /slack/events', () => {
  let h: SlackHarness;
  let world: SlackWorld;
  let watch: ReturnType<typeof watchProcess>;
  const errors = errorLog();
  const typed = new Set<string>();
  let rssBefore = 0;

  /** Bolt's processing of each request, which goes on after the ack answered it: waited for, so what it logs belongs to its input. */
  const processing = new Set<Promise<void>>();

  beforeAll(async () => {
    h = await startSlackHarness({ log: errors.log });
    const { bolt } = h.adapter;
    const processEvent = bolt.processEvent.bind(bolt);
    bolt.processEvent = (event) => {
      const p = processEvent(event);
      processing.add(p);
      void p.finally(() => processing.delete(p)).catch(() => {});
      return p;
    };
    watch = watchProcess();
    const numbers = new Set<number>();
    const say = async (user: string, text: string, channel = 'CMATH', channelName = 'math', team = TEAM) => {
      const { calls } = await typeCommand(h, { user, text, channel, channelName, team });
      for (const m of JSON.stringify(calls.map((c) => c.body)).matchAll(/#(\d+)/g)) numbers.add(Number(m[1]));
    };
    await say(USERS.carla, 'create Math');
    await say(USERS.ana, 'join');
    await say(USERS.ben, 'join');
    await say(USERS.carla, `role <@${USERS.gina}|gina> guest`);
    await say(USERS.carla, 'schedule weekly tue 15:30');
    await say(USERS.ana, 'agenda add Exit tickets');
    await say(USERS.other, 'create Other', 'COTHER', 'other', OTHER_TEAM);
    await say(USERS.other, 'agenda add Their secret item', 'COTHER', 'other', OTHER_TEAM);
    const theirs = [...numbers].slice(-2);
    world = {
      team: TEAM,
      otherTeam: OTHER_TEAM,
      userIds: USERS,
      people: ['carla', 'ana', 'ben', 'gina', 'omar', 'other'],
      communities: ['Math', 'Other', '"Grade 5 Math"'],
      items: [...numbers],
      channels: [
        { id: 'CMATH', name: 'math' },
        { id: 'CGENERAL', name: 'general' },
        { id: 'COTHER', name: 'other' },
      ],
      responseUrl: h.api.responseUrl('fuzz'),
      otherTeamCommands: [
        'in Other agenda',
        'join Other',
        ...theirs.flatMap((n) => [`agenda remove #${n}`, `rsvp yes #${n}`, `notes #${n} leaked`]),
        `role <@${USERS.other}|other> lead`,
        `coordinator add <@${USERS.other}|other>`,
      ],
    };
    errors.take();
    rssBefore = rss();
  });

  afterAll(async () => {
    watch?.dispose();
    await h?.close();
  });

  /** Posts one request signed as Slack signs it; returns why it went wrong, or null. */
  async function deliver(r: SlackRequest): Promise<string | null> {
    const text = r.contentType === 'application/json' ? r.body : [...new URLSearchParams(r.body).values()].join('\n');
    noteTyped(typed, text);
    const mark = h.api.calls.length;
    const timestamp = Math.floor(Date.now() / 1000);
    const res = await post(`${h.baseUrl}/slack/events`, r.body, {
      'content-type': r.contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': sign(r.body, timestamp, SIGNING_SECRET),
    });
    if (res.status === 0) return `no answer within ${ANSWER_WITHIN_MS} ms (${res.body})`;
    if (!ALLOWED_STATUSES.has(res.status)) return `answered ${res.status}: ${res.body.slice(0, 300)}`;
    if (res.ms > ANSWER_WITHIN_MS) return `answered after ${Math.round(res.ms)} ms`;
    const settled = await Promise.race([
      Promise.allSettled([...processing])
        .then(() => h.adapter.idle())
        .then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), SETTLE_MS).unref()),
    ]);
    if (!settled) return `work after the ack did not settle within ${SETTLE_MS} ms`;
    // What the receiver logs once Bolt is done comes a turn later.
    await new Promise((resolve) => setImmediate(resolve));
    if (res.body.startsWith('{')) {
      const why = leakInJson(JSON.parse(res.body), typed);
      if (why) return `the ack: ${why}`;
    }
    for (const call of h.api.calls.slice(mark)) {
      if (!READ.has(call.method)) continue;
      const why = leakInJson(call.body, typed);
      if (why) return `${call.method}: ${why}`;
    }
    const problems = [...watch.take(), ...errors.take()];
    return problems.length ? problems.join('\n') : null;
  }

  it('answers every signed request at once with an allowed status, and nobody reads a crash', async () => {
    await fc.assert(
      fc.asyncProperty(slackRequest(world), async (r) => {
        const why = await deliver(r);
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
