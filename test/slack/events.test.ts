import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { repos } from '../../src/capabilities/meetings/store/index.js';
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

  it('takes someone who leaves the community’s channel out of the community', async () => {
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
});

/** Math in #math (Copenhagen), led by UCARLA with UANA, UBEN and UDORA, meeting Wednesdays at 15:30 local time. */
describe('Slack events about the people of a scheduled community', () => {
  let h: SlackHarness;
  const say = (user: string, text: string) => typeCommand(h, { user, channel: 'CMATH', channelName: 'math', text });
  const ws = () => h.app.store.workspaces.find('slack', TEAM)?.id ?? 0;
  const math = () => h.app.store.communities.findByName(ws(), 'Math');
  const idOf = (user: string) => h.app.store.users.findByExternal(ws(), user)?.id ?? 0;
  const externalOf = (id: number | null) => (id === null ? null : (h.app.store.users.get(ws(), id)?.externalId ?? null));
  const firstMeeting = () => repos(h.app.store).meetings.byOccurrence(math()?.id ?? 0, '2026-09-02');
  const event = (e: Record<string, unknown>) => deliverSigned(h, eventBody(e), 'application/json');
  const leaves = (user: string) => event({ type: 'member_left_channel', user, channel: 'CMATH', channel_type: 'C', team: TEAM });
  /** Runs what is due at the current instant: the refresh a change queued, as the live ticker would at once. */
  const settle = () => h.app.advance(h.app.clock.now().getTime());
  const postsTo = (channel: string) => h.api.of('chat.postMessage').filter((c) => c.body.channel === channel);

  beforeEach(async () => {
    h = await startSlackHarness();
    await say('UCARLA', 'create Math');
    await say('UCARLA', 'settings tz Europe/Copenhagen');
    for (const user of ['UANA', 'UBEN', 'UDORA']) await say(user, 'join');
    await say('UCARLA', 'schedule weekly wed 15:30');
  });
  afterEach(async () => {
    await h.close();
  });

  it('hands the duty of a facilitator who leaves the channel on, and updates the posted reminders', async () => {
    const facilitator = externalOf(firstMeeting()?.facilitatorId ?? null) as string;
    // They may be the only lead, whom leaving the channel would not take out: someone else leads too.
    const other = ['UCARLA', 'UANA'].find((u) => u !== facilitator) as string;
    await say('UCARLA', `role <@${other}|${other.toLowerCase()}> lead`);
    await h.app.advance(Date.parse('2026-09-02T12:45:00Z'));
    const posts = postsTo('CMATH').filter((c) => blocksText(c.body.blocks).includes('Math meets'));
    expect(posts).toHaveLength(2);
    expect(blocksText(posts[1]?.body.blocks)).toContain(`<@${facilitator}>`);

    await leaves(facilitator);
    expect(h.app.store.communities.roleOf(math()?.id ?? 0, idOf(facilitator))).toBeNull();
    const next = externalOf(firstMeeting()?.facilitatorId ?? null);
    expect(next).not.toBeNull();
    expect(next).not.toBe(facilitator);

    await settle();
    const updates = h.api.of('chat.update');
    const posted = repos(h.app.store).reminderPosts.ofMeeting(firstMeeting()?.id ?? 0);
    expect(posted).toHaveLength(2);
    expect(updates.map((u) => ({ conversation: u.body.channel, message: u.body.ts }))).toEqual(posted);
    for (const u of updates) {
      expect(blocksText(u.body.blocks)).toContain(`<@${next}>`);
      expect(blocksText(u.body.blocks)).not.toContain(`<@${facilitator}>`);
    }
  });

  it('keeps the only lead who leaves the channel as lead and member, and tells them so', async () => {
    await leaves('UCARLA');
    expect(h.app.store.communities.roleOf(math()?.id ?? 0, idOf('UCARLA'))).toBe('lead');
    const told = postsTo('UCARLA');
    expect(told).toHaveLength(1);
    expect(blocksText(told[0]?.body.blocks)).toContain('only lead');
    await settle();
    expect(h.api.of('chat.update')).toEqual([]);
  });

  it('sends a deactivated person no more DMs and gives them no duties', async () => {
    const noteTaker = externalOf(firstMeeting()?.noteTakerId ?? null) as string;
    expect(noteTaker).toMatch(/^U/);
    await event({ type: 'user_change', user: { id: noteTaker, team_id: TEAM, name: noteTaker.toLowerCase(), deleted: true } });
    expect(externalOf(firstMeeting()?.noteTakerId ?? null)).not.toBe(noteTaker);
    expect(externalOf(firstMeeting()?.facilitatorId ?? null)).not.toBe(noteTaker);

    // Three weeks of meetings, each with its note-taker's nudge after it: none of it reaches them.
    await h.app.advance(Date.parse('2026-09-24T00:00:00Z'));
    const meetings = repos(h.app.store).meetings.list(math()?.id ?? 0);
    expect(meetings.length).toBeGreaterThanOrEqual(3);
    for (const m of meetings) expect([externalOf(m.facilitatorId), externalOf(m.noteTakerId)]).not.toContain(noteTaker);
    expect(postsTo(noteTaker)).toEqual([]);
    // The nudges went to whoever took the notes instead.
    const nudged = h.api.of('chat.postMessage').filter((c) => blocksText(c.body.blocks).includes('notes #'));
    expect(nudged.length).toBeGreaterThanOrEqual(3);
    const noteTakers = meetings.map((m) => externalOf(m.noteTakerId));
    for (const c of nudged) expect(noteTakers).toContain(c.body.channel);
  });
});
