import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interactivityBody, postSigned, type SlackHarness, startSlackHarness } from './support.js';

/** Slack shows a person an error when a request is not answered within three seconds; these must be answered long before. */
const AT_ONCE_MS = 1000;

describe('signed requests no listener takes', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  async function timed(body: string, type: 'application/x-www-form-urlencoded' | 'application/json') {
    const started = performance.now();
    const res = await postSigned(h.baseUrl, body, type);
    return { ...res, ms: performance.now() - started };
  }

  it('refuses at once a body of no kind Slack sends, and one whose fields Bolt cannot read', async () => {
    for (const [body, type] of [
      [JSON.stringify({ hello: 'world' }), 'application/json'],
      [JSON.stringify(5), 'application/json'],
      [interactivityBody({ type: 'block_actions', user: null, actions: [] }), 'application/x-www-form-urlencoded'],
      [interactivityBody({ type: 'block_actions', user: { id: 'UANA' }, actions: true }), 'application/x-www-form-urlencoded'],
      [JSON.stringify({ type: 'event_callback', event: 'x', team_id: 'T0SCHOOL' }), 'application/json'],
      [JSON.stringify({ type: 'event_callback', event: { type: 'user_change', user: null }, team_id: 'T0SCHOOL' }), 'application/json'],
    ] as const) {
      const res = await timed(body, type);
      expect(res.status, body).toBe(400);
      expect(res.ms).toBeLessThan(AT_ONCE_MS);
    }
  });
});
