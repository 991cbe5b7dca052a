import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askerText, postSigned, type SlackHarness, sign, slashCommandBody, startSlackHarness, typeCommand } from './support.js';

describe('requests not signed by Slack', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  const create = () =>
    slashCommandBody({ user: 'UCARLA', channel: 'CMATH', channelName: 'math', text: 'create Math', responseUrl: h.api.responseUrl('x') });

  it('refuses a forged signature with 401 and changes nothing', async () => {
    const before = h.api.calls.length;
    const res = await postSigned(h.baseUrl, create(), 'application/x-www-form-urlencoded', { signature: `v0=${'0'.repeat(64)}` });
    await h.adapter.idle();
    expect(res.status).toBe(401);
    expect(h.api.calls.length).toBe(before);
    expect(h.app.store.workspaces.find('slack', 'T0SCHOOL')).toBeNull();
  });

  it('refuses a body signed with another secret', async () => {
    const res = await postSigned(h.baseUrl, create(), 'application/x-www-form-urlencoded', { secret: 'not-our-secret' });
    expect(res.status).toBe(401);
    expect(h.app.store.workspaces.find('slack', 'T0SCHOOL')).toBeNull();
  });

  it('refuses a correctly signed request that is older than five minutes (a replay)', async () => {
    const stale = Math.floor(Date.now() / 1000) - 10 * 60;
    const body = create();
    const res = await postSigned(h.baseUrl, body, 'application/x-www-form-urlencoded', { timestamp: stale, signature: sign(body, stale) });
    await h.adapter.idle();
    expect(res.status).toBe(401);
    expect(h.app.store.workspaces.find('slack', 'T0SCHOOL')).toBeNull();
  });

  it('accepts the same command when it is signed as Slack signs it', async () => {
    const res = await postSigned(h.baseUrl, create(), 'application/x-www-form-urlencoded');
    await h.adapter.idle();
    expect(res.status).toBe(200);
    const ws = h.app.store.workspaces.find('slack', 'T0SCHOOL');
    expect(ws && h.app.store.communities.findByName(ws.id, 'Math')?.channel).toBe('CMATH');
  });

  it('refuses a correctly signed request dated more than five minutes ahead', async () => {
    const ahead = Math.floor(Date.now() / 1000) + 60 * 60;
    const body = slashCommandBody({
      user: 'UCARLA',
      channel: 'CSCIENCE',
      channelName: 'science',
      text: 'create Science',
      responseUrl: h.api.responseUrl('x'),
    });
    const res = await postSigned(h.baseUrl, body, 'application/x-www-form-urlencoded', { timestamp: ahead, signature: sign(body, ahead) });
    await h.adapter.idle();
    expect(res.status).toBe(401);
    const ws = h.app.store.workspaces.find('slack', 'T0SCHOOL');
    expect(ws && h.app.store.communities.findByName(ws.id, 'Science')).toBeNull();
  });

  it('runs a signed command once, however often the same request is sent', async () => {
    await typeCommand(h, { user: 'UCARLA', channel: 'CMATH', channelName: 'math', text: 'schedule weekly wed 15:30' });
    const body = slashCommandBody({
      user: 'UCARLA',
      channel: 'CMATH',
      channelName: 'math',
      text: 'agenda add Exit tickets',
      responseUrl: h.api.responseUrl('a'),
    });
    const timestamp = Math.floor(Date.now() / 1000);
    for (let i = 0; i < 3; i++) {
      const res = await postSigned(h.baseUrl, body, 'application/x-www-form-urlencoded', { timestamp, signature: sign(body, timestamp) });
      expect(res.status).toBe(200);
    }
    await h.adapter.idle();
    const { calls } = await typeCommand(h, { user: 'UCARLA', channel: 'CMATH', channelName: 'math', text: 'agenda' });
    expect(askerText(calls).match(/Exit tickets/g)).toHaveLength(1);
  });

  it('refuses a signed command that names no person or no team with 400, and runs nothing', async () => {
    const before = h.api.calls.length;
    for (const who of [{ user: '' }, { user: 'UDAN', team: '' }]) {
      const body = slashCommandBody({ channel: 'CMATH', channelName: 'math', text: 'join', responseUrl: h.api.responseUrl('j'), ...who });
      expect((await postSigned(h.baseUrl, body, 'application/x-www-form-urlencoded')).status).toBe(400);
    }
    await h.adapter.idle();
    expect(h.api.calls.length).toBe(before);
  });
});
