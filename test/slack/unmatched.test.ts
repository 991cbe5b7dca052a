import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonPress, interactivityBody, postSigned, type SlackHarness, slashCommandBody, startSlackHarness } from './support.js';

describe('signed requests no listener takes', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  // How fast is for bench/slack.ts; here, what is answered: an empty 200 from the guard, where Bolt left alone
  // would answer 404 once its three seconds for an ack ran out.
  const send = (body: string, type: 'application/x-www-form-urlencoded' | 'application/json') => postSigned(h.baseUrl, body, type);

  it('answers a press on a button that is not ours at once, and runs nothing', async () => {
    const before = h.api.calls.length;
    const payload = buttonPress({ user: 'UANA', channel: 'CMATH', value: 'help', actionTs: '1788000000.000100', actionId: 'another_app' });
    const res = await send(interactivityBody(payload), 'application/x-www-form-urlencoded');
    await h.adapter.idle();
    expect(res).toMatchObject({ status: 200, body: '' });
    expect(h.api.calls.slice(before).filter((c) => c.method !== 'users.info')).toEqual([]);
  });

  it('answers a slash command the app does not have, a modal that is not ours and a shortcut it never declared at once', async () => {
    const other = slashCommandBody({
      user: 'UANA',
      channel: 'CMATH',
      channelName: 'math',
      text: 'help',
      responseUrl: h.api.responseUrl('x'),
    });
    const bodies = [
      other.replace('command=%2Fplc', 'command=%2Fother'),
      interactivityBody({
        type: 'view_submission',
        user: { id: 'UANA' },
        team: { id: 'T0SCHOOL' },
        view: { callback_id: 'not_ours', state: { values: {} } },
      }),
      interactivityBody({ type: 'shortcut', callback_id: 'not_ours', user: { id: 'UANA' }, team: { id: 'T0SCHOOL' }, trigger_id: 't' }),
    ];
    for (const body of bodies) {
      const res = await send(body, 'application/x-www-form-urlencoded');
      expect(res.status).toBe(200);
    }
  });

  it('refuses at once a body of no kind Slack sends, and one whose fields Bolt cannot read', async () => {
    for (const [body, type] of [
      [JSON.stringify({ hello: 'world' }), 'application/json'],
      [JSON.stringify(5), 'application/json'],
      [interactivityBody({ type: 'block_actions', user: null, actions: [] }), 'application/x-www-form-urlencoded'],
      [interactivityBody({ type: 'block_actions', user: { id: 'UANA' }, actions: true }), 'application/x-www-form-urlencoded'],
      [JSON.stringify({ type: 'event_callback', event: 'x', team_id: 'T0SCHOOL' }), 'application/json'],
      [JSON.stringify({ type: 'event_callback', event: { type: 'user_change', user: null }, team_id: 'T0SCHOOL' }), 'application/json'],
    ] as const) {
      const res = await send(body, type);
      expect(res.status, body).toBe(400);
    }
  });

  it('refuses at once a slash command without its team or person, as Slack never sends one, and calls nothing', async () => {
    const body = slashCommandBody({
      user: 'UANA',
      channel: 'CMATH',
      channelName: 'math',
      text: 'help',
      responseUrl: h.api.responseUrl('y'),
    });
    const before = h.api.calls.length;
    const res = await send(body.replace(/team_id=[^&]*&/, ''), 'application/x-www-form-urlencoded');
    await h.adapter.idle();
    expect(res).toMatchObject({ status: 400, body: '' });
    expect(h.api.calls.slice(before)).toEqual([]);
  });
});
