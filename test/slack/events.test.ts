import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  askerText,
  blocksText,
  buttonPress,
  deliverSigned,
  eventBody,
  interactivityBody,
  type SlackHarness,
  startSlackHarness,
  TEAM,
  typeCommand,
} from './support.js';

describe('Slack events and buttons', () => {
  let h: SlackHarness;
  const workspaceId = () => h.app.store.workspaces.find('slack', TEAM)?.id ?? 0;
  const memberOfMath = (user: string) => {
    const ws = workspaceId();
    const math = h.app.store.communities.findByName(ws, 'Math');
    const u = h.app.store.users.findByExternal(ws, user);
    return math && u ? h.app.store.communities.roleOf(math.id, u.id) : null;
  };

  beforeAll(async () => {
    h = await startSlackHarness();
    await typeCommand(h, { user: 'UCARLA', channel: 'CMATH', channelName: 'math', text: 'create Math' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('offers a newcomer to the community’s channel to join, once, even when Slack retries the event', async () => {
    const joined = eventBody(
      { type: 'member_joined_channel', user: 'UDAN', channel: 'CMATH', channel_type: 'C', team: TEAM },
      { eventId: 'Ev0JOIN' },
    );
    const first = await deliverSigned(h, joined, 'application/json');
    const retry = await deliverSigned(h, joined, 'application/json', { retryNum: 1 });
    expect([first.status, retry.status]).toEqual([200, 200]);
    const offers = [...first.calls, ...retry.calls].filter((c) => c.method === 'chat.postEphemeral');
    expect(offers).toHaveLength(1);
    expect(offers[0]?.body).toMatchObject({ channel: 'CMATH', user: 'UDAN' });
    expect(blocksText(offers[0]?.body.blocks)).toContain('[Join Math] /plc join Math');
  });

  it('runs a pressed button’s command as the presser, and a double click only once', async () => {
    const press = (actionTs: string) =>
      deliverSigned(
        h,
        interactivityBody(
          buttonPress({
            user: 'UDAN',
            channel: 'CMATH',
            channelName: 'math',
            value: 'join Math',
            actionTs,
            responseUrl: h.api.responseUrl(`p${actionTs}`),
          }),
        ),
        'application/x-www-form-urlencoded',
      );
    const first = await press('1788000100.000001');
    const second = await press('1788000100.400001');
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(askerText(first.calls)).toContain('Welcome to Math!');
    expect(second.calls.filter((c) => c.method === 'respond')).toHaveLength(0);
    expect(memberOfMath('UDAN')).toBe('member');
  });

  it('publishes the App Home with the person’s communities when they open it', async () => {
    const { calls } = await deliverSigned(
      h,
      eventBody({ type: 'app_home_opened', user: 'UDAN', channel: 'DDAN', tab: 'home' }),
      'application/json',
    );
    const publish = calls.find((c) => c.method === 'views.publish');
    expect(publish?.body.user_id).toBe('UDAN');
    const home = publish?.body.view as { type: string; blocks: unknown };
    expect(home.type).toBe('home');
    expect(blocksText(home.blocks)).toContain('Math · member');
  });

  it('marks someone who leaves the community’s channel as gone from the community', async () => {
    await deliverSigned(
      h,
      eventBody({ type: 'member_left_channel', user: 'UDAN', channel: 'CMATH', channel_type: 'C', team: TEAM }),
      'application/json',
    );
    expect(memberOfMath('UDAN')).toBeNull();
  });

  it('stops messaging a deactivated person, and resumes when they are reactivated', async () => {
    const change = (deleted: boolean) =>
      deliverSigned(h, eventBody({ type: 'user_change', user: { id: 'UDAN', team_id: TEAM, name: 'dan', deleted } }), 'application/json');
    await change(true);
    const ws = { platform: 'slack' as const, externalId: TEAM };
    const dm = { kind: 'user' as const, user: 'UDAN' };
    const hello = { locale: 'en' as const, dir: 'ltr' as const, summary: 'hi', blocks: [{ type: 'text' as const, text: 'hi' }] };
    expect(await h.adapter.messenger.send(ws, dm, hello)).toBeNull();
    expect(h.app.store.users.findByExternal(workspaceId(), 'UDAN')?.deactivatedAt).not.toBeNull();
    await change(false);
    expect(await h.adapter.messenger.send(ws, dm, hello)).toEqual({ conversation: 'DDAN', message: expect.any(String) });
  });

  it('answers the “Save to PLC library” shortcut that the library comes with the knowledge feature', async () => {
    const shortcut = {
      type: 'message_action',
      callback_id: 'save_to_library',
      trigger_id: '1337.42.shortcut',
      response_url: h.api.responseUrl('shortcut'),
      team: { id: TEAM, domain: 'school' },
      user: { id: 'UCARLA', name: 'carla', team_id: TEAM },
      channel: { id: 'CMATH', name: 'math' },
      message: { type: 'message', user: 'UANA', ts: '1788000000.000300', text: 'Exit tickets work' },
      message_ts: '1788000000.000300',
      action_ts: '1788000200.000001',
      token: 'verification-token-unused',
    };
    const { status, calls } = await deliverSigned(h, interactivityBody(shortcut), 'application/x-www-form-urlencoded');
    expect(status).toBe(200);
    expect(askerText(calls)).toContain('resource library');
  });
});
