import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEAMS_BODY_LIMIT } from '../../adapters/teams/http.js';
import { postHead, rawSend } from '../http/raw-client.js';
import { type TeamsHarness, teamsHarness } from './harness.js';

describe('what /api/messages reads', () => {
  let h: TeamsHarness;
  let port: number;
  beforeAll(async () => {
    h = await teamsHarness();
    port = Number(new URL(h.url).port);
  });
  afterAll(async () => {
    await h.close();
  });

  it('refuses a body over 1 MB with 413, not as a body that is not JSON', async () => {
    const body = Buffer.alloc(1_500_000, ' ');
    const answer = await rawSend(
      port,
      postHead('/api/messages', { 'content-type': 'application/json', 'content-length': body.length }),
      body,
    );
    expect(TEAMS_BODY_LIMIT).toBe(1_000_000);
    expect(answer.status).toBe(413);
  });

  it('refuses JSON that is no activity (null, a list) with 400', async () => {
    for (const body of ['null', '[]', '42']) {
      const res = await fetch(h.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(res.status, body).toBe(400);
    }
    expect((await fetch(h.url.replace('/api/messages', '/healthz'))).status).toBe(200);
  });
});
